// Calls to the gateway's API (same origin, under /api/v1) with the signed-in user's bearer
// token. Refusals become ApiProblem errors; a 401 also ends the session.
import type { DemoUser } from '../sign-in/demo-users.ts';
import {
  SignInOptionsError,
  signInOptionsOf,
  type SignInOptions,
} from '../sign-in/sign-in-options.ts';
import { ApiProblem, problemOf, unreachableProblem } from './api-problem.ts';
import type { Readiness } from './api-types.ts';

export const apiBase = '/api/v1';

export interface Download {
  readonly blob: Blob;
  /** The file name the answer's Content-Disposition suggests, if any. */
  readonly fileName: string | undefined;
}

export interface GatewayClient {
  /** GET a JSON answer; `path` is under /api/v1 ('/engagements?limit=50'). */
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  /** A change: a JSON body in, the JSON answer out. */
  send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** A file to save (a CSV export). */
  download(path: string): Promise<Download>;
  /** An answer read as it arrives (server-sent events), until `signal` aborts. */
  stream(path: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>>;
}

/** A client for one session; `onSessionEnded` runs when the gateway no longer accepts the token. */
export function gatewayClient(accessToken: string, onSessionEnded: () => void): GatewayClient {
  const call = async (path: string, init: RequestInit, accept: string): Promise<Response> => {
    let response: Response;
    try {
      response = await fetch(`${apiBase}${path}`, {
        ...init,
        headers: {
          ...init.headers,
          accept,
          authorization: `Bearer ${accessToken}`,
        },
      });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new ApiProblem(
        unreachableProblem(error instanceof Error ? error.message : 'no answer'),
      );
    }
    if (response.ok) return response;
    const problem = problemOf(
      response.status,
      response.headers.get('content-type'),
      await response.text(),
    );
    if (response.status === 401) onSessionEnded();
    throw new ApiProblem(problem);
  };
  const json = async <T>(response: Response): Promise<T> => {
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  };
  return {
    async get<T>(path: string, signal?: AbortSignal) {
      return json<T>(await call(path, { signal: signal ?? null }, 'application/json'));
    },
    async send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) {
      const init: RequestInit =
        body === undefined
          ? { method }
          : { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
      return json<T>(await call(path, init, 'application/json'));
    },
    async download(path: string) {
      const response = await call(path, {}, '*/*');
      return {
        blob: await response.blob(),
        fileName: fileNameOf(response.headers.get('content-disposition')),
      };
    },
    async stream(path: string, signal: AbortSignal) {
      const response = await call(path, { signal }, 'text/event-stream');
      if (response.body === null) {
        throw new ApiProblem(unreachableProblem('the stream answered without a body'));
      }
      return response.body;
    },
  };
}

/** The file name of a Content-Disposition header (`attachment; filename="x.csv"`). */
export function fileNameOf(disposition: string | null): string | undefined {
  const name = disposition?.match(/filename="?([^";]+)"?/i)?.[1];
  return name === undefined ? undefined : name.trim();
}

/**
 * A call that needs no token (the development issuer, readiness): the answer's status and
 * text, or a problem saying the gateway could not be reached.
 */
async function publicCall(
  path: string,
  init: RequestInit,
): Promise<{ response: Response; text: string }> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...(init.headers as Record<string, string>) },
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiProblem(unreachableProblem(error instanceof Error ? error.message : 'no answer'));
  }
  return { response, text: await response.text() };
}

/** A public call's JSON answer, or its problem thrown. */
async function publicJson<T>(path: string, init: RequestInit): Promise<T> {
  const { response, text } = await publicCall(path, init);
  if (!response.ok) {
    throw new ApiProblem(problemOf(response.status, response.headers.get('content-type'), text));
  }
  return JSON.parse(text) as T;
}

/** Where the gateway says how to sign in (public, beside the console's own files). */
export const signInOptionsPath = '/console/sign-in-options.json';

/**
 * How the gateway lets users sign in: the identity provider, the demo users, or both. An
 * answer that is not the expected JSON throws SignInOptionsError naming what is wrong.
 */
export async function signInOptions(signal?: AbortSignal): Promise<SignInOptions> {
  const { response, text } = await publicCall(signInOptionsPath, { signal: signal ?? null });
  if (!response.ok) {
    throw new ApiProblem(problemOf(response.status, response.headers.get('content-type'), text));
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new SignInOptionsError(
      `the gateway's answer to ${signInOptionsPath} is not JSON (${response.headers.get('content-type') ?? 'no content type'})`,
    );
  }
  return signInOptionsOf(body);
}

/** A demo user's token from the gateway's development issuer (local use only). */
export async function developmentToken(userId: string): Promise<string> {
  const { accessToken } = await publicJson<{ accessToken: string }>('/dev/tokens', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  return accessToken;
}

/** The demo users the gateway's development issuer mints tokens for (local use only). */
export async function developmentUsers(signal?: AbortSignal): Promise<readonly DemoUser[]> {
  const { users } = await publicJson<{ users: readonly DemoUser[] }>('/dev/users', {
    signal: signal ?? null,
  });
  return users;
}

/** The gateway's readiness (`GET /health/ready`, no token): each dependency up or down. */
export async function readiness(signal?: AbortSignal): Promise<Readiness> {
  const { response, text } = await publicCall('/health/ready', { signal: signal ?? null });
  if (response.ok) return JSON.parse(text) as Readiness;
  const problem = problemOf(response.status, response.headers.get('content-type'), text);
  // a 503 names the dependencies that do not answer
  return {
    status: 'not ready',
    dependencies: Object.fromEntries(problem.errors.map(({ field }) => [field, 'down'])),
    problems: problem.errors,
  };
}
