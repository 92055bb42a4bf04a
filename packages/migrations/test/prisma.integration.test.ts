import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openTestSuite, type SuiteDatabase, type TestSuite } from '@cttech/testing';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import {
  applyMigrations,
  compareDatabaseToSchema,
  migrationChecksum,
  MigrationError,
} from '../src/index.ts';
import { PrismaClient } from './fixtures/proof/generated/prisma/client.ts';

const fixture = (path: string) =>
  fileURLToPath(new URL(`./fixtures/proof/${path}`, import.meta.url));
const migrationsDir = fixture('prisma/migrations');
const schemaPath = fixture('prisma/schema.prisma');

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe('Prisma 7 on migrations applied by our runner (real PostgreSQL)', () => {
  let suite: TestSuite;
  let database: SuiteDatabase;

  beforeAll(async () => {
    suite = openTestSuite('prisma proof');
    database = await suite.createDatabase();
  });

  afterAll(() => suite.close());

  it("applies the migrations once and keeps Prisma's bookkeeping", async () => {
    expect(await applyMigrations(database.url, migrationsDir)).toEqual({
      applied: ['20261122000000_init'],
      alreadyApplied: [],
    });
    expect(await applyMigrations(database.url, migrationsDir)).toEqual({
      applied: [],
      alreadyApplied: ['20261122000000_init'],
    });
    const script = await readFile(`${migrationsDir}/20261122000000_init/migration.sql`, 'utf8');
    const rows = await sql<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
      finished_at: Date | null;
    }>(
      database.url,
      'SELECT migration_name, checksum, applied_steps_count, finished_at FROM _prisma_migrations',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      migration_name: '20261122000000_init',
      checksum: migrationChecksum(script),
      applied_steps_count: 1,
    });
    expect(rows[0]?.finished_at).toBeInstanceOf(Date);
  });

  it('leaves a database that matches schema.prisma', async () => {
    expect(await compareDatabaseToSchema(database.url, schemaPath)).toEqual([]);
  });

  it('writes and reads through the generated client and the pg adapter', async () => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    try {
      await prisma.partnerState.create({ data: { code: 'KE', name: 'Kenya' } });
      const engagement = await prisma.engagement.create({
        data: {
          partnerStateCode: 'KE',
          cycle: 2026,
          assistancePlan: { courses: ['OSINT', 'Darknet basic'] },
          stakeholderAgencies: ['CT police unit', 'prosecution'],
        },
      });
      const read = await prisma.engagement.findUniqueOrThrow({
        where: { partnerStateCode_cycle: { partnerStateCode: 'KE', cycle: 2026 } },
        include: { partnerState: true },
      });
      expect(read).toMatchObject({
        id: engagement.id,
        stage: 'KICK_OFF',
        partnerState: { name: 'Kenya' },
        assistancePlan: { courses: ['OSINT', 'Darknet basic'] },
        stakeholderAgencies: ['CT police unit', 'prosecution'],
      });
      await expect(
        prisma.engagement.create({ data: { partnerStateCode: 'KE', cycle: 2026 } }),
      ).rejects.toMatchObject({ code: 'P2002' });
    } finally {
      await prisma.$disconnect();
    }
  });

  it('names every difference when the database drifts from the schema', async () => {
    await sql(
      database.url,
      `ALTER TABLE engagements ALTER COLUMN cycle TYPE bigint;
       UPDATE engagements SET closed_at = now();
       ALTER TABLE engagements ALTER COLUMN closed_at SET NOT NULL;
       ALTER TABLE partner_states DROP CONSTRAINT IF EXISTS partner_states_name_key;
       DROP INDEX IF EXISTS partner_states_name_key;
       ALTER TABLE partner_states ADD COLUMN region TEXT;`,
    );
    expect((await compareDatabaseToSchema(database.url, schemaPath)).sort()).toEqual(
      [
        'column engagements.cycle is int8, schema says int4',
        'column engagements.closed_at is NOT NULL, schema says optional',
        'unique constraint on partner_states.name is missing',
        'column partner_states.region is not in the schema',
      ].sort(),
    );
  });

  it('refuses a migration edited after it was applied', async () => {
    await sql(database.url, `UPDATE _prisma_migrations SET checksum = repeat('0', 64)`);
    await expect(applyMigrations(database.url, migrationsDir)).rejects.toThrow(MigrationError);
    await expect(applyMigrations(database.url, migrationsDir)).rejects.toThrow(
      /20261122000000_init was edited after it was applied/,
    );
  });
});
