export type ServerName = 'PostgreSQL' | 'Kafka' | 'Temporal';

const logFile: Record<ServerName, string> = {
  PostgreSQL: '.local/logs/postgres.log',
  Kafka: '.local/logs/kafka.log',
  Temporal: '.local/logs/temporal.log',
};

/** A real server the tests need could not be reached: says which, where, and why. */
export class ServerUnreachableError extends Error {
  readonly server: ServerName;
  readonly address: string;

  constructor(server: ServerName, address: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `${server} at ${address} is not reachable: ${reason}. ` +
        `Is the local infrastructure up (\`pnpm infra status\`)? If it is, read ${logFile[server]}.`,
      { cause },
    );
    this.name = 'ServerUnreachableError';
    this.server = server;
    this.address = address;
  }
}

/** Runs `connect`, turning any failure into a {@link ServerUnreachableError} naming the server. */
export async function reach<T>(
  server: ServerName,
  address: string,
  connect: () => Promise<T>,
): Promise<T> {
  try {
    return await connect();
  } catch (error) {
    throw new ServerUnreachableError(server, address, error);
  }
}

/** A connection string without its password, fit for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
