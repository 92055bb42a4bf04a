import { randomUUID } from 'node:crypto';
import { mayAccessPartnerState, type Principal } from '@cttech/auth';
import { toKafkaRecord, type EngagementEvent } from '@cttech/contracts';
import { appendToOutbox, outboxMessage } from '@cttech/messaging';
import { z } from 'zod';
import type { AuditTrail } from '../audit/audit-trail.ts';
import type { ComplianceDatabase, ComplianceTransaction } from '../database.ts';
import { ComplianceError } from '../errors.ts';
import type { HumanRightsHold } from '../../generated/prisma/client.ts';

/** Hold ids are UUIDs; anything else names no hold. */
const holdIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const statement = z.string().trim().min(1).max(4000);

/** What a reviewer sends to place a hold: the concern, in words the audit trail keeps. */
export const placeHoldBody = z.strictObject({ concern: statement });
/** What a reviewer sends to lift it: how the concern was resolved. */
export const liftHoldBody = z.strictObject({ resolution: statement });

export type PlaceHold = z.infer<typeof placeHoldBody>;
export type LiftHold = z.infer<typeof liftHoldBody>;

/** A hold as the HTTP API returns it. */
export function holdView(hold: HumanRightsHold) {
  return {
    id: hold.id,
    engagementId: hold.engagementId,
    partnerState: hold.partnerState,
    status: hold.liftedAt ? ('LIFTED' as const) : ('OPEN' as const),
    concern: hold.concern,
    placedBy: hold.placedBy,
    placedAt: hold.placedAt.toISOString(),
    liftedBy: hold.liftedBy,
    liftedAt: hold.liftedAt?.toISOString() ?? null,
    resolution: hold.resolution,
  };
}

export type HoldView = ReturnType<typeof holdView>;

export interface HumanRightsHoldsOptions {
  readonly database: ComplianceDatabase;
  readonly auditTrail: AuditTrail;
  /** Where `compliance.human-rights-hold-placed` and `-lifted` go. */
  readonly complianceEventsTopic: string;
  /** Called after a hold is placed or lifted: the outbox relay looks at once. */
  readonly written?: () => void;
}

interface KnownEngagement {
  readonly engagementId: string;
  readonly partnerState: string;
  readonly cycle: number;
  readonly completed: boolean;
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
  );
}

/**
 * A compliance reviewer's hold on an engagement for a human-rights concern. Placing it writes
 * the hold, its audit entry and `compliance.human-rights-hold-placed` in one transaction; the
 * bridge then suspends the engagement's workflow, which refuses any other resume until a
 * reviewer lifts the hold (`compliance.human-rights-hold-lifted`). One open hold per
 * engagement. The engagement is known here from its own events (`engagement.opened`).
 */
export class HumanRightsHolds {
  private readonly options: HumanRightsHoldsOptions;

  constructor(options: HumanRightsHoldsOptions) {
    this.options = options;
  }

  async list(principal: Principal, engagementId: string): Promise<HoldView[]> {
    const engagement = await this.engagement(principal, engagementId);
    const holds = await this.options.database.humanRightsHold.findMany({
      where: { engagementId: engagement.engagementId },
      orderBy: { placedAt: 'asc' },
    });
    return holds.map(holdView);
  }

  async place(principal: Principal, engagementId: string, body: PlaceHold): Promise<HoldView> {
    const engagement = await this.engagement(principal, engagementId);
    if (engagement.completed) {
      throw new ComplianceError(
        'ENGAGEMENT_CLOSED',
        `engagement ${engagementId} is completed; there is nothing left to hold`,
      );
    }
    const holdId = randomUUID();
    const placedAt = new Date();
    const event: EngagementEvent<'compliance.human-rights-hold-placed'> = {
      ...this.header(engagement, `hold-placed-${holdId}`, placedAt),
      type: 'compliance.human-rights-hold-placed',
      data: { holdId, placedBy: principal.userId },
    };
    try {
      const hold = await this.options.database.$transaction(async (tx) => {
        const created = await tx.humanRightsHold.create({
          data: {
            id: holdId,
            engagementId: engagement.engagementId,
            partnerState: engagement.partnerState,
            cycle: engagement.cycle,
            openFor: engagement.engagementId,
            concern: body.concern,
            placedBy: principal.userId,
            placedAt,
          },
        });
        await this.audit(tx, event, 'HUMAN_RIGHTS_HOLD_PLACED', principal.userId, {
          holdId,
          concern: body.concern,
        });
        await appendToOutbox(tx, [
          outboxMessage(this.options.complianceEventsTopic, toKafkaRecord(event)),
        ]);
        return created;
      });
      this.options.written?.();
      return holdView(hold);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const open = await this.options.database.humanRightsHold.findUnique({
        where: { openFor: engagement.engagementId },
      });
      const which = open ? `hold ${open.id}` : 'a hold';
      throw new ComplianceError(
        'HOLD_ALREADY_OPEN',
        `engagement ${engagementId} is already on ${which} for a human-rights concern; lift it first`,
      );
    }
  }

