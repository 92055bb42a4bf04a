// The indicator facts: what the programme results are computed from, kept from the events in
// the inbox's transaction and read per partner state.
import { engagementStages, instrumentTypes } from '@cttech/domain';
import type { EngagementEvent } from '@cttech/contracts';
import type { ComplianceDatabase, ComplianceTransaction } from '../database.ts';
import type { DeliveryFacts, EngagementFacts } from './programme-results.ts';

interface EngagementChange {
  readonly stage: string | null;
  readonly completed: boolean;
  readonly strategyAdopted: boolean;
}

/** What an event tells of its engagement; undefined for the types the indicators ignore. */
function engagementChange(event: EngagementEvent): EngagementChange | undefined {
  switch (event.type) {
    case 'engagement.opened':
      return { stage: 'KICK_OFF', completed: false, strategyAdopted: false };
    case 'engagement.stage-advanced':
      return { stage: event.data.toStage, completed: false, strategyAdopted: false };
    case 'engagement.completed':
      return { stage: 'COMPLETED', completed: true, strategyAdopted: event.data.strategyAdopted };
    case 'engagement.strategy-adopted':
      return { stage: null, completed: false, strategyAdopted: true };
    case 'activities.training-delivered':
    case 'training.course-delivered':
      return { stage: null, completed: false, strategyAdopted: false };
    default:
      return undefined;
  }
}

/**
 * The facts the programme indicators are computed from, kept from the events: per engagement
 * its partner state, cycle, furthest stage, completion and strategy adoption (its figures, and
 * the instrument and the day it was adopted, for the timeline); per delivered course its
 * attendance by sex and whether it included the human-rights module. Counts only.
 *
 * Writing is idempotent on top of the inbox: the stage only moves forward, the flags only turn
 * on, and a course's delivery is replaced only by a recording at least as recent (the workflow
 * likewise keeps the last delivery recorded per course). Events of the activity topic may
 * arrive before the engagement's own, so any of them creates the engagement's row.
 */
export class IndicatorFacts {
  private readonly database: ComplianceDatabase;

  constructor(database: ComplianceDatabase) {
    this.database = database;
  }

  /** Applies one event inside the inbox's transaction; other types change nothing. */
  async apply(event: EngagementEvent, tx: ComplianceTransaction): Promise<void> {
    const change = engagementChange(event);
    if (!change) return;
    const at = new Date(event.occurredAt);
    const stages = [...engagementStages];
    await tx.$executeRaw`
      INSERT INTO indicator_engagement
        (engagement_id, partner_state, cycle, stage, completed, strategy_adopted, updated_at)
      VALUES (${event.engagementId}, ${event.partnerState}, ${event.cycle}, ${change.stage}::text,
              ${change.completed}, ${change.strategyAdopted}, ${at}::timestamptz)
      ON CONFLICT (engagement_id) DO UPDATE SET
        stage = CASE
          WHEN coalesce(array_position(${stages}::text[], EXCLUDED.stage), 0)
             > coalesce(array_position(${stages}::text[], indicator_engagement.stage), 0)
          THEN EXCLUDED.stage ELSE indicator_engagement.stage END,
        completed = indicator_engagement.completed OR EXCLUDED.completed,
        strategy_adopted = indicator_engagement.strategy_adopted OR EXCLUDED.strategy_adopted,
        updated_at = greatest(indicator_engagement.updated_at, EXCLUDED.updated_at)`;
    if (event.type === 'engagement.strategy-adopted') {
      const {
        instrumentType,
        adoptionDate,
        recommendationsActedOn,
        womenShareInPolicyDesign,
        publicPrivateMechanism,
      } = event.data;
      await tx.$executeRaw`
        UPDATE indicator_engagement SET
          instrument_type = ${instrumentType},
          adoption_date = ${adoptionDate}::date,
          recommendations_acted_on = ${recommendationsActedOn},
          women_share_in_design = ${womenShareInPolicyDesign},
          public_private_mechanism = ${publicPrivateMechanism}
        WHERE engagement_id = ${event.engagementId}`;
      return;
    }
    // a delivery as the engagement accepted it, or as the activities service reported it: the
    // same course's row either way, the latest recording kept
    if (
      event.type !== 'training.course-delivered' &&
      event.type !== 'activities.training-delivered'
    )
      return;
    const { courseId, attendance, humanRightsModuleDelivered } = event.data.delivery;
    await tx.$executeRaw`
      INSERT INTO indicator_training_delivery
        (engagement_id, course_id, partner_state, women, men, undisclosed,
         human_rights_module_delivered, recorded_at, event_id)
      VALUES (${event.engagementId}, ${courseId}, ${event.partnerState}, ${attendance.women},
              ${attendance.men}, ${attendance.undisclosed}, ${humanRightsModuleDelivered},
              ${at}::timestamptz, ${event.id})
      ON CONFLICT (engagement_id, course_id) DO UPDATE SET
        women = EXCLUDED.women,
        men = EXCLUDED.men,
        undisclosed = EXCLUDED.undisclosed,
        human_rights_module_delivered = EXCLUDED.human_rights_module_delivered,
        recorded_at = EXCLUDED.recorded_at,
        event_id = EXCLUDED.event_id
      WHERE indicator_training_delivery.recorded_at <= EXCLUDED.recorded_at`;
  }

  /** The facts of these partner states; undefined for all. */
  async read(
    partnerStates: readonly string[] | undefined,
  ): Promise<{ engagements: EngagementFacts[]; deliveries: DeliveryFacts[] }> {
    const where = partnerStates ? { partnerState: { in: [...partnerStates] } } : {};
    const [engagements, deliveries] = await Promise.all([
      this.database.indicatorEngagement.findMany({
        where,
        select: {
          engagementId: true,
          partnerState: true,
          cycle: true,
          strategyAdopted: true,
          recommendationsActedOn: true,
          womenShareInDesign: true,
          publicPrivateMechanism: true,
          instrumentType: true,
          adoptionDate: true,
        },
      }),
      this.database.indicatorTrainingDelivery.findMany({
        where,
        select: {
          partnerState: true,
          courseId: true,
          women: true,
          men: true,
          undisclosed: true,
          humanRightsModuleDelivered: true,
        },
      }),
    ]);
    return { engagements: engagements.map(engagementFacts), deliveries };
  }
}

/** A row's adoption: both its instrument and its day, or none (rows kept before they were). */
function engagementFacts({
  instrumentType,
  adoptionDate,
  ...row
}: Omit<EngagementFacts, 'adoption'> & {
  instrumentType: string | null;
  adoptionDate: Date | null;
}): EngagementFacts {
  const instrument = instrumentTypes.find((known) => known === instrumentType);
  return {
    ...row,
    adoption:
      instrument && adoptionDate
        ? { instrumentType: instrument, adoptionDate: adoptionDate.toISOString().slice(0, 10) }
        : null,
  };
}
