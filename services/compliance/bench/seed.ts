// The benchmark's data: a programme's worth of reviews, answers, findings, audit entries,
// indicator facts and inbox records, written straight into a freshly migrated database with
// pg (off the clock). Generated from a fixed seed, so every run measures the same rows.
// Staff ids only (the demo users' officers and reviewers); no one's personal data.
import { demoUsers } from '@cttech/auth';
import { complianceChecklist, milestoneStages, type MilestoneStage } from '@cttech/domain';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { chainAuditEntry, genesisHash, type ChainedAuditEntry } from '../src/audit/audit-chain.ts';

/** The demo programme's partner states (the demo officers'). */
export const partnerStates = ['GH', 'IQ', 'KE', 'NG', 'PH', 'TJ', 'UZ'] as const;

/** The demo compliance reviewers: whose queues `GET /reviews?mine=true` lists. */
export const reviewers = demoUsers.filter((user) => user.roles.includes('COMPLIANCE_REVIEWER'));

/** A seeded engagement, for the events the benchmark consumes. */
export interface SeededEngagement {
  readonly engagementId: string;
  readonly partnerState: string;
  readonly cycle: number;
}

export interface Seeded {
  readonly engagements: readonly SeededEngagement[];
  /** Every review's id, shuffled (the same order each run). */
  readonly reviewIds: readonly string[];
  /** Rows written per table. */
  readonly rows: Readonly<Record<string, number>>;
  /** What the inbox consumer name of the seeded events was. */
  readonly consumer: string;
}

