// Builds the console into dist/, which the gateway serves under /console/ (same origin as the
// API). Asset file names carry their content's hash, so the gateway lets browsers keep them
// for a year; index.html, always revalidated, names the current ones.
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { bundleBudget } from './bundle-budget.ts';

const gateway = process.env.CTTECH_GATEWAY_URL ?? 'http://127.0.0.1:53000';

export default defineConfig({
  base: '/console/',
  plugins: [react(), bundleBudget()],
  // the workspace's packages are read from their TypeScript sources, as in the tests
  resolve: { conditions: ['@cttech/source', ...defaultClientConditions] },
  build: { target: 'es2022' },
  // `pnpm dev`: the API, the development issuer, health and the sign-in options from the
  // running gateway
  server: {
    proxy: {
      '/api': gateway,
      '/dev': gateway,
      '/health': gateway,
      '/console/sign-in-options.json': gateway,
    },
  },
});
