// The benchmark's HTTP client of the gateway: kept-alive connections from a client address of
// its own, JSON bodies, compressed answers as a browser asks for them, and the gateway's rate
// limit for that address, read from its answers' headers.
import http from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip } from 'node:zlib';

const unbrotli = promisify(brotliDecompress);
const ungzip = promisify(gunzip);

export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

export interface GatewayApiOptions {
  readonly baseUrl: string;
  /** The local address the connections leave from: the rate limit counts per client address. */
  readonly localAddress: string;
  /** Connections kept open: as many as calls in flight. */
  readonly sockets: number;
}

/** The gateway's rate limit for this client, as its last answer told it. */
interface RateBudget {
  readonly limit: number;
  readonly remaining: number;
  /** When the window ends (ms since the epoch). */
  readonly resetsAt: number;
}

function headerNumber(value: string | string[] | undefined): number | undefined {
  const number = Number(Array.isArray(value) ? value[0] : value);
  return value === undefined || !Number.isFinite(number) ? undefined : number;
}

export class GatewayApi {
  private readonly base: URL;
  private readonly agent: http.Agent;
  private readonly localAddress: string;
  private budget: RateBudget | undefined;

  constructor({ baseUrl, localAddress, sockets }: GatewayApiOptions) {
    this.base = new URL(baseUrl);
    this.localAddress = localAddress;
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  /** One call; the answer's body decompressed and parsed when it is JSON. */
  call(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers: Readonly<Record<string, string>> = {},
  ): Promise<Answer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<Answer>((resolve, reject) => {
      const request = http.request(
        {
          host: this.base.hostname,
          port: this.base.port,
          path,
          method,
          agent: this.agent,
          localAddress: this.localAddress,
          headers: {
            accept: 'application/json',
            'accept-encoding': 'br, gzip',
            ...headers,
            ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
            ...(payload === undefined
              ? {}
              : {
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(payload),
                }),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            this.noteBudget(response.headers);
            this.decoded(Buffer.concat(chunks), response.headers).then(
              (text) =>
                resolve({
                  status: response.statusCode ?? 0,
                  body: response.headers['content-type']?.includes('json')
                    ? (JSON.parse(text) as unknown)
                    : text,
                }),
              reject,
            );
          });
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  }

  /** A token from the development issuer (AUTH_DEV_ISSUER=true) for a demo user. */
  async token(userId: string): Promise<{ accessToken: string; partnerStates: string[] }> {
    const { status, body } = await this.call('POST', '/dev/tokens', undefined, { userId });
    if (status !== 201) {
      throw new Error(
        `POST /dev/tokens for ${userId} answered ${status} ${JSON.stringify(body)}: the benchmark needs the gateway's development issuer (AUTH_DEV_ISSUER=true, as \`pnpm infra up\` runs it)`,
      );
    }
    const { accessToken, user } = body as {
      accessToken: string;
      user: { partnerStates: string[] };
    };
    return { accessToken, partnerStates: user.partnerStates };
  }

  /** The limit a minute for this client address, once an answer has told it. */
  get rateLimit(): number | undefined {
    return this.budget?.limit;
  }

  /**
   * Waits, if need be, until the gateway's rate-limit window has room for `calls` more calls
   * from this client, so that a measured round is never refused (429) half-way. Tells
   * `waiting` how long it waits.
   */
  async roomFor(calls: number, waiting: (seconds: number) => void): Promise<void> {
    const budget = this.budget;
    if (budget === undefined) return;
    if (calls > budget.limit) {
      throw new Error(
        `${calls} calls in one round do not fit in the gateway's rate limit of ${budget.limit} a minute per client: use fewer (or run the gateway with RATE_LIMIT_PER_MINUTE raised)`,
      );
    }
    if (budget.remaining >= calls) return;
    const waitMs = Math.max(0, budget.resetsAt - Date.now()) + 500;
    waiting(waitMs / 1_000);
    await delay(waitMs);
    this.budget = { ...budget, remaining: budget.limit, resetsAt: Date.now() + 60_000 };
  }

  close(): void {
    this.agent.destroy();
  }

  private noteBudget(headers: http.IncomingHttpHeaders): void {
    const limit = headerNumber(headers['x-ratelimit-limit']);
    const remaining = headerNumber(headers['x-ratelimit-remaining']);
    const resetSeconds = headerNumber(headers['x-ratelimit-reset']);
    if (limit === undefined || remaining === undefined || resetSeconds === undefined) return;
    // answers arrive out of order with several calls in flight: the lowest remaining counts
    const now = Date.now();
    const current = this.budget;
    const fresh = current === undefined || current.resetsAt <= now || remaining < current.remaining;
    if (fresh) this.budget = { limit, remaining, resetsAt: now + resetSeconds * 1_000 };
  }

  private async decoded(raw: Buffer, headers: http.IncomingHttpHeaders): Promise<string> {
    const encoding = headers['content-encoding'];
    if (encoding === 'br') return (await unbrotli(raw)).toString('utf8');
    if (encoding === 'gzip') return (await ungzip(raw)).toString('utf8');
    return raw.toString('utf8');
  }
}
