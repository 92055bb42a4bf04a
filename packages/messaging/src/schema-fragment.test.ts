import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('the outbox and inbox tables a service copies', () => {
  const models = read('../prisma/messaging.prisma').slice(
    read('../prisma/messaging.prisma').indexOf('/// An event written'),
  );

  it('are in the fixture service schema unchanged', () => {
    expect(read('../test/fixtures/ledger/prisma/schema.prisma')).toContain(models);
  });

  it('are created by the fixture service migration unchanged', () => {
    expect(
      read('../test/fixtures/ledger/prisma/migrations/20261122000000_ledger/migration.sql'),
    ).toContain(read('../prisma/messaging.sql'));
  });
});
