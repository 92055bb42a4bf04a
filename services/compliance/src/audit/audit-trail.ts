import type { ComplianceDatabase, ComplianceTransaction } from '../database.ts';
import type { AuditEntry } from '../../generated/prisma/client.ts';
import {
  AuditChainWalk,
  chainAuditEntry,
  genesisHash,
  type AuditPayload,
  type AuditTrailVerification,
  type ChainedAuditEntry,
} from './audit-chain.ts';

/** What a caller records; the trail adds the sequence and the hashes. */
export interface AuditRecord {
  readonly engagementId: string;
  readonly workflowId: string;
  readonly runId: string | null;
  readonly causeId: string;
  readonly action: string;
  readonly actor: string;
  readonly at: Date;
  readonly payload: AuditPayload;
}

/**
 * Held for the rest of the appending transaction: two appends never read the same last entry,
 * so the chain cannot fork. (A constant key of this service's own database.)
 */
const appendLock = '7021865532416044';

const pageSize = 500;

function chained(row: AuditEntry): ChainedAuditEntry {
  return { ...row, payload: row.payload as AuditPayload };
}

/** The tamper-evident audit trail in PostgreSQL: append-only, chained by SHA-256. */
export class AuditTrail {
  private readonly database: ComplianceDatabase;

  constructor(database: ComplianceDatabase) {
    this.database = database;
  }

  /**
   * Appends an entry inside the caller's transaction, chained to the last one. The advisory
   * lock is transaction-level: it is released when the caller commits or rolls back. Every
   * append waits for the one before it, so the lock is held for as few round trips as can be.
   */
  async append(tx: ComplianceTransaction, record: AuditRecord): Promise<ChainedAuditEntry> {
    await tx.$queryRawUnsafe(
      'SELECT true AS locked FROM pg_advisory_xact_lock($1::bigint)',
      appendLock,
    );
    // after the lock, in a statement of its own: its snapshot then sees the last append
    const [next] = await tx.$queryRaw<{ hash: string | null; sequence: bigint }[]>`
      SELECT (SELECT hash FROM audit_entry ORDER BY sequence DESC LIMIT 1) AS hash,
             nextval(pg_get_serial_sequence('audit_entry', 'sequence')) AS sequence`;
    if (!next) throw new Error('the audit trail could not number an entry');
    const entry = chainAuditEntry(next.hash ?? genesisHash, {
      ...record,
      sequence: BigInt(next.sequence),
    });
    await tx.$executeRaw`
      INSERT INTO audit_entry (sequence, engagement_id, workflow_id, run_id, cause_id, action,
                               actor, at, payload, previous_hash, hash)
      VALUES (${entry.sequence}, ${entry.engagementId}, ${entry.workflowId}, ${entry.runId},
              ${entry.causeId}, ${entry.action}, ${entry.actor}, ${entry.at},
              ${JSON.stringify(entry.payload)}::jsonb, ${entry.previousHash}, ${entry.hash})`;
    return entry;
  }

  /** Walks the whole chain: every entry intact, or the first one that is not. */
  async verify(): Promise<AuditTrailVerification> {
    const walk = new AuditChainWalk();
    let after: bigint | undefined;
    for (;;) {
      const page = await this.database.auditEntry.findMany({
        where: after === undefined ? {} : { sequence: { gt: after } },
        orderBy: { sequence: 'asc' },
        take: pageSize,
      });
      for (const row of page) if (!walk.next(chained(row))) return walk.result();
      const last = page.at(-1);
      if (!last || page.length < pageSize) return walk.result();
      after = last.sequence;
    }
  }

  /** One engagement's entries, oldest first. */
  async entriesOf(engagementId: string): Promise<ChainedAuditEntry[]> {
    const rows = await this.database.auditEntry.findMany({
      where: { engagementId },
      orderBy: { sequence: 'asc' },
    });
    return rows.map(chained);
  }
}
