// A refusal or failure of the API in words: the problem's title and detail (and the
// correlation id to quote), announced to screen readers when it appears.
import type { ReactNode } from 'react';
import { ApiProblem } from '../gateway/api-problem.ts';

export function ProblemNotice({
  error,
  context,
  children,
}: {
  readonly error: unknown;
  readonly context?: string;
  readonly children?: ReactNode;
}) {
  const problem = error instanceof ApiProblem ? error.problem : undefined;
  const title = problem?.title ?? (error instanceof Error ? error.message : 'Something went wrong');
  return (
    <div role="alert" className="notice notice-problem">
      <p className="notice-title">{context ? `${context}: ${title}` : title}</p>
      {problem?.detail ? <p>{problem.detail}</p> : null}
      {problem?.correlationId ? (
        <p className="hint">Reference for support: {problem.correlationId}</p>
      ) : null}
      {children}
    </div>
  );
}
