import { describe, expect, it } from '@jest/globals';
import {
  auditEntryHash,
  canonicalJson,
  chainAuditEntry,
  genesisHash,
  verifyAuditChain,
  type AuditEntryFields,
  type ChainedAuditEntry,
} from './audit-chain.ts';

function fields(sequence: number, overrides: Partial<AuditEntryFields> = {}): AuditEntryFields {
  return {
    sequence: BigInt(sequence),
    engagementId: 'engagement-KE-2026',
    workflowId: 'engagement-KE-2026',
    runId: null,
    causeId: `engagement-KE-2026/${sequence}`,
    action: 'REVIEW_OPENED',
    actor: 'officer-ke-1',
    at: new Date(Date.UTC(2026, 10, 22, 9, 0, sequence)),
    payload: { stage: 'KICK_OFF', checklist: ['HRDD_RISK_ASSESSMENT'] },
    ...overrides,
  };
}

function trail(length: number): ChainedAuditEntry[] {
  const entries: ChainedAuditEntry[] = [];
  for (let sequence = 1; sequence <= length; sequence += 1) {
    entries.push(chainAuditEntry(entries.at(-1)?.hash ?? genesisHash, fields(sequence)));
  }
  return entries;
}

describe('canonical JSON', () => {
  it('sorts keys at every level and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('writes dates as ISO instants and bigints as text', () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2026, 0, 2)), sequence: 7n })).toBe(
      '{"at":"2026-01-02T00:00:00.000Z","sequence":"7"}',
    );
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson({ ratio: Number.NaN })).toThrow('NaN has no JSON form');
  });
});

describe('the audit hash chain', () => {
  it('hashes the same fields the same whatever the order of the payload keys', () => {
    const one = fields(1, { payload: { a: 1, b: 2 } });
    const other = fields(1, { payload: { b: 2, a: 1 } });
    expect(auditEntryHash(genesisHash, one)).toBe(auditEntryHash(genesisHash, other));
    expect(auditEntryHash(genesisHash, one)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('depends on the previous hash', () => {
    expect(auditEntryHash(genesisHash, fields(1))).not.toBe(
      auditEntryHash('f'.repeat(64), fields(1)),
    );
  });

  it('verifies an intact trail, and an empty one', () => {
    const entries = trail(5);
    expect(verifyAuditChain(entries)).toEqual({ ok: true, entries: 5, lastHash: entries[4]?.hash });
    expect(verifyAuditChain([])).toEqual({ ok: true, entries: 0, lastHash: genesisHash });
  });

  it.each<[string, Partial<AuditEntryFields>]>([
    ['actor', { actor: 'reviewer-1' }],
    ['payload', { payload: { stage: 'KICK_OFF', checklist: [] } }],
    ['time', { at: new Date(Date.UTC(2027, 0, 1)) }],
    ['sequence', { sequence: 30n }],
  ])('names the entry whose %s was altered', (_what, change) => {
    const entries = trail(5);
    entries[2] = { ...(entries[2] as ChainedAuditEntry), ...change };
    expect(verifyAuditChain(entries)).toMatchObject({
      ok: false,
      entries: 2,
      altered: { sequence: String(change.sequence ?? 3n), mismatch: 'CONTENT' },
    });
  });

  it('notices a removed entry at the one after it', () => {
    const entries = trail(5);
    entries.splice(1, 1);
    expect(verifyAuditChain(entries)).toMatchObject({
      ok: false,
      entries: 1,
      altered: { sequence: '3', mismatch: 'LINK' },
    });
  });

  it('notices an altered entry re-hashed to hide it, at the next entry', () => {
    const entries = trail(4);
    const forged = chainAuditEntry(
      entries[0]?.hash as string,
      fields(2, { actor: 'someone-else' }),
    );
    entries[1] = forged;
    expect(verifyAuditChain(entries)).toMatchObject({
      ok: false,
      altered: { sequence: '3', mismatch: 'LINK' },
    });
  });
});
