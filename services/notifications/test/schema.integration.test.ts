// The migrations build what schema.prisma describes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyMigrations, compareDatabaseToSchema } from '@cttech/migrations';
import { openTestSuite, type TestSuite } from '@cttech/testing';
import { migrationsDir, schemaPath } from '../src/database.ts';

describe('the notifications migrations', () => {
  let suite: TestSuite;

  beforeAll(() => {
    suite = openTestSuite('notifications schema');
  });

  afterAll(async () => {
    await suite.close();
  });

  it('build the database schema.prisma describes, and apply once', async () => {
    const { url } = await suite.createDatabase('schema');
    expect(await applyMigrations(url, migrationsDir)).toEqual({
      applied: ['20261123090000_init'],
      alreadyApplied: [],
    });
    expect(await compareDatabaseToSchema(url, schemaPath)).toEqual([]);
    expect(await applyMigrations(url, migrationsDir)).toEqual({
      applied: [],
      alreadyApplied: ['20261123090000_init'],
    });
  });
});
