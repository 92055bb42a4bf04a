import { createHash } from 'node:crypto';
import { chownSync, existsSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Component, ComponentStatus } from './component.ts';
import { ensureDir, localDir, logsDir } from './paths.ts';
import { InfraError, removeFile, run, waitUntilHealthy } from './processes.ts';
import { host, ports, postgresCredentials, serviceDatabases } from './versions.ts';

/** Debian's server binaries (/usr/lib/postgresql/<major>/bin), newest major first. */
function findBinDir(): string {
  if (process.env.CTTECH_PG_BIN) return process.env.CTTECH_PG_BIN;
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((entry) => existsSync(join(root, entry, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (majors[0] === undefined) {
    throw new InfraError(
      'PostgreSQL server binaries were not found under /usr/lib/postgresql. Install them ' +
        '(Debian: apt-get install postgresql; bash infra/local/bootstrap.sh does it when run as root) ' +
        'or set CTTECH_PG_BIN to the folder holding pg_ctl.',
    );
  }
  return join(root, majors[0], 'bin');
}

/** PostgreSQL refuses to run as root: as root, the server runs as the `postgres` OS user. */
const asRoot = process.getuid?.() === 0;
const serverUser = 'postgres';

/** util-linux's runuser, which root's PATH does not always include. */
function runuser(): string {
  return ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find(existsSync) ?? 'runuser';
}

function userId(name: string): { uid: number; gid: number } {
  const uid = Number(run('id', ['-u', name]).trim());
  const gid = Number(run('id', ['-g', name]).trim());
  return { uid, gid };
}

export function adminUrl(database = 'postgres'): string {
  const { user, password } = postgresCredentials;
  return `postgresql://${user}:${password}@${host}:${ports.postgres}/${database}`;
}

export class Postgres implements Component {
  readonly name = 'postgres' as const;
  readonly title = 'PostgreSQL';
  readonly logFile = join(logsDir, 'postgres.log');
  private readonly baseDir = join(localDir, 'postgres');

  async install(): Promise<void> {
    findBinDir();
    if (asRoot) {
      try {
        userId(serverUser);
      } catch {
        throw new InfraError(
          `running as root, PostgreSQL needs the '${serverUser}' OS user (Debian's postgresql package creates it)`,
        );
      }
    }
  }

  async up(): Promise<void> {
    await this.install();
    const dataDir = this.dataDir();
    if (!existsSync(join(dataDir, 'PG_VERSION'))) this.initialise(dataDir);
    if (!this.serverRunning(dataDir)) {
      this.prepareOwnedFile(this.logFile);
      this.pgCtl(dataDir, [
        '-l',
        this.logFile,
        '-o',
        `-c listen_addresses=${host} -p ${ports.postgres} -k ${this.socketDir(dataDir)}`,
        '-w',
        '-t',
        '60',
        'start',
      ]);
    }
    await waitUntilHealthy(this.title, () => this.healthy(), {
      timeoutMs: 60_000,
      logFile: this.logFile,
    });
    await this.createServiceDatabases();
  }

  async down(): Promise<'stopped' | 'not running'> {
    const dataDir = this.existingDataDir();
    if (!dataDir || !this.serverRunning(dataDir)) return 'not running';
    this.pgCtl(dataDir, ['-m', 'fast', '-w', '-t', '60', 'stop']);
    return 'stopped';
  }

  async status(): Promise<ComponentStatus> {
    const dataDir = this.existingDataDir();
    const running = dataDir !== undefined && this.serverRunning(dataDir);
    return {
      running,
      healthy: running && (await this.healthy()),
      listening: [`PostgreSQL ${host}:${ports.postgres} (user ${postgresCredentials.user})`],
    };
  }

  private async healthy(): Promise<boolean> {
    const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  }

  private async createServiceDatabases(): Promise<void> {
    const client = new pg.Client({ connectionString: adminUrl() });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database');
      const existing = new Set(rows.map((row) => row.datname));
      for (const database of serviceDatabases) {
        if (!existing.has(database)) await client.query(`CREATE DATABASE "${database}"`);
      }
    } finally {
      await client.end();
    }
  }

  private initialise(dataDir: string): void {
    ensureDir(dataDir);
    this.chownToServerUser(dataDir);
    const passwordFile = join(dataDir, '..', 'initdb-password');
    writeFileSync(passwordFile, `${postgresCredentials.password}\n`, { mode: 0o600 });
    this.chownToServerUser(passwordFile);
    try {
      this.asServerUser(join(findBinDir(), 'initdb'), [
        '-D',
        dataDir,
        '-U',
        postgresCredentials.user,
        `--pwfile=${passwordFile}`,
        '--auth-local=trust',
        '--auth-host=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ]);
    } finally {
      removeFile(passwordFile);
    }
  }

  private serverRunning(dataDir: string): boolean {
    try {
      this.pgCtl(dataDir, ['status']);
      return true;
    } catch {
      return false;
    }
  }

  private pgCtl(dataDir: string, args: readonly string[]): string {
    return this.asServerUser(join(findBinDir(), 'pg_ctl'), ['-D', dataDir, ...args]);
  }

  private asServerUser(command: string, args: readonly string[]): string {
    return asRoot ? run(runuser(), ['-u', serverUser, '--', command, ...args]) : run(command, args);
  }

  private socketDir(dataDir: string): string {
    return dataDir; // the unix socket stays inside the data folder, away from /var/run
  }

  /**
   * `.local/postgres/data`, unless the server's OS user cannot reach the repository (a clone
   * under a private home folder): then a folder under the system's temporary directory, linked
   * from `.local/postgres/data`.
   */
  private dataDir(): string {
    const preferred = join(this.baseDir, 'data');
    if (existsSync(join(preferred, 'PG_VERSION'))) return preferred;
    ensureDir(this.baseDir);
    if (!asRoot || this.serverUserCanReach(this.baseDir)) return preferred;
    const hash = createHash('sha256').update(this.baseDir).digest('hex').slice(0, 12);
    const outside = ensureDir(join(tmpdir(), `cttech-postgres-${hash}`));
    this.chownToServerUser(outside);
    if (!existsSync(preferred)) symlinkSync(outside, preferred);
    return outside;
  }

  private existingDataDir(): string | undefined {
    const preferred = join(this.baseDir, 'data');
    return existsSync(join(preferred, 'PG_VERSION')) ? preferred : undefined;
  }

  private serverUserCanReach(dir: string): boolean {
    this.chownToServerUser(dir);
    try {
      run(runuser(), ['-u', serverUser, '--', 'test', '-w', dir]);
      return true;
    } catch {
      return false;
    }
  }

  private prepareOwnedFile(path: string): void {
    ensureDir(logsDir);
    if (!existsSync(path)) writeFileSync(path, '');
    this.chownToServerUser(path);
  }

  private chownToServerUser(path: string): void {
    if (!asRoot) return;
    const { uid, gid } = userId(serverUser);
    chownSync(path, uid, gid);
  }
}