/** mulberry32: a small PRNG, so that the data is the same every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const day = 86_400_000;

/** Writes rows in multi-row INSERTs of `chunk` rows. */
async function insertRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  chunk = 500,
): Promise<void> {
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const values = slice.map(
      (_, row) =>
        `(${columns.map((__, column) => `$${row * columns.length + column + 1}`).join(',')})`,
    );
    await client.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`,
      slice.flat(),
    );
  }
}

/** Who may sign off a state's milestones: the demo reviewers assigned to it. */
function reviewersOf(partnerState: string): string[] {
  return reviewers
    .filter((reviewer) => reviewer.partnerStates.includes(partnerState))
    .map((reviewer) => reviewer.userId);
}

/**
 * About `reviewCount` reviews over engagements spread evenly across the partner states: each
 * engagement has reached a milestone stage; every stage before it was signed off (some after
 * changes were requested first), the last is open or decided. Each review has its audit
 * entries (opened, decided), each decision its answers and findings, each engagement its
 * indicator facts, each consumed event its inbox record.
 */
export async function seed(
  client: pg.ClientBase,
  reviewCount: number,
  consumer: string,
): Promise<Seeded> {
  const next = random(20261123);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const reviews: unknown[][] = [];
  const answers: unknown[][] = [];
  const findings: unknown[][] = [];
  const facts: unknown[][] = [];
  const inbox: unknown[][] = [];
  const audit: ChainedAuditEntry[] = [];
  const engagements: SeededEngagement[] = [];
  const reviewIds: string[] = [];
  let previousHash = genesisHash;
  const append = (fields: Omit<ChainedAuditEntry, 'sequence' | 'previousHash' | 'hash'>) => {
    const entry = chainAuditEntry(previousHash, { ...fields, sequence: BigInt(audit.length + 1) });
    audit.push(entry);
    previousHash = entry.hash;
  };
  const start = Date.parse('2026-01-05T09:00:00.000Z');

  for (let index = 0; reviews.length < reviewCount; index += 1) {
    const partnerState = partnerStates[index % partnerStates.length] as string;
    const cycle = 2026 + Math.floor(index / partnerStates.length);
    const engagementId = `engagement-${partnerState}-${cycle}`;
    const officer = `officer-${partnerState.toLowerCase()}-1`;
    const stateReviewers = reviewersOf(partnerState);
    engagements.push({ engagementId, partnerState, cycle });
    inbox.push([consumer, `${engagementId}/1`]);
    const reached = 1 + Math.floor(next() * milestoneStages.length);
    let at = start + index * 3_600_000;
    let eventNo = 1;
    let furthest: MilestoneStage = 'KICK_OFF';
    for (let stageIndex = 0; stageIndex < reached; stageIndex += 1) {
      const stage = milestoneStages[stageIndex] as MilestoneStage;
      furthest = stage;
      const checklist = complianceChecklist(stage).map((criterion) => criterion.id);
      const attempts = 1 + (next() < 0.25 ? 1 : 0) + (next() < 0.05 ? 1 : 0);
      for (let attempt = 0; attempt < attempts; attempt += 1) {
        const last = stageIndex === reached - 1 && attempt === attempts - 1;
        const open = last && next() < 0.6;
        const changesRequested = attempt < attempts - 1;
        const id = randomUUID();
        eventNo += 1;
        const reviewRequestId = `${engagementId}/${eventNo}`;
        const submittedAt = new Date((at += (5 + Math.floor(next() * 40)) * day));
        const dueAt = new Date(submittedAt.getTime() + 14 * day);
        // the officer recorded the work; now and then a second officer, or a reviewer helped
        const editedBy =
          next() < 0.1
            ? [officer, pick(stateReviewers)]
            : next() < 0.3
              ? [officer, `officer-${partnerState.toLowerCase()}-2`]
              : [officer];
        const decidedBy = open
          ? null
          : pick(stateReviewers.filter((reviewer) => !editedBy.includes(reviewer)));
        const decidedAt = open
          ? null
          : new Date((at = submittedAt.getTime() + (1 + Math.floor(next() * 20)) * day));
        const outcome = open ? null : changesRequested ? 'CHANGES_REQUESTED' : 'APPROVED';
        reviews.push([
          id,
          reviewRequestId,
          engagementId,
          partnerState,
          cycle,
          stage,
          officer,
          editedBy,
          submittedAt,
          dueAt,
          checklist,
          open ? 'OPEN' : 'DECIDED',
          decidedBy,
          decidedAt,
          outcome,
        ]);
        reviewIds.push(id);
        inbox.push([consumer, reviewRequestId]);
        append({
          engagementId,
          workflowId: engagementId,
          runId: null,
          causeId: reviewRequestId,
          action: 'REVIEW_OPENED',
          actor: officer,
          at: submittedAt,
          payload: {
            reviewId: id,
            reviewRequestId,
            stage,
            dueAt: dueAt.toISOString(),
            checklist,
          },
        });
        if (open || !decidedBy || !decidedAt) continue;
        const decisionAnswers = checklist.map((criterionId, position) => {
          const notMet = changesRequested && position === 0;
          return {
            criterionId,
            verdict: notMet ? 'NOT_MET' : next() < 0.1 ? 'NOT_APPLICABLE' : 'MET',
            ...(notMet ? { comment: 'The evidence does not cover this criterion yet.' } : {}),
          };
        });
        const decisionFindings = changesRequested
          ? [
              {
                criterionId: checklist[0] ?? null,
                text: 'The assessment is to be completed and attached before sign-off.',
              },
              ...(next() < 0.5
                ? [{ criterionId: null, text: 'The summary does not match the annex.' }]
                : []),
            ]
          : [];
        for (const answer of decisionAnswers) {
          answers.push([id, answer.criterionId, answer.verdict, answer.comment ?? null]);
        }
        for (const finding of decisionFindings) {
          findings.push([id, finding.criterionId, finding.text]);
        }
        const decisionId = `decision-${randomUUID()}`;
        append({
          engagementId,
          workflowId: engagementId,
          runId: null,
          causeId: decisionId,
          action: 'MILESTONE_DECIDED',
          actor: decidedBy,
          at: decidedAt,
          payload: {
            reviewId: id,
            reviewRequestId,
            stage,
            outcome,
            answers: decisionAnswers,
            findings: decisionFindings,
          },
        });
        // the workflow's answer to the decision: changes requested, or the stage advanced
        eventNo += 1;
        inbox.push([consumer, `${engagementId}/${eventNo}`]);
      }
    }
    const completed = next() < 0.1 && reached === milestoneStages.length;
    const adopted = completed && next() < 0.7;
    facts.push([
      engagementId,
      partnerState,
      cycle,
      completed ? 'COMPLETED' : furthest,
      completed,
      adopted,
      adopted ? 1 + Math.floor(next() * 4) : 0,
      adopted ? Math.round(next() * 50) / 100 : null,
      adopted && next() < 0.5,
      adopted ? 'STRATEGY' : null,
      adopted ? new Date(at).toISOString().slice(0, 10) : null,
      new Date(at),
    ]);
  }

  await insertRows(
    client,
    'review',
    [
      'id',
      'review_request_id',
      'engagement_id',
      'partner_state',
      'cycle',
      'stage',
      'submitted_by',
      'edited_by',
      'submitted_at',
      'due_at',
      'checklist',
      'status',
      'decided_by',
      'decided_at',
      'outcome',
    ],
    reviews,
  );
  await insertRows(
    client,
    'criterion_answer',
    ['review_id', 'criterion_id', 'verdict', 'comment'],
    answers,
  );
  await insertRows(client, 'finding', ['review_id', 'criterion_id', 'text'], findings);
  await insertRows(
    client,
    'audit_entry',
    [
      'sequence',
      'engagement_id',
      'workflow_id',
      'run_id',
      'cause_id',
      'action',
      'actor',
      'at',
      'payload',
      'previous_hash',
      'hash',
    ],
    audit.map((entry) => [
      entry.sequence.toString(),
      entry.engagementId,
      entry.workflowId,
      entry.runId,
      entry.causeId,
      entry.action,
      entry.actor,
      entry.at,
      JSON.stringify(entry.payload),
      entry.previousHash,
      entry.hash,
    ]),
  );
  await client.query(
    `SELECT setval(pg_get_serial_sequence('audit_entry', 'sequence'), $1::bigint)`,
    [audit.length],
  );
  await insertRows(
    client,
    'indicator_engagement',
    [
      'engagement_id',
      'partner_state',
      'cycle',
      'stage',
      'completed',
      'strategy_adopted',
      'recommendations_acted_on',
      'women_share_in_design',
      'public_private_mechanism',
      'instrument_type',
      'adoption_date',
      'updated_at',
    ],
    facts,
  );
  await insertRows(client, 'inbox_event', ['consumer', 'event_id'], inbox);
  await client.query('ANALYZE');

  // the reviews read by id in an order unrelated to how they were written
  const shuffled = [...reviewIds];
  for (let index = shuffled.length - 1; index > 0; index -= 1) {
    const other = Math.floor(next() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other] as string, shuffled[index] as string];
  }
  return {
    engagements,
    reviewIds: shuffled,
    consumer,
    rows: {
      review: reviews.length,
      criterion_answer: answers.length,
      finding: findings.length,
      audit_entry: audit.length,
      indicator_engagement: facts.length,
      inbox_event: inbox.length,
    },
  };
}
