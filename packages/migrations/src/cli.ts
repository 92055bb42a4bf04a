#!/usr/bin/env node
// cttech-migrations: Prisma's migration workflow where Prisma's schema engine cannot be fetched.
//   generate [--config prisma.config.ts]   prisma generate, offline (no engine is run for it)
//   deploy   [--migrations prisma/migrations]  apply pending migrations to $DATABASE_URL
//   check    [--schema prisma/schema.prisma]   compare $DATABASE_URL with the schema
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { applyMigrations } from './apply.ts';
import { compareDatabaseToSchema } from './schema-check.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    config: { type: 'string', default: 'prisma.config.ts' },
    migrations: { type: 'string', default: 'prisma/migrations' },
    schema: { type: 'string', default: 'prisma/schema.prisma' },
  },
});

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: name the database to migrate or check');
  return url;
}

/**
 * `prisma generate` reads the schema and writes the client; it never runs the schema engine,
 * but the CLI insists on having one. Point it at an existing file (this Node binary) so it
 * does not try to download one, and switch off its telemetry call. Never do this for
 * `prisma migrate`: with a stand-in engine it would silently do nothing.
 */
function generate(config: string): number {
  const prismaCli = join(
    dirname(createRequire(import.meta.url).resolve('prisma/package.json')),
    'build',
    'index.js',
  );
  const result = spawnSync(process.execPath, [prismaCli, 'generate', '--config', config], {
    stdio: 'inherit',
    env: {
      ...process.env,
      CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    },
  });
  return result.status ?? 1;
}

async function main(): Promise<number> {
  switch (positionals[0]) {
    case 'generate':
      return generate(values.config);
    case 'deploy': {
      const { applied, alreadyApplied } = await applyMigrations(databaseUrl(), values.migrations);
      console.log(
        applied.length > 0
          ? `applied ${applied.join(', ')} (${alreadyApplied.length} already applied)`
          : `no pending migrations (${alreadyApplied.length} applied)`,
      );
      return 0;
    }
    case 'check': {
      const differences = await compareDatabaseToSchema(databaseUrl(), values.schema);
      for (const difference of differences) console.error(`- ${difference}`);
      console.log(
        differences.length === 0
          ? 'the database matches the schema'
          : `${differences.length} difference(s)`,
      );
      return differences.length === 0 ? 0 : 1;
    }
    default:
      console.error(
        'usage: cttech-migrations <generate|deploy|check> [--config f] [--migrations dir] [--schema f]',
      );
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
