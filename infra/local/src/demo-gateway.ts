// The gateway's HTTP API as the demo users use it: tokens from the development issuer, calls
// under /api/v1 with the global fetch, readiness, and the rate limit honoured. Only the
// gateway: the demo never reaches past it.
import { setTimeout as delay } from 'node:timers/promises';
import { accessToken, problemWords } from './demo-responses.ts';

/** The gateway does not answer (not started, restarting) or a service behind it is down. */
export class GatewayUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'GatewayUnavailableError';
  }
}

/** The API answered with a status the step did not expect: its problem, in words. */
export class ApiAnswerError extends Error {
  readonly status: number;
  readonly body: unknown;

  constructor(what: string, status: number, body: unknown) {
    super(`${what}: the API answered ${problemWords(status, body)}`);
    this.name = 'ApiAnswerError';
    this.status = status;
    this.body = body;
  }
}

export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface GatewayClientOptions {
  /** Where the gateway listens, e.g. http://127.0.0.1:53000 (the API is under /api/v1). */
  readonly gateway: string;
  /** Each request's own time limit. */
  readonly requestTimeoutMs?: number;
  /** How often a request refused for the rate limit is tried again, after the wait it names. */
  readonly rateLimitRetries?: number;
}

/** The statuses that mean "not now" rather than "no": the call may be tried again later. */
const unavailableStatuses = new Set([502, 503, 504]);

export class GatewayClient {
  readonly gateway: string;
  private readonly requestTimeoutMs: number;
  private readonly rateLimitRetries: number;
  private readonly tokens = new Map<string, Promise<string>>();

  constructor({ gateway, requestTimeoutMs = 20_000, rateLimitRetries = 5 }: GatewayClientOptions) {
    this.gateway = gateway.replace(/\/+$/, '');
    this.requestTimeoutMs = requestTimeoutMs;
    this.rateLimitRetries = rateLimitRetries;
  }

  /**
   * Waits until the gateway says it is ready (`GET /health/ready`: Temporal, Kafka and the
   * services behind it answer), polling until the deadline; says once that it waits.
   */
  async waitUntilReady(timeoutMs: number, onWaiting?: (why: string) => void): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let interval = 250;
    let told = false;
    for (;;) {
      let why: string;
      try {
        const response = await fetch(`${this.gateway}/health/ready`, {
          signal: AbortSignal.timeout(Math.min(this.requestTimeoutMs, 5_000)),
        });
        const text = await response.text();
        if (response.ok) return;
        why = `${response.status} ${text.slice(0, 300)}`;
      } catch (error) {
        why = `nothing answers (${causeWords(error)})`;
      }
      if (Date.now() >= deadline) {
        throw new GatewayUnavailableError(
          `the gateway at ${this.gateway} was not ready after ${Math.round(timeoutMs / 1000)} s: ${why}; is the system up? bash infra/local/infra.sh status`,
        );
      }
      if (!told) {
        onWaiting?.(why);
        told = true;
      }
      await delay(interval);
      interval = Math.min(2_000, interval * 1.5);
    }
  }

  /** A demo user's access token from the development issuer, fetched once per user. */
  token(userId: string): Promise<string> {
    let token = this.tokens.get(userId);
    if (token === undefined) {
      token = this.fetchToken(userId);
      this.tokens.set(userId, token);
      // a failed fetch is not kept: the next call tries again
      void token.catch(() => {
        this.tokens.delete(userId);
      });
    }
    return token;
  }

  private async fetchToken(userId: string): Promise<string> {
    const answer = await this.send(`${this.gateway}/dev/tokens`, {
      method: 'POST',
      body: JSON.stringify({ userId }),
      headers: { 'content-type': 'application/json' },
    });
    if (answer.status !== 201 && answer.status !== 200) {
      throw new ApiAnswerError(
        `a token for demo user ${userId} (POST /dev/tokens)`,
        answer.status,
        answer.body,
      );
    }
    return accessToken(answer.body);
  }

  /** One call to the API (`path` under /api/v1) as the demo user, JSON in and out. */
  async call(
    as: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer> {
    const token = await this.token(as);
    return this.send(`${this.gateway}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  /** A call whose answer must have one of the expected statuses; else its problem, in words. */
  async expect(
    what: string,
    expected: readonly number[],
    as: string,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiAnswer> {
    const answer = await this.call(as, method, path, body, headers);
    if (!expected.includes(answer.status)) {
      throw new ApiAnswerError(
        `${what} (${method} /api/v1${path} as ${as})`,
        answer.status,
        answer.body,
      );
    }
    return answer;
  }

  /**
   * Sends one request; a 429 waits as long as the gateway says (Retry-After) and tries again.
   * A gateway that does not answer, or answers 502/503/504, is a GatewayUnavailableError.
   */
  private async send(url: string, init: RequestInit): Promise<ApiAnswer> {
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      let text: string;
      try {
        response = await fetch(url, {
          ...init,
          signal: AbortSignal.timeout(this.requestTimeoutMs),
        });
        text = await response.text();
      } catch (error) {
        throw new GatewayUnavailableError(
          `${init.method ?? 'GET'} ${url} got no answer (${causeWords(error)})`,
          { cause: error },
        );
      }
      const body = parsed(text, response.headers.get('content-type'));
      if (response.status === 429 && attempt < this.rateLimitRetries) {
        await delay(retryAfterMs(response.headers.get('retry-after')));
        continue;
      }
      if (unavailableStatuses.has(response.status)) {
        throw new GatewayUnavailableError(
          `${init.method ?? 'GET'} ${url} answered ${problemWords(response.status, body)}`,
        );
      }
      return { status: response.status, body };
    }
  }
}

function parsed(text: string, contentType: string | null): unknown {
  if (text === '' || !contentType?.includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The wait a 429 names (seconds, or an HTTP date), within 1 to 60 s. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number {
  const seconds = Number(header);
  const ms =
    Number.isFinite(seconds) && header !== null && header.trim() !== ''
      ? seconds * 1000
      : header
        ? Date.parse(header) - now
        : Number.NaN;
  return Number.isFinite(ms) ? Math.min(60_000, Math.max(1_000, ms)) : 5_000;
}

function causeWords(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'timed out';
  const cause = (error as Error & { cause?: unknown }).cause;
  const code =
    typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? `${error.message}: ${code}` : error.message;
}
