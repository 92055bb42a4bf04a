#!/usr/bin/env node
// Verifies the compliance audit trail: `audit-cli verify` walks the hash chain of the database
// named by DATABASE_URL; exit 0 when every entry is intact, 1 naming the first altered entry.
import { loadConfig } from '@cttech/config';
import { z } from 'zod';
import { AuditTrail } from './audit/audit-trail.ts';
import { openComplianceDatabase } from './database.ts';

async function main(command: string | undefined): Promise<number> {
  if (command !== 'verify') {
    console.error('usage: audit-cli verify   (with DATABASE_URL naming the compliance database)');
    return 2;
  }
  const { DATABASE_URL } = loadConfig({ DATABASE_URL: z.string().min(1) });
  const database = openComplianceDatabase(DATABASE_URL, 1);
  try {
    const result = await new AuditTrail(database).verify();
    if (result.ok) {
      console.log(`audit trail intact: ${result.entries} entries, last hash ${result.lastHash}`);
      return 0;
    }
    console.error(
      `audit trail ALTERED at sequence ${result.altered.sequence} (${result.altered.mismatch}): ${result.altered.detail}`,
    );
    return 1;
  } finally {
    await database.$disconnect();
  }
}

process.exitCode = await main(process.argv[2]);
