// The compliance service's hot paths, each two ways on the same database:
//   ours  the service's own code: ReviewRepository on the service's PrismaClient (Prisma 7 with
//         @prisma/adapter-pg, openComplianceDatabase), and consumed events through the same
//         Inbox + ComplianceEventIntake the service's consumer builds
//   raw   the same work written by hand on a pg.Pool of the same size: the SQL one would write
//         for it (one statement where one does it), the same parsing, hashing and checks
//
//   queue      GET /reviews?mine=true: a reviewer's open reviews they may decide (four eyes),
//              most urgent first, at most 500 (the demo reviewers in turn)
//              ours: ReviewRepository.list (1 statement); raw: 1 statement
//   review     GET /reviews/:id: one review with its answers and findings
//              ours: ReviewRepository.find (3 statements: review, answers, findings);
//              raw: 1 statement (answers and findings as json_agg subqueries)
//   submitted  engagement.milestone-submitted consumed: inbox dedupe, review opened, its
//              REVIEW_OPENED audit entry chained under the trail's advisory lock, one transaction
//              ours: Inbox.handle -> ComplianceEventIntake.apply (BEGIN, inbox insert, review
//              insert, review read back, lock, last hash, nextval, audit insert, COMMIT);
//              raw: BEGIN, inbox insert, review insert RETURNING id, lock, last hash + nextval,
//              audit insert, COMMIT
//   advanced   engagement.stage-advanced consumed: inbox dedupe and the indicator facts' upsert
//              ours: Inbox.handle -> ComplianceEventIntake.apply (BEGIN, inbox insert, upsert
//              through $executeRaw, COMMIT); raw: the same four statements
import type { Principal } from '@cttech/auth';
import { complianceChecklist, engagementStages } from '@cttech/domain';
import {
  fromKafkaRecord,
  toKafkaRecord,
  topics,
  type EngagementEvent,
  type EngagementEventType,
} from '@cttech/contracts';
import { Inbox, type ReceivedMessage } from '@cttech/messaging';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { CriterionAnswer, Finding } from '../generated/prisma/client.ts';
import { chainAuditEntry, genesisHash, type AuditPayload } from '../src/audit/audit-chain.ts';
import { AuditTrail } from '../src/audit/audit-trail.ts';
import {
  openComplianceDatabase,
  type ComplianceDatabase,
  type ComplianceTransaction,
} from '../src/database.ts';
import { ComplianceEventIntake } from '../src/event-intake.ts';
import { IndicatorFacts } from '../src/indicators/indicator-facts.ts';
import { ReviewIntake } from '../src/reviews/review-intake.ts';
import {
  ReviewRepository,
  type Review,
  type ReviewQueueFilter,
  type ReviewRecord,
} from '../src/reviews/review-repository.ts';
import { reviewers, type Seeded, type SeededEngagement } from './seed.ts';

export const operations = ['queue', 'review', 'submitted', 'advanced'] as const;
export type Operation = (typeof operations)[number];
export type Side = 'ours' | 'raw';

/** What each operation is, for the header the benchmark prints. */
export const operationCalls: Record<Operation, { ours: string; raw: string }> = {
  queue: {
    ours: 'ReviewRepository.list (GET /reviews?mine=true)',
    raw: '1 SELECT',
  },
  review: {
    ours: 'ReviewRepository.find (GET /reviews/:id; 3 SELECTs)',
    raw: '1 SELECT with json_agg subqueries',
  },
  submitted: {
    ours: 'Inbox.handle + ComplianceEventIntake.apply of engagement.milestone-submitted (7 round trips)',
    raw: 'the same transaction by hand (7 round trips)',
  },
  advanced: {
    ours: 'Inbox.handle + ComplianceEventIntake.apply of engagement.stage-advanced (4 round trips)',
    raw: 'the same four statements',
  },
};

/** One call of an operation: the n-th of its side (both sides get the same n in turn). */
export type Call = (n: number) => Promise<unknown>;

