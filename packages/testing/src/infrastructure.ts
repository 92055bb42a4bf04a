import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where the real servers listen. `pnpm infra up` writes `.local/endpoints.json` at the
 * repository root; environment variables override it (for servers run elsewhere).
 */
export interface LocalInfrastructure {
  /** Connection string of a role allowed to create databases. */
  readonly postgresAdminUrl: string;
  readonly kafkaBrokers: readonly string[];
  readonly temporalAddress: string;
  readonly temporalNamespace: string;
  /** Path of the time-skipping test server executable. */
  readonly temporalTestServerPath: string;
}

export class InfrastructureNotConfiguredError extends Error {
  constructor(missing: readonly string[], endpointsFile: string | undefined) {
    super(
      `the local infrastructure is not configured: ${missing.join(', ')} ` +
        `${missing.length === 1 ? 'is' : 'are'} not set and ` +
        (endpointsFile
          ? `${endpointsFile} does not name ${missing.length === 1 ? 'it' : 'them'}`
          : 'no .local/endpoints.json was found') +
        '. Start the servers with `pnpm infra up` (or run `bash infra/local/test.sh`).',
    );
    this.name = 'InfrastructureNotConfiguredError';
  }
}

/** The folder holding the repository's `pnpm-workspace.yaml`, searched upwards from `from`. */
export function repositoryRoot(from: string = process.cwd()): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

interface EndpointsFile {
  postgresAdminUrl?: string;
  kafkaBrokers?: string[];
  temporalAddress?: string;
  temporalNamespace?: string;
  temporalTestServerPath?: string;
}

function readEndpointsFile(): { path: string; endpoints: EndpointsFile } | undefined {
  const root = repositoryRoot();
  const path =
    process.env.CTTECH_ENDPOINTS_FILE ?? (root && join(root, '.local', 'endpoints.json'));
  if (!path || !existsSync(path)) return undefined;
  return { path, endpoints: JSON.parse(readFileSync(path, 'utf8')) as EndpointsFile };
}

export function localInfrastructure(env: NodeJS.ProcessEnv = process.env): LocalInfrastructure {
  const file = readEndpointsFile();
  const fromFile = file?.endpoints ?? {};
  const brokers = env.CTTECH_KAFKA_BROKERS?.split(',').map((broker) => broker.trim());
  const values = {
    postgresAdminUrl: env.CTTECH_POSTGRES_URL ?? fromFile.postgresAdminUrl,
    kafkaBrokers: brokers ?? fromFile.kafkaBrokers,
    temporalAddress: env.CTTECH_TEMPORAL_ADDRESS ?? fromFile.temporalAddress,
    temporalNamespace: env.CTTECH_TEMPORAL_NAMESPACE ?? fromFile.temporalNamespace ?? 'default',
    temporalTestServerPath: env.CTTECH_TEMPORAL_TEST_SERVER ?? fromFile.temporalTestServerPath,
  };
  const variables: Record<keyof typeof values, string> = {
    postgresAdminUrl: 'CTTECH_POSTGRES_URL',
    kafkaBrokers: 'CTTECH_KAFKA_BROKERS',
    temporalAddress: 'CTTECH_TEMPORAL_ADDRESS',
    temporalNamespace: 'CTTECH_TEMPORAL_NAMESPACE',
    temporalTestServerPath: 'CTTECH_TEMPORAL_TEST_SERVER',
  };
  const missing = (Object.keys(values) as (keyof typeof values)[])
    .filter((key) => values[key] === undefined || values[key]?.length === 0)
    .map((key) => variables[key]);
  if (missing.length > 0) throw new InfrastructureNotConfiguredError(missing, file?.path);
  return values as LocalInfrastructure;
}
