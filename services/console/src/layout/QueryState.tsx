// What a page shows while its data loads or when the API refused: a status message, or the
// problem in words with a way to try again.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ProblemNotice } from '../forms/ProblemNotice.tsx';

export function QueryState<T>({
  query,
  what,
  children,
}: {
  readonly query: UseQueryResult<T>;
  /** What is loading, in words: 'your engagements'. */
  readonly what: string;
  readonly children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    return (
      <p role="status" className="loading">
        Loading {what}…
      </p>
    );
  }
  if (query.isError) {
    return (
      <ProblemNotice error={query.error} context={`Could not load ${what}`}>
        <button type="button" className="button secondary" onClick={() => void query.refetch()}>
          Try again
        </button>
      </ProblemNotice>
    );
  }
  return <>{children(query.data)}</>;
}
