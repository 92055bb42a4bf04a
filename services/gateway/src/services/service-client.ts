// The gateway's HTTP client for the services behind it (compliance, activities, notifications):
// it forwards the caller's own access token, since each service checks roles and partner states
// again, and gives back the service's answer as it came. A service that cannot be reached, or
// does not answer in time, is a 503 problem naming it.
import { GatewayError } from '../problem.ts';

/** A service's answer, relayed to the caller unchanged. */
export interface ServiceAnswer {
  readonly status: number;
  /** `application/json`, or `application/problem+json` for a refusal. */
  readonly contentType: string;
  /** The body as the service sent it (text, not re-encoded). */
  readonly body: string;
  /** For a download (the indicators' CSV): the file name the service gave it. */
  readonly contentDisposition?: string | undefined;
}

export type ServiceMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The services the gateway forwards to, as they are named in problems and readiness. */
export type ServiceName = 'compliance' | 'activities' | 'notifications';

export interface ServiceClientOptions {
  readonly service: ServiceName;
  /** Where the service listens, e.g. `http://127.0.0.1:53010`. */
  readonly baseUrl: string;
  /** How long one call may take before it counts as unavailable. */
  readonly timeoutMs?: number;
}

/** Path segments from the caller are always encoded: `/a/${segment(id)}`. */
export const segment = encodeURIComponent;

/** What a route needs of a service behind the gateway; ServiceClient is the real one. */
export interface ServiceRelay {
  readonly service: ServiceName;
  call(
    method: ServiceMethod,
    path: string,
    accessToken: string,
    body?: unknown,
  ): Promise<ServiceAnswer>;
  open(path: string, accessToken: string, signal: AbortSignal): Promise<Response>;
}

/** The Nest injection tokens of the services routes forward to. */
export const ACTIVITIES_SERVICE = Symbol('ActivitiesService');
export const NOTIFICATIONS_SERVICE = Symbol('NotificationsService');

export class ServiceClient implements ServiceRelay {
  readonly service: ServiceName;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor({ service, baseUrl, timeoutMs = 10_000 }: ServiceClientOptions) {
    this.service = service;
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.timeoutMs = timeoutMs;
  }

  /** One request with the caller's token; the answer whatever its status. */
  async call(
    method: ServiceMethod,
    path: string,
    accessToken: string,
    body?: unknown,
  ): Promise<ServiceAnswer> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${accessToken}`,
      accept: 'application/json, text/csv, application/problem+json',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const contentDisposition = response.headers.get('content-disposition');
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? 'application/json',
        body: await response.text(),
        ...(contentDisposition ? { contentDisposition } : {}),
      };
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  /**
   * A long-lived response (server-sent events): the service's response with its body still
   * streaming, ended when `signal` aborts (the caller went away).
   */
  async open(path: string, accessToken: string, signal: AbortSignal): Promise<Response> {
    // the time limit is for the answer to begin; the stream itself lasts as long as the caller
    const unanswered = new AbortController();
    const timer = setTimeout(() => unanswered.abort(), this.timeoutMs);
    try {
      return await fetch(`${this.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${accessToken}`, accept: 'text/event-stream' },
        signal: AbortSignal.any([signal, unanswered.signal]),
      });
    } catch (error) {
      throw this.unavailable(error);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The service's own readiness (its database and Kafka answer it). */
  async ready(): Promise<void> {
    const response = await fetch(`${this.baseUrl}/health/ready`, {
      signal: AbortSignal.timeout(3_000),
    });
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as { detail?: unknown };
      const detail = typeof problem.detail === 'string' ? `: ${problem.detail}` : '';
      throw new Error(`answered ${response.status}${detail}`);
    }
  }

  private unavailable(cause: unknown): GatewayError {
    return new GatewayError(
      'DEPENDENCY_UNAVAILABLE',
      `the ${this.service} service cannot be reached; try again later`,
      [],
      { cause },
    );
  }
}
