// The console's entry: the query cache (refusals are not retried), the session and the
// router under /console/, where the gateway serves it.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ConsoleRoutes } from './ConsoleRoutes.tsx';
import { ApiProblem } from './gateway/api-problem.ts';
import { SessionProvider } from './session/SessionProvider.tsx';
import './console.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // a refusal (4xx) will not change by asking again; a failure may
      retry: (failures, error) =>
        failures < 2 && !(error instanceof ApiProblem && error.status >= 400 && error.status < 500),
    },
  },
});

const root = document.getElementById('console');
if (root === null) throw new Error('index.html has no #console element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter basename={import.meta.env.BASE_URL.replace(/\/$/, '')}>
        <SessionProvider>
          <ConsoleRoutes />
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
