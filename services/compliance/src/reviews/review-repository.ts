import { randomUUID } from 'node:crypto';
import type { ReviewDecision } from '@cttech/domain';
import type {
  CriterionAnswer,
  Finding,
  Review,
  ReviewStatus,
} from '../../generated/prisma/client.ts';
import type { ComplianceDatabase, ComplianceTransaction } from '../database.ts';

export type { Review, ReviewStatus };

/** A review with the reviewer's answers and findings. */
export type ReviewRecord = Review & {
  readonly answers: readonly CriterionAnswer[];
  readonly findings: readonly Finding[];
};

/** What opening a review needs, from the workflow's `engagement.milestone-submitted`. */
export interface ReviewOpening {
  readonly reviewRequestId: string;
  readonly engagementId: string;
  readonly partnerState: string;
  readonly cycle: number;
  readonly stage: string;
  readonly submittedBy: string;
  /** Who recorded the stage's work: none of them may decide it (four eyes). */
  readonly editedBy: readonly string[];
  readonly submittedAt: Date;
  readonly dueAt: Date;
  readonly checklist: readonly string[];
}

export interface ReviewQueueFilter {
  readonly status?: ReviewStatus | undefined;
  /** Only these partner states; undefined for all. */
  readonly partnerStates?: readonly string[] | undefined;
  /** Only the reviews this user may decide: open, neither submitted nor edited by them. */
  readonly decidableBy?: string | undefined;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reviews in the compliance database. */
export class ReviewRepository {
  private readonly database: ComplianceDatabase;

  constructor(database: ComplianceDatabase) {
    this.database = database;
  }

  /**
   * Opens a review unless its review request already has one (ON CONFLICT DO NOTHING, so the
   * surrounding transaction goes on). Resolves with the opened review's id, or undefined. One
   * statement: this runs for every submitted milestone the service consumes.
   */
  async open(tx: ComplianceTransaction, opening: ReviewOpening): Promise<string | undefined> {
    const opened = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO review (id, review_request_id, engagement_id, partner_state, cycle, stage,
                          submitted_by, edited_by, submitted_at, due_at, checklist)
      VALUES (${randomUUID()}::uuid, ${opening.reviewRequestId}, ${opening.engagementId},
              ${opening.partnerState}, ${opening.cycle}, ${opening.stage}, ${opening.submittedBy},
              ${[...opening.editedBy]}::text[], ${opening.submittedAt}, ${opening.dueAt},
              ${[...opening.checklist]}::text[])
      ON CONFLICT (review_request_id) DO NOTHING
      RETURNING id::text AS id`;
    return opened[0]?.id;
  }

  async find(id: string): Promise<ReviewRecord | undefined> {
    if (!uuid.test(id)) return undefined;
    const review = await this.database.review.findUnique({
      where: { id },
      include: {
        answers: { orderBy: { criterionId: 'asc' } },
        findings: { orderBy: { id: 'asc' } },
      },
    });
    return review ?? undefined;
  }

  /** The queue: most urgent first. */
  async list({ status, partnerStates, decidableBy }: ReviewQueueFilter): Promise<Review[]> {
    return this.database.review.findMany({
      where: {
        ...(status ? { status } : {}),
        ...(partnerStates ? { partnerState: { in: [...partnerStates] } } : {}),
        ...(decidableBy
          ? {
              status: 'OPEN' as const,
              submittedBy: { not: decidableBy },
              NOT: { editedBy: { has: decidableBy } },
            }
          : {}),
      },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      take: 500,
    });
  }

  /** The engagement's partner state, from its reviews or, before any, its own events. */
  async partnerStateOf(engagementId: string): Promise<string | undefined> {
    const review = await this.database.review.findFirst({
      where: { engagementId },
      select: { partnerState: true },
    });
    if (review) return review.partnerState;
    const known = await this.database.indicatorEngagement.findUnique({
      where: { engagementId },
      select: { partnerState: true },
    });
    return known?.partnerState;
  }

  /**
   * Records a decision on an open review, in the caller's transaction. False when the review
   * is no longer open (another reviewer decided it first): nothing is written then.
   */
  async recordDecision(
    tx: ComplianceTransaction,
    reviewId: string,
    {
      decidedBy,
      decidedAt,
      decision,
    }: { decidedBy: string; decidedAt: Date; decision: ReviewDecision },
  ): Promise<boolean> {
    const { count } = await tx.review.updateMany({
      where: { id: reviewId, status: 'OPEN' },
      data: { status: 'DECIDED', decidedBy, decidedAt, outcome: decision.outcome },
    });
    if (count === 0) return false;
    await tx.criterionAnswer.createMany({
      data: decision.answers.map(({ criterionId, verdict, comment }) => ({
        reviewId,
        criterionId,
        verdict,
        comment: comment ?? null,
      })),
    });
    if (decision.findings.length > 0) {
      await tx.finding.createMany({
        data: decision.findings.map(({ criterionId, text }) => ({
          reviewId,
          criterionId: criterionId ?? null,
          text,
        })),
      });
    }
    return true;
  }
}
