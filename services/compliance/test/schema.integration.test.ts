import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyMigrations, compareDatabaseToSchema } from '@cttech/migrations';
import { openTestSuite, type TestSuite } from '@cttech/testing';
import { migrationsDir, schemaPath } from '../src/database.ts';

describe('the compliance migrations', () => {
  let suite: TestSuite;

  beforeAll(() => {
    suite = openTestSuite('compliance schema');
  });

  afterAll(async () => {
    await suite.close();
  });

  it('build the database schema.prisma describes, and apply once', async () => {
    const { url } = await suite.createDatabase('schema');
    expect(await applyMigrations(url, migrationsDir)).toEqual({
      applied: [
        '20261122120000_init',
        '20261122190000_indicators',
        '20261122220000_human_rights_holds',
        '20261122230000_strategy_adoption_facts',
        '20261122233000_review_editors',
        '20261124090000_strategy_adoption_timeline',
      ],
      alreadyApplied: [],
    });
    expect(await compareDatabaseToSchema(url, schemaPath)).toEqual([]);
    expect(await applyMigrations(url, migrationsDir)).toEqual({
      applied: [],
      alreadyApplied: [
        '20261122120000_init',
        '20261122190000_indicators',
        '20261122220000_human_rights_holds',
        '20261122230000_strategy_adoption_facts',
        '20261122233000_review_editors',
        '20261124090000_strategy_adoption_timeline',
      ],
    });
  });
});
