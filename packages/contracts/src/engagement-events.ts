import {
  complianceCriteria,
  courseCodes,
  engagementStages,
  instrumentTypes,
  milestoneStages,
  plannedCourseSchema,
  reviewDecisionSchema,
  submissionKinds,
  trainingDeliverySchema,
} from '@cttech/domain';
import { z } from 'zod';
import { defineEventType, engagementEventHeader, type EventTypeVersion } from './event-type.ts';

const userId = z.string().min(1);
const stage = z.enum(engagementStages);
const milestoneStage = z.enum(milestoneStages);
const instant = z.iso.datetime();

/** A review's deadline approaching or passed: the reminder and the escalation carry the same. */
const reviewDeadline = z.strictObject({
  reviewRequestId: z.string().min(1),
  stage: milestoneStage,
  reviewDueAt: instant,
});
const reviewDeadlineExample = {
  reviewRequestId: 'engagement-KE-2026/3',
  stage: 'KICK_OFF',
  reviewDueAt: '2026-12-06T10:00:00.000Z',
} as const;

/** The engagement workflow's events, version 1. User ids are staff accounts, never trainees. */
export const engagementEventTypes = [
  defineEventType({
    type: 'engagement.opened',
    version: 1,
    data: z.strictObject({ openedBy: userId, stageDueAt: instant }),
    example: { openedBy: 'officer-ke-1', stageDueAt: '2027-02-20T10:00:00.000Z' },
  }),
  defineEventType({
    type: 'engagement.work-recorded',
    version: 1,
    data: z.strictObject({
      stage: milestoneStage,
      kind: z.enum(submissionKinds),
      recordedBy: userId,
    }),
    example: { stage: 'KICK_OFF', kind: 'KICK_OFF_REPORT', recordedBy: 'officer-ke-1' },
  }),
  defineEventType({
    type: 'engagement.milestone-submitted',
    version: 1,
    data: z.strictObject({
      /** The review request's id: the compliance service opens one review per id. */
      reviewRequestId: z.string().min(1),
      stage: milestoneStage,
      submittedBy: userId,
      reviewDueAt: instant,
      checklist: z.array(z.enum(complianceCriteria.map((c) => c.id) as [string, ...string[]])),
      /**
       * Who recorded the stage's work (staff ids): none of them may sign the milestone off.
       * Added to version 1 as optional: events written before it still parse.
       */
      editedBy: z.array(userId).optional(),
    }),
    example: {
      reviewRequestId: 'engagement-KE-2026/3',
      stage: 'KICK_OFF',
      submittedBy: 'officer-ke-1',
      reviewDueAt: '2026-12-06T10:00:00.000Z',
      checklist: ['HRDD_RISK_ASSESSMENT', 'STAKEHOLDER_MAPPING_GENDER'],
      editedBy: ['officer-ke-1', 'officer-ke-2'],
    },
  }),
  defineEventType({
    type: 'engagement.review-reminder',
    version: 1,
    data: reviewDeadline,
    example: reviewDeadlineExample,
  }),
  defineEventType({
    type: 'engagement.review-escalated',
    version: 1,
    data: reviewDeadline,
    example: reviewDeadlineExample,
  }),
  defineEventType({
    type: 'engagement.changes-requested',
    version: 1,
    data: z.strictObject({
      reviewRequestId: z.string().min(1),
      decisionId: z.string().min(1),
      stage: milestoneStage,
      decidedBy: userId,
      findingCount: z.number().int().min(1),
    }),
    example: {
      reviewRequestId: 'engagement-KE-2026/3',
      decisionId: 'decision-81f2',
      stage: 'KICK_OFF',
      decidedBy: 'reviewer-1',
      findingCount: 2,
    },
  }),
  defineEventType({
    type: 'engagement.stage-advanced',
    version: 1,
    data: z.strictObject({
      reviewRequestId: z.string().min(1),
      decisionId: z.string().min(1),
      fromStage: milestoneStage,
      toStage: stage,
      decidedBy: userId,
      stageDueAt: instant.nullable(),
    }),
    example: {
      reviewRequestId: 'engagement-KE-2026/3',
      decisionId: 'decision-81f2',
      fromStage: 'KICK_OFF',
      toStage: 'NEEDS_ASSESSMENT',
      decidedBy: 'reviewer-1',
      stageDueAt: '2027-03-01T10:00:00.000Z',
    },
  }),
  defineEventType({
    type: 'engagement.stage-overdue',
    version: 1,
    data: z.strictObject({ stage: milestoneStage, stageDueAt: instant }),
    example: { stage: 'NEEDS_ASSESSMENT', stageDueAt: '2027-03-01T10:00:00.000Z' },
  }),
  defineEventType({
    type: 'engagement.suspended',
    version: 1,
    data: z.strictObject({ by: userId, reason: z.string().min(1) }),
    example: { by: 'manager-1', reason: 'human-rights concern raised by the reviewer' },
  }),
  defineEventType({
    type: 'engagement.resumed',
    version: 1,
    data: z.strictObject({ by: userId }),
    example: { by: 'manager-1' },
  }),
  defineEventType({
    type: 'engagement.cancelled',
    version: 1,
    data: z.strictObject({ by: userId, reason: z.string().min(1) }),
    example: { by: 'manager-1', reason: 'partner state withdrew' },
  }),
  // The strategy adoption as signed off, in figures: what the programme indicators count.
  defineEventType({
    type: 'engagement.strategy-adopted',
    version: 1,
    data: z.strictObject({
      instrumentType: z.enum(instrumentTypes),
      adoptionDate: z.iso.date(),
      /** UN Special Rapporteur recommendations the instrument acts on. */
      recommendationsActedOn: z.number().int().min(0),
      /** 0 to 1. */
      womenShareInPolicyDesign: z.number().min(0).max(1),
      publicPrivateMechanism: z.boolean(),
    }),
    example: {
      instrumentType: 'ACTION_PLAN',
      adoptionDate: '2027-03-01',
      recommendationsActedOn: 2,
      womenShareInPolicyDesign: 0.35,
      publicPrivateMechanism: true,
    },
  }),
  defineEventType({
    type: 'engagement.completed',
    version: 1,
    data: z.strictObject({
      investigatorsTrained: z.number().int().min(0),
      strategyAdopted: z.boolean(),
    }),
    example: { investigatorsTrained: 42, strategyAdopted: true },
  }),
  defineEventType({
    type: 'training.course-status-changed',
    version: 1,
    data: z.strictObject({
      courseId: z.string().min(1),
      course: z.enum(courseCodes),
      status: z.enum(['SCHEDULED', 'IN_PROGRESS', 'AWAITING_DELIVERY', 'DELIVERED', 'CANCELLED']),
      /**
       * With SCHEDULED: the course as the training plan scheduled it, so the activities service
       * can set it up without the officer typing it in twice. Added to version 1 as optional:
       * events written before it still parse.
       */
      schedule: plannedCourseSchema.omit({ courseId: true, course: true }).optional(),
    }),
    example: {
      courseId: 'osint-nairobi-1',
      course: 'OSINT',
      status: 'SCHEDULED',
      schedule: {
        startDate: '2027-04-12',
        endDate: '2027-04-16',
        seats: 25,
        venueOrPlatform: 'Nairobi, Kenya School of Government',
      },
    },
  }),
  // A course's delivery as the engagement accepted it (checked against the plan), with its
  // attendance counted by sex: what the programme indicators count. Counts only, never names.
  defineEventType({
    type: 'training.course-delivered',
    version: 1,
    data: z.strictObject({
      recordedBy: userId,
      delivery: trainingDeliverySchema,
    }),
    example: {
      recordedBy: 'officer-ke-1',
      delivery: {
        courseId: 'osint-nairobi-1',
        attendance: { women: 9, men: 14, undisclosed: 1 },
        humanRightsModuleDelivered: true,
      },
    },
  }),
  // From the compliance service: what the workflow waits for at a review.
  defineEventType({
    type: 'compliance.milestone-decided',
    version: 1,
    data: z.strictObject({
      /** The `engagement.milestone-submitted` event's review request this decides. */
      reviewRequestId: z.string().min(1),
      stage: milestoneStage,
      decidedBy: userId,
      decision: reviewDecisionSchema,
    }),
    example: {
      reviewRequestId: 'engagement-KE-2026/3',
      stage: 'KICK_OFF',
      decidedBy: 'reviewer-1',
      decision: {
        outcome: 'CHANGES_REQUESTED',
        answers: [
          { criterionId: 'HRDD_RISK_ASSESSMENT', verdict: 'NOT_MET', comment: 'not yet done' },
        ],
        findings: [
          { criterionId: 'HRDD_RISK_ASSESSMENT', text: 'The risk assessment is to be done first.' },
        ],
      },
    },
  }),
  // From the compliance service: a reviewer's hold for a human-rights concern suspends the
  // engagement until it is lifted. The concern itself stays in the compliance service (it may
  // name people); the event carries the hold's id only.
  defineEventType({
    type: 'compliance.human-rights-hold-placed',
    version: 1,
    data: z.strictObject({
      holdId: z.string().min(1),
      placedBy: userId,
    }),
    example: { holdId: 'hold-6f1c2a9e-3d4b-4c55-9a61-0d2f8e7b1c34', placedBy: 'reviewer-1' },
  }),
  defineEventType({
    type: 'compliance.human-rights-hold-lifted',
    version: 1,
    data: z.strictObject({
      holdId: z.string().min(1),
      liftedBy: userId,
    }),
    example: { holdId: 'hold-6f1c2a9e-3d4b-4c55-9a61-0d2f8e7b1c34', liftedBy: 'reviewer-2' },
  }),
  // From the activities service: a training course delivered, with attendance counted by sex.
  defineEventType({
    type: 'activities.training-delivered',
    version: 1,
    data: z.strictObject({
      deliveredBy: userId,
      /** Counts only: trainees are never named in events. */
      delivery: trainingDeliverySchema,
    }),
    example: {
      deliveredBy: 'officer-ke-1',
      delivery: {
        courseId: 'osint-nairobi-1',
        attendance: { women: 9, men: 14, undisclosed: 1 },
        humanRightsModuleDelivered: true,
      },
    },
  }),
] as const satisfies readonly EventTypeVersion<string, z.ZodType>[];