/** The filter ReviewQueue.list passes for `GET /reviews?mine=true` (no status). */
export function queueFilter(reviewer: Principal): ReviewQueueFilter {
  const everyState = reviewer.partnerStates.includes('*');
  return {
    status: undefined,
    partnerStates: everyState ? undefined : reviewer.partnerStates,
    decidableBy: reviewer.userId,
  };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The audit trail's advisory lock key (src/audit/audit-trail.ts; not exported there). */
const auditAppendLock = '7021865532416044';

const reviewColumns = `id, review_request_id AS "reviewRequestId", engagement_id AS "engagementId",
  partner_state AS "partnerState", cycle, stage, submitted_by AS "submittedBy",
  edited_by AS "editedBy", submitted_at AS "submittedAt", due_at AS "dueAt", checklist, status,
  decided_by AS "decidedBy", decided_at AS "decidedAt", outcome`;

/** indicator_engagement's upsert, as IndicatorFacts.apply writes it. */
const upsertEngagementFacts = `
  INSERT INTO indicator_engagement
    (engagement_id, partner_state, cycle, stage, completed, strategy_adopted, updated_at)
  VALUES ($1, $2, $3, $4::text, $5, $6, $7::timestamptz)
  ON CONFLICT (engagement_id) DO UPDATE SET
    stage = CASE
      WHEN coalesce(array_position($8::text[], EXCLUDED.stage), 0)
         > coalesce(array_position($8::text[], indicator_engagement.stage), 0)
      THEN EXCLUDED.stage ELSE indicator_engagement.stage END,
    completed = indicator_engagement.completed OR EXCLUDED.completed,
    strategy_adopted = indicator_engagement.strategy_adopted OR EXCLUDED.strategy_adopted,
    updated_at = greatest(indicator_engagement.updated_at, EXCLUDED.updated_at)`;

/** The workflow's `engagement.milestone-submitted` for one of the seeded engagements. */
export function milestoneSubmitted(
  engagement: SeededEngagement,
  id: string,
): EngagementEvent<'engagement.milestone-submitted'> {
  const officer = `officer-${engagement.partnerState.toLowerCase()}-1`;
  return {
    id,
    type: 'engagement.milestone-submitted',
    version: 1,
    engagementId: engagement.engagementId,
    partnerState: engagement.partnerState,
    cycle: engagement.cycle,
    occurredAt: '2027-06-01T09:00:00.000Z',
    data: {
      reviewRequestId: id,
      stage: 'TAILORED_TRAINING',
      submittedBy: officer,
      reviewDueAt: '2027-06-15T09:00:00.000Z',
      checklist: complianceChecklist('TAILORED_TRAINING').map((criterion) => criterion.id),
      editedBy: [officer, `officer-${engagement.partnerState.toLowerCase()}-2`],
    },
  };
}

/** The workflow's `engagement.stage-advanced` for one of the seeded engagements. */
export function stageAdvanced(
  engagement: SeededEngagement,
  id: string,
  n: number,
): EngagementEvent<'engagement.stage-advanced'> {
  const to = 1 + (n % (engagementStages.length - 1));
  return {
    id,
    type: 'engagement.stage-advanced',
    version: 1,
    engagementId: engagement.engagementId,
    partnerState: engagement.partnerState,
    cycle: engagement.cycle,
    occurredAt: new Date(Date.parse('2027-06-01T09:00:00.000Z') + n * 1_000).toISOString(),
    data: {
      reviewRequestId: `${engagement.engagementId}/advanced`,
      decisionId: `decision-${id}`,
      fromStage: 'KICK_OFF',
      toStage: engagementStages[to] ?? 'NEEDS_ASSESSMENT',
      decidedBy: 'reviewer-3',
      stageDueAt: null,
    },
  };
}

/** An event as the consumer receives it from Kafka. */
export function received(event: EngagementEvent, offset: number): ReceivedMessage {
  return {
    topic: topics.engagementEvents,
    partition: 0,
    offset: String(offset),
    ...toKafkaRecord(event),
  };
}

/** The service's side: its repository, inbox and event intake on its PrismaClient. */
export class Ours {
  readonly database: ComplianceDatabase;
  readonly reviews: ReviewRepository;
  readonly auditTrail: AuditTrail;
  readonly inbox: Inbox<ComplianceTransaction>;

  constructor(url: string, poolSize: number, consumer: string) {
    this.database = openComplianceDatabase(url, poolSize);
    this.reviews = new ReviewRepository(this.database);
    this.auditTrail = new AuditTrail(this.database);
    const intake = new ComplianceEventIntake(
      new ReviewIntake(this.reviews, this.auditTrail),
      new IndicatorFacts(this.database),
    );
    // as ComplianceEventIntake.consumer builds the engagement events' inbox
    this.inbox = new Inbox({
      database: this.database,
      consumer,
      apply: (message, tx: ComplianceTransaction) => intake.apply(message, tx),
    });
  }

  list(filter: ReviewQueueFilter): Promise<Review[]> {
    return this.reviews.list(filter);
  }

  find(id: string): Promise<ReviewRecord | undefined> {
    return this.reviews.find(id);
  }

  /** Resolves to whether the event was new (the inbox counts the duplicates it absorbs). */
  async consume(message: ReceivedMessage): Promise<boolean> {
    const before = this.inbox.duplicatesAbsorbed;
    await this.inbox.handle(message);
    return this.inbox.duplicatesAbsorbed === before;
  }

  close(): Promise<void> {
    return this.database.$disconnect();
  }
}

type FindingRow = Omit<Finding, 'id'> & { id: string };

/** The hand-written side: pg on a pool of the same size. */
export class Raw {
  readonly pool: pg.Pool;
  private readonly consumer: string;

  constructor(url: string, poolSize: number, consumer: string) {
    this.pool = new pg.Pool({ connectionString: url, max: poolSize });
    // a connection the server ends while idle (the database dropped at the end)
    this.pool.on('error', () => {});
    this.consumer = consumer;
  }

  async list(filter: ReviewQueueFilter): Promise<Review[]> {
    if (!filter.partnerStates || !filter.decidableBy) {
      throw new Error('the raw queue is written for a reviewer of some partner states, mine=true');
    }
    const { rows } = await this.pool.query<Review>(
      `SELECT ${reviewColumns} FROM review
       WHERE status = 'OPEN' AND partner_state = ANY($1::text[])
         AND submitted_by <> $2 AND NOT ($2 = ANY (edited_by))
       ORDER BY due_at, id LIMIT 500`,
      [filter.partnerStates, filter.decidableBy],
    );
    return rows;
  }

  async find(id: string): Promise<ReviewRecord | undefined> {
    if (!uuid.test(id)) return undefined;
    const { rows } = await this.pool.query<
      Review & { answers: CriterionAnswer[]; findings: FindingRow[] }
    >(
      `SELECT ${reviewColumns},
         (SELECT coalesce(json_agg(json_build_object('reviewId', a.review_id,
                   'criterionId', a.criterion_id, 'verdict', a.verdict, 'comment', a.comment)
                   ORDER BY a.criterion_id), '[]')
            FROM criterion_answer a WHERE a.review_id = review.id) AS answers,
         (SELECT coalesce(json_agg(json_build_object('id', f.id::text, 'reviewId', f.review_id,
                   'criterionId', f.criterion_id, 'text', f.text) ORDER BY f.id), '[]')
            FROM finding f WHERE f.review_id = review.id) AS findings
       FROM review WHERE id = $1`,
      [id],
    );
    const [row] = rows;
    if (!row) return undefined;
    return {
      ...row,
      findings: row.findings.map((finding) => ({ ...finding, id: BigInt(finding.id) })),
    };
  }

  /** The inbox's dedupe and the event's effects in one transaction; whether it was new. */
  async consume(message: ReceivedMessage): Promise<boolean> {
    const eventId = message.headers.ce_id;
    if (!eventId) throw new Error('the message has no ce_id header');
    const client = await this.pool.connect();
    let failed = false;
    try {
      await client.query('BEGIN');
      const { rowCount } = await client.query(
        'INSERT INTO inbox_event (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [this.consumer, eventId],
      );
      if (rowCount !== 0) {
        const parsed = fromKafkaRecord(message);
        if (!parsed.ok) throw new Error(parsed.reason);
        await this.apply(client, parsed.event);
      }
      await client.query('COMMIT');
      return rowCount !== 0;
    } catch (error) {
      failed = true;
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release(failed);
    }
  }

  private async apply(client: pg.PoolClient, event: EngagementEvent): Promise<void> {
    if (event.type === 'engagement.milestone-submitted') {
      await this.openReview(client, event);
    } else if (event.type === 'engagement.stage-advanced') {
      await client.query(upsertEngagementFacts, [
        event.engagementId,
        event.partnerState,
        event.cycle,
        event.data.toStage,
        false,
        false,
        new Date(event.occurredAt),
        [...engagementStages],
      ]);
    } else {
      throw new Error(`the raw side does not apply ${event.type satisfies EngagementEventType}`);
    }
  }

  private async openReview(
    client: pg.PoolClient,
    event: EngagementEvent<'engagement.milestone-submitted'>,
  ): Promise<void> {
    const { data } = event;
    const { rows: opened } = await client.query<{ id: string }>(
      `INSERT INTO review (id, review_request_id, engagement_id, partner_state, cycle, stage,
         submitted_by, edited_by, submitted_at, due_at, checklist)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        randomUUID(),
        data.reviewRequestId,
        event.engagementId,
        event.partnerState,
        event.cycle,
        data.stage,
        data.submittedBy,
        data.editedBy ?? [],
        new Date(event.occurredAt),
        new Date(data.reviewDueAt),
        data.checklist,
      ],
    );
    const [review] = opened;
    if (!review) return; // this review request already has its review
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [auditAppendLock]);
    const { rows } = await client.query<{ hash: string | null; sequence: string }>(
      `SELECT (SELECT hash FROM audit_entry ORDER BY sequence DESC LIMIT 1) AS hash,
              nextval(pg_get_serial_sequence('audit_entry', 'sequence')) AS sequence`,
    );
    const [last] = rows;
    if (!last) throw new Error('the audit trail could not number an entry');
    const payload: AuditPayload = {
      reviewId: review.id,
      reviewRequestId: data.reviewRequestId,
      stage: data.stage,
      dueAt: data.reviewDueAt,
      checklist: data.checklist,
    };
    const entry = chainAuditEntry(last.hash ?? genesisHash, {
      sequence: BigInt(last.sequence),
      engagementId: event.engagementId,
      workflowId: event.engagementId,
      runId: null,
      causeId: event.id,
      action: 'REVIEW_OPENED',
      actor: data.submittedBy,
      at: new Date(event.occurredAt),
      payload,
    });
    await client.query(
      `INSERT INTO audit_entry (sequence, engagement_id, workflow_id, run_id, cause_id, action,
         actor, at, payload, previous_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
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
      ],
    );
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/**
 * Each operation's call on each side. Both sides see the same sequence: the n-th call reads
 * the same reviewer's queue or the same review, or consumes an event of the same type for the
 * same engagement (with an id of its own side, so every event is new).
 */
export function hotPaths(
  ours: Ours,
  raw: Raw,
  seeded: Seeded,
): Record<Operation, Record<Side, Call>> {
  const sides = { ours, raw };
  const reviewer = (n: number) => reviewers[n % reviewers.length] as Principal;
  const reviewId = (n: number) => seeded.reviewIds[n % seeded.reviewIds.length] as string;
  const engagement = (n: number) =>
    seeded.engagements[n % seeded.engagements.length] as SeededEngagement;
  const each = (call: (side: Side, n: number) => Promise<unknown>): Record<Side, Call> => ({
    ours: (n) => call('ours', n),
    raw: (n) => call('raw', n),
  });
  return {
    queue: each((side, n) => sides[side].list(queueFilter(reviewer(n)))),
    review: each((side, n) => sides[side].find(reviewId(n))),
    submitted: each((side, n) =>
      sides[side].consume(
        received(milestoneSubmitted(engagement(n), `bench-${side}-submitted-${n}`), n),
      ),
    ),
    advanced: each((side, n) =>
      sides[side].consume(
        received(stageAdvanced(engagement(n), `bench-${side}-advanced-${n}`, n), n),
      ),
    ),
  };
}
