import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { migrationChecksum } from './checksum.ts';

/** The bookkeeping table exactly as Prisma's schema engine creates it for PostgreSQL. */
const createMigrationsTable = `
CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

/** The advisory lock Prisma's engine takes, so our runner and `prisma migrate` exclude each other. */
const migrationLock = 72707369;

export class MigrationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

interface AppliedMigration {
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface ApplyResult {
  /** Migrations applied by this call, in order. */
  readonly applied: readonly string[];
  /** Migrations that were already applied. */
  readonly alreadyApplied: readonly string[];
}

/** The migration folders (`<timestamp>_<name>/migration.sql`) in the order they apply. */
export async function migrationNames(migrationsDir: string): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * Applies pending migrations in Prisma's folder layout, as `prisma migrate deploy` does, and
 * keeps Prisma's `_prisma_migrations` bookkeeping so the real engine agrees where it is
 * available. Each migration runs in its own transaction with its bookkeeping row. Refuses
 * to continue past an edited or failed migration.
 */
export async function applyMigrations(
  databaseUrl: string,
  migrationsDir: string,
): Promise<ApplyResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const applied: string[] = [];
  const alreadyApplied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [migrationLock]);
    await client.query(createMigrationsTable);
    const { rows } = await client.query<AppliedMigration>(
      'SELECT checksum, migration_name, finished_at, rolled_back_at FROM _prisma_migrations WHERE rolled_back_at IS NULL',
    );
    for (const name of await migrationNames(migrationsDir)) {
      const script = await readFile(join(migrationsDir, name, 'migration.sql'), 'utf8');
      const checksum = migrationChecksum(script);
      const previous = rows.filter((row) => row.migration_name === name);
      if (previous.some((row) => row.finished_at === null)) {
        throw new MigrationError(
          `migration ${name} failed earlier and must be resolved first (see _prisma_migrations.logs)`,
        );
      }
      const done = previous.find((row) => row.finished_at !== null);
      if (done) {
        if (done.checksum !== checksum) {
          throw new MigrationError(
            `migration ${name} was edited after it was applied (checksum ${done.checksum} in the database, ${checksum} on disk); add a new migration instead`,
          );
        }
        alreadyApplied.push(name);
        continue;
      }
      await applyOne(client, name, script, checksum);
      applied.push(name);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [migrationLock]).catch(() => {});
    await client.end();
  }
  return { applied, alreadyApplied };
}

async function applyOne(
  client: pg.Client,
  name: string,
  script: string,
  checksum: string,
): Promise<void> {
  const id = randomUUID();
  try {
    await client.query('BEGIN');
    await client.query(
      'INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name) VALUES ($1, $2, now(), $3)',
      [id, checksum, name],
    );
    await client.query(script);
    await client.query(
      'UPDATE _prisma_migrations SET applied_steps_count = 1, finished_at = now() WHERE id = $1',
      [id],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new MigrationError(`migration ${name} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
