import { createHash } from 'node:crypto';

/** Prisma's migration checksum: the lowercase sha256 hex of the exact migration.sql bytes. */
export function migrationChecksum(script: string): string {
  return createHash('sha256').update(script, 'utf8').digest('hex');
}
