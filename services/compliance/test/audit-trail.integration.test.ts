import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyMigrations } from '@cttech/migrations';
import { openTestSuite, type TestSuite } from '@cttech/testing';
import { genesisHash } from '../src/audit/audit-chain.ts';
import { AuditTrail, type AuditRecord } from '../src/audit/audit-trail.ts';
import { migrationsDir, openComplianceDatabase, type ComplianceDatabase } from '../src/database.ts';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs `pnpm audit:verify`'s command against a database: its exit code and output. */
function auditVerify(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=@cttech/source', 'src/audit-cli.ts', 'verify'],
      { cwd: packageDir, env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: databaseUrl } },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

function record(index: number): AuditRecord {
  return {
    engagementId: `engagement-KE-${2026 + (index % 3)}`,
    workflowId: `engagement-KE-${2026 + (index % 3)}`,
    runId: index % 2 === 0 ? null : `run-${index}`,
    causeId: `cause-${index}`,
    action: 'REVIEW_OPENED',
    actor: 'officer-ke-1',
    at: new Date(Date.UTC(2026, 10, 22, 9, 0, index)),
    payload: { index, stage: 'KICK_OFF', nested: { b: [1, 2], a: 'x' } },
  };
}

describe('the audit trail in PostgreSQL', () => {
  let suite: TestSuite;
  let url: string;
  let database: ComplianceDatabase;
  let trail: AuditTrail;

  beforeAll(async () => {
    suite = openTestSuite('compliance audit');
    ({ url } = await suite.createDatabase('audit'));
    await applyMigrations(url, migrationsDir);
    database = openComplianceDatabase(url, 12);
    trail = new AuditTrail(database);
  });

  afterAll(async () => {
    await database?.$disconnect();
    await suite.close();
  });

  it('stays one chain when many transactions append at once', async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        database.$transaction((tx) => trail.append(tx, record(index))),
      ),
    );
    const entries = await database.auditEntry.findMany({ orderBy: { sequence: 'asc' } });
    expect(entries).toHaveLength(30);
    expect(entries[0]?.previousHash).toBe(genesisHash);
    const previous = entries.map((entry) => entry.previousHash);
    expect(new Set(previous).size).toBe(30); // no two entries follow the same one: no fork
    entries
      .slice(1)
      .forEach((entry, index) => expect(entry.previousHash).toBe(entries[index]?.hash));
    expect(await trail.verify()).toEqual({ ok: true, entries: 30, lastHash: entries.at(-1)?.hash });
    expect(await auditVerify(url)).toMatchObject({
      code: 0,
      output: expect.stringContaining('intact: 30 entries'),
    });
  });

  it('leaves nothing behind when the appending transaction rolls back', async () => {
    await expect(
      database.$transaction(async (tx) => {
        await trail.append(tx, record(99));
        throw new Error('the decision failed');
      }),
    ).rejects.toThrow('the decision failed');
    expect(await trail.verify()).toMatchObject({ ok: true, entries: 30 });
  });

  it('refuses updates and deletes, and names the entry altered behind its back', async () => {
    await expect(
      database.$executeRawUnsafe(`UPDATE audit_entry SET actor = 'reviewer-1' WHERE sequence = 12`),
    ).rejects.toThrow(/append-only/);
    await expect(
      database.$executeRawUnsafe('DELETE FROM audit_entry WHERE sequence = 12'),
    ).rejects.toThrow(/append-only/);

    // the table's owner can switch the guard off; the chain still tells
    const [target] = await database.$queryRawUnsafe<{ sequence: bigint }[]>(
      'SELECT sequence FROM audit_entry ORDER BY sequence OFFSET 11 LIMIT 1',
    );
    const sequence = String(target?.sequence);
    await database.$executeRawUnsafe(
      'ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only',
    );
    await database.$executeRawUnsafe(
      `UPDATE audit_entry SET payload = jsonb_set(payload, '{stage}', '"STRATEGY_ADOPTION"') WHERE sequence = $1`,
      Number(sequence),
    );
    await database.$executeRawUnsafe(
      'ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only',
    );
    expect(await trail.verify()).toMatchObject({
      ok: false,
      entries: 11,
      altered: { sequence, mismatch: 'CONTENT' },
    });
    const cli = await auditVerify(url);
    expect(cli.code).toBe(1);
    expect(cli.output).toContain(`ALTERED at sequence ${sequence}`);
  });
});