  async lift(
    principal: Principal,
    engagementId: string,
    holdId: string,
    body: LiftHold,
  ): Promise<HoldView> {
    const engagement = await this.engagement(principal, engagementId);
    const liftedAt = new Date();
    const event: EngagementEvent<'compliance.human-rights-hold-lifted'> = {
      ...this.header(engagement, `hold-lifted-${holdId}`, liftedAt),
      type: 'compliance.human-rights-hold-lifted',
      data: { holdId, liftedBy: principal.userId },
    };
    const hold = await this.options.database.$transaction(async (tx) => {
      const found = holdIdPattern.test(holdId)
        ? await tx.humanRightsHold.findFirst({
            where: { id: holdId, engagementId: engagement.engagementId },
          })
        : null;
      if (!found) {
        throw new ComplianceError(
          'HOLD_NOT_FOUND',
          `engagement ${engagementId} has no hold ${holdId}`,
        );
      }
      // only the transaction that turns the hold from open to lifted writes the event
      const { count } = await tx.humanRightsHold.updateMany({
        where: { id: holdId, liftedAt: null },
        data: { openFor: null, liftedBy: principal.userId, liftedAt, resolution: body.resolution },
      });
      if (count === 0) {
        throw new ComplianceError(
          'HOLD_ALREADY_LIFTED',
          `hold ${holdId} was lifted by ${found.liftedBy ?? 'another reviewer'}`,
        );
      }
      await this.audit(tx, event, 'HUMAN_RIGHTS_HOLD_LIFTED', principal.userId, {
        holdId,
        resolution: body.resolution,
      });
      await appendToOutbox(tx, [
        outboxMessage(this.options.complianceEventsTopic, toKafkaRecord(event)),
      ]);
      return {
        ...found,
        openFor: null,
        liftedBy: principal.userId,
        liftedAt,
        resolution: body.resolution,
      };
    });
    this.options.written?.();
    return holdView(hold);
  }

  /** The engagement as this service knows it; another partner state's is not found (404). */
  private async engagement(principal: Principal, engagementId: string): Promise<KnownEngagement> {
    const found = await this.options.database.indicatorEngagement.findUnique({
      where: { engagementId },
    });
    if (!found || !mayAccessPartnerState(principal, found.partnerState)) {
      throw new ComplianceError('ENGAGEMENT_NOT_FOUND', `there is no engagement ${engagementId}`);
    }
    return found;
  }

  private header(engagement: KnownEngagement, id: string, at: Date) {
    return {
      id,
      version: 1 as const,
      engagementId: engagement.engagementId,
      partnerState: engagement.partnerState,
      cycle: engagement.cycle,
      occurredAt: at.toISOString(),
    };
  }

  private async audit(
    tx: ComplianceTransaction,
    event: EngagementEvent,
    action: 'HUMAN_RIGHTS_HOLD_PLACED' | 'HUMAN_RIGHTS_HOLD_LIFTED',
    actor: string,
    payload: Record<string, string>,
  ): Promise<void> {
    await this.options.auditTrail.append(tx, {
      engagementId: event.engagementId,
      workflowId: event.engagementId,
      runId: null,
      causeId: event.id,
      action,
      actor,
      at: new Date(event.occurredAt),
      payload,
    });
  }
}