type EventTypes = (typeof engagementEventTypes)[number];
export type EngagementEventType = EventTypes['type'];

/** The data an event of this type carries. */
export type EngagementEventData<Type extends EngagementEventType> = z.infer<
  Extract<EventTypes, { type: Type }>['data']
>;

/** An engagement event: the header and its type's data. */
export type EngagementEvent<Type extends EngagementEventType = EngagementEventType> = {
  [T in Type]: z.infer<typeof engagementEventHeader> & { type: T; data: EngagementEventData<T> };
}[Type];

export type EventParseResult = { ok: true; event: EngagementEvent } | { ok: false; reason: string };

/** Built once: building a zod schema costs far more than using it. */
const headerWithData = engagementEventHeader.extend({ data: z.unknown() });

/** Parses an engagement event of a type and version we know; says why otherwise. */
export function parseEngagementEvent(input: unknown): EventParseResult {
  const header = headerWithData.safeParse(input);
  if (!header.success) return { ok: false, reason: z.prettifyError(header.error) };
  const definition = engagementEventTypes.find(
    (candidate) => candidate.type === header.data.type && candidate.version === header.data.version,
  );
  if (!definition) {
    return {
      ok: false,
      reason: `unknown event type ${header.data.type} version ${header.data.version}`,
    };
  }
  const data = definition.data.safeParse(header.data.data);
  if (!data.success) return { ok: false, reason: `data: ${z.prettifyError(data.error)}` };
  return { ok: true, event: { ...header.data, data: data.data } as EngagementEvent };
}
