import { createHash } from 'node:crypto';

/** The previous hash of the first entry: nothing came before it. */
export const genesisHash = '0'.repeat(64);

/** A JSON value as stored in an entry's payload. */
export type AuditPayload = { readonly [key: string]: unknown };

/** What an audit entry records; the hash covers every one of these fields. */
export interface AuditEntryFields {
  readonly sequence: bigint;
  readonly engagementId: string;
  readonly workflowId: string;
  readonly runId: string | null;
  /** The workflow update or event that caused the entry. */
  readonly causeId: string;
  readonly action: string;
  readonly actor: string;
  readonly at: Date;
  readonly payload: AuditPayload;
}

/** An entry as the trail keeps it: its fields, chained to the entry before it. */
export interface ChainedAuditEntry extends AuditEntryFields {
  readonly previousHash: string;
  readonly hash: string;
}

/**
 * JSON with object keys sorted at every level and no whitespace, so the same entry always
 * hashes the same however its payload was built or stored (PostgreSQL's jsonb reorders keys).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${value} has no JSON form`);
    return JSON.stringify(value);
  }
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`);
    return `{${fields.join(',')}}`;
  }
  throw new TypeError(`a ${typeof value} has no JSON form`);
}

/** SHA-256 (hex) over the previous entry's hash and the canonical JSON of this entry's fields. */
export function auditEntryHash(previousHash: string, fields: AuditEntryFields): string {
  const canonical = canonicalJson({
    sequence: fields.sequence,
    engagementId: fields.engagementId,
    workflowId: fields.workflowId,
    runId: fields.runId,
    causeId: fields.causeId,
    action: fields.action,
    actor: fields.actor,
    at: fields.at,
    payload: fields.payload,
  });
  return createHash('sha256').update(previousHash).update(canonical).digest('hex');
}

/** Chains an entry's fields to the entry before it (or to the genesis hash). */
export function chainAuditEntry(previousHash: string, fields: AuditEntryFields): ChainedAuditEntry {
  return { ...fields, previousHash, hash: auditEntryHash(previousHash, fields) };
}

/** The first entry that no longer matches the chain, and what no longer matches. */
export interface AlteredAuditEntry {
  readonly sequence: string;
  readonly mismatch: 'CONTENT' | 'LINK';
  readonly detail: string;
}

export type AuditTrailVerification =
  | { readonly ok: true; readonly entries: number; readonly lastHash: string }
  | { readonly ok: false; readonly entries: number; readonly altered: AlteredAuditEntry };

/**
 * Walks a trail in sequence order, one entry at a time (so a long trail can be read in
 * pages). Stops at the first entry whose link to the entry before it or whose own content
 * no longer matches its hash: that entry was altered, or one before it was removed.
 */
export class AuditChainWalk {
  private previousHash = genesisHash;
  private checked = 0;
  private alteredEntry: AlteredAuditEntry | undefined;

  /** Checks the next entry; false once an altered entry has been found. */
  next(entry: ChainedAuditEntry): boolean {
    if (this.alteredEntry) return false;
    const sequence = entry.sequence.toString();
    if (entry.previousHash !== this.previousHash) {
      this.alteredEntry = {
        sequence,
        mismatch: 'LINK',
        detail: `entry ${sequence} names ${entry.previousHash} as the hash before it, but the entry before it hashes to ${this.previousHash} (an entry was removed, inserted or re-chained)`,
      };
      return false;
    }
    const recomputed = auditEntryHash(entry.previousHash, entry);
    if (recomputed !== entry.hash) {
      this.alteredEntry = {
        sequence,
        mismatch: 'CONTENT',
        detail: `entry ${sequence}'s fields hash to ${recomputed}, but it was recorded with ${entry.hash} (its content was altered)`,
      };
      return false;
    }
    this.previousHash = entry.hash;
    this.checked += 1;
    return true;
  }

  result(): AuditTrailVerification {
    return this.alteredEntry
      ? { ok: false, entries: this.checked, altered: this.alteredEntry }
      : { ok: true, entries: this.checked, lastHash: this.previousHash };
  }
}

/** Verifies a whole trail held in memory. */
export function verifyAuditChain(entries: Iterable<ChainedAuditEntry>): AuditTrailVerification {
  const walk = new AuditChainWalk();
  for (const entry of entries) if (!walk.next(entry)) break;
  return walk.result();
}
