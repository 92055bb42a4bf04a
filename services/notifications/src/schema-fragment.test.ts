// The outbox and inbox of @cttech/messaging are in this schema and migration unchanged.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const messaging = (file: string) =>
  readFileSync(new URL(`../../../packages/messaging/prisma/${file}`, import.meta.url), 'utf8');

describe('the outbox and inbox tables of @cttech/messaging', () => {
  it('are in the notifications schema unchanged', () => {
    const models = messaging('messaging.prisma');
    expect(read('../prisma/schema.prisma')).toContain(
      models.slice(models.indexOf('/// An event written')),
    );
  });

  it('are created by the notifications migration unchanged', () => {
    expect(read('../prisma/migrations/20261123090000_init/migration.sql')).toContain(
      messaging('messaging.sql'),
    );
  });
});
