import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { migrationNames } from './apply.ts';
import { migrationChecksum } from './checksum.ts';

describe('migrationChecksum', () => {
  it("is Prisma's: the sha256 hex of the exact migration.sql text", () => {
    expect(migrationChecksum('')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(migrationChecksum('SELECT 1;\n')).not.toBe(migrationChecksum('SELECT 1;\r\n'));
  });
});

describe('migrationNames', () => {
  it('lists migration folders in the order they apply, ignoring files beside them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cttech-migrations-'));
    for (const name of [
      '20261201000000_add_findings',
      '20261122000000_init',
      '20261123000000_reviews',
    ]) {
      mkdirSync(join(dir, name));
    }
    writeFileSync(join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
    expect(await migrationNames(dir)).toEqual([
      '20261122000000_init',
      '20261123000000_reviews',
      '20261201000000_add_findings',
    ]);
  });
});
