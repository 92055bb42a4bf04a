import type { EngagementEvent, EngagementEventData, EngagementEventType } from '@cttech/contracts';
import {
  allowedActions,
  applyEngagementAction,
  checkDeliveryAgainstPlan,
  checkFourEyes,
  complianceChecklist,
  emptyStageRecord,
  engagementIndicators,
  exitCriteria,
  isMilestoneStage,
  refusalForProblems,
  stageOfSubmission,
  stageTitles,
  submissionKindsByStage,
  validateReviewDecision,
  validateSubmission,
  type EngagementAction,
  type EngagementPosition,
  type MilestoneStage,
  type Problem,
  type Refusal,
  type ReviewDecision,
  type ReviewFinding,
  type StageRecord,
  type Submission,
  type SubmissionKind,
  type TrainingPlan,
} from '@cttech/domain';
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { EngagementActivities } from './activities.ts';
import {
  cancelUpdate,
  courseDeliveredSignal,
  courseStatusSignal,
  decideMilestoneUpdate,
  defaultDeadlines,
  defaultHistoryEventLimit,
  engagementSearchAttributes,
  engagementStatusQuery,
  recordWorkUpdate,
  resumeUpdate,
  submitMilestoneUpdate,
  suspendUpdate,
  trainingCourseWorkflowId,
  type DecideMilestone,
  type EngagementDeadlines,
  type EngagementStatus,
  type EngagementTransition,
  type HumanRightsHold,
  type OpenEngagement,
  type PendingReview,
  type PendingWork,
  type RecordWork,
  type SubmitMilestone,
  type TrainingCourseProgress,
} from './contract.ts';
import { trainingCourseWorkflow } from './training-course-workflow.ts';
import { conditionWithin, daysAfter, nowIso } from './workflow-time.ts';

const { publishEngagementEvent } = proxyActivities<EngagementActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Everything the engagement has recorded; carried whole into a continued-as-new run. */
export interface EngagementSnapshot {
  readonly partnerState: string;
  readonly cycle: number;
  readonly openedBy: string;
  readonly openedAt: string;
  readonly deadlines: EngagementDeadlines;
  position: EngagementPosition;
  record: StageRecord;
  stageStartedAt: string;
  stageDueAt: string | null;
  stageOverdueNotified: boolean;
  pendingReview: PendingReview | null;
  /** Who recorded work in the current stage: none of them may sign its milestone off. */
  stageEditors: string[];
  openFindings: ReviewFinding[];
  history: EngagementTransition[];
  courses: TrainingCourseProgress[];
  /** Events published so far; the next event's id is `<workflow id>/<sequence + 1>`. */
  eventSequence: number;
  /** Decision ids already applied, so a redelivered decision changes nothing after continue-as-new too. */
  decisionIds: string[];
  /** When the engagement was suspended; deadlines do not run while it is. */
  suspendedAt?: string | null | undefined;
  /** A human-rights hold keeping the engagement suspended (added after the first release). */
  humanRightsHold?: HumanRightsHold | null | undefined;
  continuedAsNew: number;
}

function refuse(refusal: Refusal): never {
  throw ApplicationFailure.create({
    type: refusal.code,
    message: refusal.message,
    details: [refusal.problems ?? []],
    nonRetryable: true,
  });
}

function refuseProblems(problems: readonly Problem[]): never {
  refuse(refusalForProblems('INVALID_SUBMISSION', problems));
}

function requireUser(by: unknown, field = 'by'): void {
  if (typeof by !== 'string' || by.trim() === '')
    refuseProblems([{ field, message: 'is required' }]);
}

function openingSnapshot(open: OpenEngagement): EngagementSnapshot {
  const openedAt = nowIso();
  const deadlines = { ...defaultDeadlines, ...open.deadlines };
  const position: EngagementPosition = { stage: 'KICK_OFF', state: 'ACTIVE' };
  return {
    partnerState: open.partnerState,
    cycle: open.cycle,
    openedBy: open.openedBy,
    openedAt,
    deadlines,
    position,
    record: emptyStageRecord,
    stageStartedAt: openedAt,
    stageDueAt: daysAfter(openedAt, deadlines.stageDays),
    stageOverdueNotified: false,
    pendingReview: null,
    stageEditors: [],
    openFindings: [],
    history: [{ at: openedAt, by: open.openedBy, action: 'OPEN', from: position, to: position }],
    courses: [],
    eventSequence: 0,
    decisionIds: [],
    continuedAsNew: 0,
  };
}

function validateOpening(open: OpenEngagement): void {
  const problems: Problem[] = [];
  if (!/^[A-Z]{2}$/.test(open.partnerState)) {
    problems.push({
      field: 'partnerState',
      message: 'must be an ISO 3166-1 alpha-2 code such as KE',
    });
  }
  if (!Number.isInteger(open.cycle)) problems.push({ field: 'cycle', message: 'must be a year' });
  if (open.openedBy.trim() === '') problems.push({ field: 'openedBy', message: 'is required' });
  const limit = open.historyEventLimit;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 20 || limit > 50_000)) {
    problems.push({
      field: 'historyEventLimit',
      message: 'must be a whole number of history events, 20 to 50000',
    });
  }
  for (const [key, days] of Object.entries(open.deadlines ?? {})) {
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > 3650) {
      problems.push({
        field: `deadlines.${key}`,
        message: 'must be a whole number of days, 0 to 3650',
      });
    }
  }
  if (problems.length > 0) refuseProblems(problems);
}

/**
 * One partner state's engagement, from kick-off through needs assessment, tailored training
 * and strategy adoption. Officers record work and submit milestones; compliance reviewers'
 * decisions arrive as updates keyed by their event id; the programme manager suspends,
 * resumes or cancels. Review reminders, escalations and stage deadlines are timers.
 */
export async function engagementWorkflow(
  open: OpenEngagement,
  carried?: EngagementSnapshot,
): Promise<EngagementStatus> {
  if (!carried) validateOpening(open);
  const s: EngagementSnapshot = carried
    ? { ...carried, continuedAsNew: carried.continuedAsNew + 1 }
    : openingSnapshot(open);
  const engagementId = workflowInfo().workflowId;
  let revision = 0;

  // --- events ----------------------------------------------------------------------------
  function event<Type extends EngagementEventType>(
    type: Type,
    data: EngagementEventData<Type>,
  ): EngagementEvent {
    s.eventSequence += 1;
    return {
      id: `${engagementId}/${s.eventSequence}`,
      type,
      version: 1,
      engagementId,
      partnerState: s.partnerState,
      cycle: s.cycle,
      occurredAt: nowIso(),
      data,
    } as EngagementEvent;
  }

  /**
   * Events leave in the order of their sequence numbers: each publication waits for the one
   * before it, so one engagement's events reach Kafka in order even when handlers overlap.
   */
  let lastPublication: Promise<void> = Promise.resolve();
  function send(built: EngagementEvent): Promise<void> {
    const publication = lastPublication
      .catch(() => undefined)
      .then(() => publishEngagementEvent(built));
    lastPublication = publication;
    return publication;
  }

  async function publish<Type extends EngagementEventType>(
    type: Type,
    data: EngagementEventData<Type>,
  ): Promise<string> {
    const built = event(type, data);
    await send(built);
    return built.id;
  }

  // The opening event takes the first sequence number and the first place in the queue
  // before any handler is registered: an update that arrived with the start runs as soon as
  // its handler is set.
  const opening = carried
    ? undefined
    : send(
        event('engagement.opened', { openedBy: s.openedBy, stageDueAt: s.stageDueAt ?? nowIso() }),
      );

  // --- state changes -----------------------------------------------------------------------
  function move(action: EngagementAction, by: string, note?: string): EngagementPosition {
    const result = applyEngagementAction(s.position, action);
    if (!result.ok) refuse(result.refusal);
    const from = s.position;
    s.position = result.position;
    s.history.push({ at: nowIso(), by, action, from, to: s.position, note });
    changed();
    return from;
  }

  function changed(): void {
    revision += 1;
    upsertSearchAttributes([
      { key: engagementSearchAttributes.stage, value: s.position.stage },
      { key: engagementSearchAttributes.state, value: s.position.state },
      {
        key: engagementSearchAttributes.awaitingReview,
        value: s.position.state === 'AWAITING_REVIEW',
      },
      { key: engagementSearchAttributes.overdue, value: isOverdue() },
    ]);
  }

  function isOverdue(): boolean {
    return s.stageOverdueNotified || (s.pendingReview?.escalated ?? false);
  }

  function requireAllowed(action: EngagementAction): void {
    const result = applyEngagementAction(s.position, action);
    if (!result.ok) refuse(result.refusal);
  }

  function currentMilestoneStage(): MilestoneStage {
    const stage = s.position.stage;
    if (!isMilestoneStage(stage))
      refuse({ code: 'ACTION_NOT_ALLOWED', message: 'the engagement is completed' });
    return stage;
  }

  function startStage(at: string): void {
    s.stageStartedAt = at;
    s.stageDueAt = s.position.stage === 'COMPLETED' ? null : daysAfter(at, s.deadlines.stageDays);
    s.stageOverdueNotified = false;
    s.stageEditors = [];
    s.openFindings = [];
  }

  // --- status ------------------------------------------------------------------------------
  function pending(): PendingWork | null {
    const { state, stage } = s.position;
    const title = stageTitles[stage].toLowerCase();
    switch (state) {
      case 'ACTIVE':
        return {
          on: 'PROGRAMME_OFFICER',
          what: `record the ${title} work and submit its milestone`,
          since: s.stageStartedAt,
          dueAt: s.stageDueAt ?? undefined,
        };
      case 'CHANGES_REQUESTED':
        return {
          on: 'PROGRAMME_OFFICER',
          what: `answer the review findings on the ${title} milestone and submit it again`,
          since: s.history.at(-1)?.at ?? s.stageStartedAt,
          dueAt: s.stageDueAt ?? undefined,
        };
      case 'AWAITING_REVIEW':
        return {
          on: 'COMPLIANCE_REVIEWER',
          what: `review the ${title} milestone`,
          since: s.pendingReview?.submittedAt ?? s.stageStartedAt,
          dueAt: s.pendingReview?.dueAt,
        };
      case 'SUSPENDED':
        if (s.humanRightsHold) {
          return {
            on: 'COMPLIANCE_REVIEWER',
            what: 'lift the human-rights hold once the concern is resolved',
            since: s.humanRightsHold.placedAt,
          };
        }
        return {
          on: 'PROGRAMME_MANAGER',
          what: 'resume or cancel the suspended engagement',
          since: s.history.at(-1)?.at ?? s.stageStartedAt,
        };
      default:
        return null;
    }
  }

  function status(): EngagementStatus {
    const stage = s.position.stage;
    return {
      engagementId,
      partnerState: s.partnerState,
      cycle: s.cycle,
      stage,
      state: s.position.state,
      position: s.position,
      allowedActions: allowedActions(s.position),
      pending: pending(),
      deadlines: {
        ...s.deadlines,
        stageDueAt: s.stageDueAt,
        reviewDueAt: s.pendingReview?.dueAt ?? null,
      },
      overdue: isOverdue(),
      pendingReview: s.pendingReview,
      openFindings: s.openFindings,
      unmetExitCriteria: isMilestoneStage(stage) ? exitCriteria(stage, s.record).unmet : [],
      record: s.record,
      trainingCourses: s.courses,
      indicators: engagementIndicators(s.record),
      history: s.history,
      humanRightsHold: s.humanRightsHold ?? null,
      continuedAsNew: s.continuedAsNew,
    };
  }

  // --- officer: record work ----------------------------------------------------------------
  function validateRecordWork({ kind, submission, by }: RecordWork): Submission {
    requireUser(by);
    requireAllowed('RECORD_WORK');
    const stage = currentMilestoneStage();
    if (!(submissionKindsByStage[stage] as readonly string[]).includes(kind)) {
      const expected = (() => {
        try {
          return `it belongs to ${stageOfSubmission(kind)}`;
        } catch {
          return 'it is not a known kind of submission';
        }
      })();
      refuse({
        code: 'ACTION_NOT_ALLOWED',
        message: `a ${String(kind)} cannot be recorded while the engagement is in ${stage}: ${expected}; this stage takes ${submissionKindsByStage[stage].join(', ')}`,
      });
    }
    const validated = validateSubmission(kind, submission);
    if (!validated.ok) refuseProblems(validated.problems);
    if (kind === 'TRAINING_DELIVERY') {
      const plan = s.record.trainingPlan;
      if (!plan)
        refuseProblems([{ field: '', message: 'cannot be recorded before the training plan' }]);
      const delivery = validated.value as SubmissionByKindDelivery;
      const checked = checkDeliveryAgainstPlan(plan, delivery);
      if (!checked.ok) refuseProblems(checked.problems);
    }
    if (kind === 'TRAINING_PLAN') {
      const delivered = new Set(s.record.trainingDeliveries.map((d) => d.courseId));
      const kept = new Set((validated.value as TrainingPlan).courses.map((c) => c.courseId));
      const dropped = [...delivered].filter((courseId) => !kept.has(courseId));
      if (dropped.length > 0) {
        refuseProblems([
          {
            field: 'courses',
            message: `must keep the courses already delivered: ${dropped.join(', ')}`,
          },
        ]);
      }
    }
    return validated.value;
  }

  async function recordWork(command: RecordWork): Promise<EngagementStatus> {
    const submission = validateRecordWork(command);
    const stage = currentMilestoneStage();
    s.record = withSubmission(s.record, command.kind, submission);
    if (!s.stageEditors.includes(command.by)) s.stageEditors.push(command.by);
    move('RECORD_WORK', command.by, command.kind);
    await publish('engagement.work-recorded', {
      stage,
      kind: command.kind,
      recordedBy: command.by,
    });
    if (command.kind === 'TRAINING_PLAN') await scheduleCourses(submission as TrainingPlan);
    if (command.kind === 'TRAINING_DELIVERY') {
      const delivery = submission as SubmissionByKindDelivery;
      // the delivery's counts for the programme indicators (ADR 0004: a new event, patched)
      if (patched('training-course-delivered-event')) {
        await publish('training.course-delivered', { recordedBy: command.by, delivery });
      }
      await markDelivered(delivery.courseId);
    }
    return status();
  }

  async function scheduleCourses(plan: TrainingPlan): Promise<void> {
    for (const course of s.courses) {
      const stillPlanned = plan.courses.some((planned) => planned.courseId === course.courseId);
      if (!stillPlanned && course.status !== 'DELIVERED' && course.status !== 'CANCELLED') {
        await cancelCourse(course);
      }
    }
    for (const planned of plan.courses) {
      if (
        s.courses.some(
          (course) => course.courseId === planned.courseId && course.status !== 'CANCELLED',
        )
      )
        continue;
      s.courses = [
        ...s.courses.filter((c) => c.courseId !== planned.courseId),
        { courseId: planned.courseId, course: planned.course, status: 'SCHEDULED' },
      ];
      // SCHEDULED goes out before the child starts: a child whose start date has passed
      // reports IN_PROGRESS at once, and that signal may be handled in the very activation
      // that resolves startChild, so publishing after it could number IN_PROGRESS first
      const { startDate, endDate, seats, venueOrPlatform } = planned;
      await publish('training.course-status-changed', {
        courseId: planned.courseId,
        course: planned.course,
        status: 'SCHEDULED',
        // the schedule lets the activities service set the course up (ADR 0004: patched)
        ...(patched('course-schedule-in-event')
          ? { schedule: { startDate, endDate, seats, venueOrPlatform } }
          : {}),
      });
      await startChild(trainingCourseWorkflow, {
        workflowId: trainingCourseWorkflowId(engagementId, planned.courseId),
        args: [
          {
            engagementWorkflowId: engagementId,
            courseId: planned.courseId,
            course: planned.course,
            startDate: planned.startDate,
            endDate: planned.endDate,
          },
        ],
        // the course goes on when this run continues as new; cancelled with the engagement
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    }
  }

  async function markDelivered(courseId: string): Promise<void> {
    const course = s.courses.find((c) => c.courseId === courseId);
    if (course && course.status !== 'DELIVERED' && course.status !== 'CANCELLED') {
      await getExternalWorkflowHandle(trainingCourseWorkflowId(engagementId, courseId)).signal(
        courseDeliveredSignal,
      );
    }
  }

  /** Cancels a course's child workflow and tells the course's followers it is cancelled. */
  async function cancelCourse({ courseId, course }: TrainingCourseProgress): Promise<void> {
    setCourseStatus(courseId, 'CANCELLED');
    await getExternalWorkflowHandle(trainingCourseWorkflowId(engagementId, courseId)).cancel();
    await publish('training.course-status-changed', { courseId, course, status: 'CANCELLED' });
  }

  function setCourseStatus(courseId: string, status: TrainingCourseProgress['status']): void {
    s.courses = s.courses.map((course) =>
      course.courseId === courseId ? { ...course, status } : course,
    );
    revision += 1;
  }

  // --- officer: submit the milestone -------------------------------------------------------
  // The update's validator checks the answers to the findings too; the handler checks only
  // what it checked before answers existed: a validator does not run on replay, a handler
  // does, and the histories recorded before then resubmit without answers (ADR 0004).
  function validateSubmitMilestone({ by, findingResponses }: SubmitMilestone): void {
    checkMilestoneSubmittable(by);
    validateFindingResponses(findingResponses);
  }

  function checkMilestoneSubmittable(by: string): void {
    requireUser(by);
    requireAllowed('SUBMIT_MILESTONE');
    const stage = currentMilestoneStage();
    const assessment = exitCriteria(stage, s.record);
    if (!assessment.met) {
      refuse({
        code: 'ACTION_NOT_ALLOWED',
        message: `the ${stageTitles[stage].toLowerCase()} milestone cannot be submitted yet: ${assessment.unmet.map((u) => u.message).join('; ')}`,
        problems: assessment.unmet.map((u) => ({ field: u.criterion, message: u.message })),
      });
    }
  }

  /** After "changes requested", the officer answers every open finding, once each. */
  function validateFindingResponses(responses: SubmitMilestone['findingResponses']): void {
    const open = s.openFindings.length;
    if (responses === undefined || responses.length === 0) {
      if (open > 0) {
        refuseProblems([
          {
            field: 'findingResponses',
            message: `must answer each of the ${open} open finding${open === 1 ? '' : 's'} of the last review`,
          },
        ]);
      }
      return;
    }
    const problems: Problem[] = [];
    if (open === 0) {
      problems.push({ field: 'findingResponses', message: 'there are no open findings to answer' });
    }
    const answered = new Set<number>();
    responses.forEach(({ finding, response }, index) => {
      if (!Number.isInteger(finding) || finding < 0 || finding >= open) {
        if (open > 0) {
          problems.push({
            field: `findingResponses.${index}.finding`,
            message: `must be the place of an open finding, 0 to ${open - 1}`,
          });
        }
      } else if (answered.has(finding)) {
        problems.push({
          field: `findingResponses.${index}.finding`,
          message: `answers finding ${finding} again`,
        });
      } else answered.add(finding);
      if (typeof response !== 'string' || response.trim() === '') {
        problems.push({ field: `findingResponses.${index}.response`, message: 'is required' });
      }
    });
    const unanswered = s.openFindings.map((_, index) => index).filter((i) => !answered.has(i));
    if (open > 0 && unanswered.length > 0) {
      problems.push({
        field: 'findingResponses',
        message: `must answer finding${unanswered.length === 1 ? '' : 's'} ${unanswered.join(', ')}`,
      });
    }
    if (problems.length > 0) refuseProblems(problems);
  }

  async function submitMilestone({
    by,
    findingResponses,
  }: SubmitMilestone): Promise<EngagementStatus> {
    checkMilestoneSubmittable(by);
    const stage = currentMilestoneStage();
    move('SUBMIT_MILESTONE', by);
    const submittedAt = nowIso();
    const dueAt = daysAfter(submittedAt, s.deadlines.reviewDays);
    const built = event('engagement.milestone-submitted', {
      reviewRequestId: `${engagementId}/${s.eventSequence + 1}`,
      stage,
      submittedBy: by,
      reviewDueAt: dueAt,
      checklist: complianceChecklist(stage).map((criterion) => criterion.id),
      // the compliance service refuses them as reviewers too (an activity's input: no patch)
      editedBy: [...s.stageEditors],
    });
    s.pendingReview = {
      reviewRequestId: built.id,
      stage,
      submittedBy: by,
      submittedAt,
      dueAt,
      reminded: false,
      escalated: false,
      ...(findingResponses?.length
        ? {
            answeredFindings: s.openFindings.map((finding, index) => ({
              ...finding,
              response: findingResponses.find((answer) => answer.finding === index)?.response ?? '',
            })),
          }
        : {}),
    };
    s.openFindings = [];
    changed();
    await send(built);
    return status();
  }

  // --- reviewer: decide the milestone (from the compliance service, through Kafka) ---------
  function validateDecision({
    decisionId,
    reviewRequestId,
    decidedBy,
    decision,
  }: DecideMilestone): ReviewDecision {
    requireUser(decidedBy, 'decidedBy');
    requireUser(decisionId, 'decisionId');
    if (s.decisionIds.includes(decisionId)) {
      refuse({
        code: 'ACTION_NOT_ALLOWED',
        message: `decision ${decisionId} has been applied already`,
      });
    }
    requireAllowed('APPROVE');
    const review = s.pendingReview;
    if (!review || review.reviewRequestId !== reviewRequestId) {
      refuse({
        code: 'ACTION_NOT_ALLOWED',
        message: `review request ${reviewRequestId} is not the one awaiting a decision (${review?.reviewRequestId ?? 'none'})`,
      });
    }
    const fourEyes = checkFourEyes({
      submittedBy: review.submittedBy,
      decidedBy,
      editedBy: s.stageEditors,
    });
    if (!fourEyes.ok) refuse(fourEyes.refusal);
    const validated = validateReviewDecision(review.stage, decision);
    if (!validated.ok) refuse(refusalForProblems('INVALID_REVIEW_DECISION', validated.problems));
    return validated.value;
  }

  async function decideMilestone(command: DecideMilestone): Promise<EngagementStatus> {
    const decision = validateDecision(command);
    const review = s.pendingReview as PendingReview;
    s.decisionIds.push(command.decisionId);
    s.pendingReview = null;
    if (decision.outcome === 'APPROVED') {
      move('APPROVE', command.decidedBy, `decision ${command.decisionId}`);
      startStage(nowIso());
      await publish('engagement.stage-advanced', {
        reviewRequestId: review.reviewRequestId,
        decisionId: command.decisionId,
        fromStage: review.stage,
        toStage: s.position.stage,
        decidedBy: command.decidedBy,
        stageDueAt: s.stageDueAt,
      });
      if (s.position.state === 'COMPLETED') {
        const indicators = engagementIndicators(s.record);
        const adoption = s.record.strategyAdoption;
        // the signed-off adoption's figures for the programme indicators (ADR 0004: patched)
        if (adoption && patched('strategy-adopted-event')) {
          await publish('engagement.strategy-adopted', {
            instrumentType: adoption.instrumentType,
            adoptionDate: adoption.adoptionDate,
            recommendationsActedOn: indicators.recommendationsActedOn,
            womenShareInPolicyDesign: indicators.womenShareInPolicyDesign ?? 0,
            publicPrivateMechanism: indicators.publicPrivateMechanism,
          });
        }
        await publish('engagement.completed', {
          investigatorsTrained: indicators.investigatorsTrained.total,
          strategyAdopted: indicators.strategyAdopted,
        });
      }
    } else {
      move('REQUEST_CHANGES', command.decidedBy, `decision ${command.decisionId}`);
      s.openFindings = [...decision.findings];
      changed();
      await publish('engagement.changes-requested', {
        reviewRequestId: review.reviewRequestId,
        decisionId: command.decisionId,
        stage: review.stage,
        decidedBy: command.decidedBy,
        findingCount: decision.findings.length,
      });
    }
    return status();
  }

  // --- programme manager: suspend, resume, cancel -----------------------------------------
  function validateReason(reason: unknown): void {
    if (typeof reason !== 'string' || reason.trim() === '')
      refuseProblems([{ field: 'reason', message: 'is required' }]);
  }

  setHandler(recordWorkUpdate, recordWork, {
    validator: (command: RecordWork) => void validateRecordWork(command),
  });
  setHandler(submitMilestoneUpdate, submitMilestone, { validator: validateSubmitMilestone });
  setHandler(decideMilestoneUpdate, decideMilestone, {
    validator: (command: DecideMilestone) => void validateDecision(command),
  });
  // A compliance reviewer's hold for a human-rights concern suspends the engagement like the
  // manager's suspension, and then only lifting the hold resumes it. A hold placed on an
  // engagement the manager had already suspended keeps it suspended.
  function validateHold(holdId: unknown): void {
    if (typeof holdId !== 'string' || holdId.trim() === '')
      refuseProblems([{ field: 'holdId', message: 'must be the hold id when one is given' }]);
    const held = s.humanRightsHold;
    if (held && held.holdId !== holdId) {
      refuse({
        code: 'HUMAN_RIGHTS_HOLD',
        message: `the engagement is already on hold for a human-rights concern (${held.holdId})`,
      });
    }
  }

  setHandler(
    suspendUpdate,
    async ({ by, reason, holdId }) => {
      if (holdId !== undefined) {
        s.humanRightsHold = { holdId, placedBy: by, placedAt: nowIso() };
        if (s.position.state === 'SUSPENDED') {
          changed();
          return status();
        }
      }
      move('SUSPEND', by, reason);
      s.suspendedAt = nowIso();
      await publish('engagement.suspended', { by, reason });
      return status();
    },
    {
      validator: ({ by, reason, holdId }) => {
        requireUser(by);
        validateReason(reason);
        if (holdId !== undefined) {
          validateHold(holdId);
          if (s.position.state === 'SUSPENDED') return;
        }
        requireAllowed('SUSPEND');
      },
    },
  );
  setHandler(
    resumeUpdate,
    async ({ by }) => {
      const hold = s.humanRightsHold;
      move('RESUME', by, hold ? `human-rights hold ${hold.holdId} lifted` : undefined);
      s.humanRightsHold = null;
      extendDeadlinesBySuspension();
      await publish('engagement.resumed', { by });
      return status();
    },
    {
      validator: ({ by, holdId }) => {
        requireUser(by);
        const hold = s.humanRightsHold;
        if (hold && holdId !== hold.holdId) {
          refuse({
            code: 'HUMAN_RIGHTS_HOLD',
            message: `the engagement is on hold for a human-rights concern (${hold.holdId}) placed by ${hold.placedBy}; only lifting the hold in compliance resumes it`,
          });
        }
        if (!hold && holdId !== undefined) {
          refuse({
            code: 'HUMAN_RIGHTS_HOLD',
            message: `the engagement is not on human-rights hold ${String(holdId)}`,
          });
        }
        requireAllowed('RESUME');
      },
    },
  );
  setHandler(
    cancelUpdate,
    async ({ by, reason }) => {
      move('CANCEL', by, reason);
      s.pendingReview = null;
      changed();
      for (const course of s.courses) {
        if (course.status !== 'DELIVERED' && course.status !== 'CANCELLED') {
          await cancelCourse(course);
        }
      }
      await publish('engagement.cancelled', { by, reason });
      return status();
    },
    {
      validator: ({ by, reason }) => {
        requireUser(by);
        validateReason(reason);
        requireAllowed('CANCEL');
      },
    },
  );
  setHandler(courseStatusSignal, async ({ courseId, status: courseStatus }) => {
    const course = s.courses.find((c) => c.courseId === courseId);
    if (!course || course.status === 'CANCELLED' || course.status === courseStatus) return;
    setCourseStatus(courseId, courseStatus);
    await publish('training.course-status-changed', {
      courseId,
      course: course.course,
      status: courseStatus,
    });
  });
  setHandler(engagementStatusQuery, status);

  /**
   * The clock stops while an engagement is suspended: on resumption, a deadline not yet
   * passed moves later by the time spent suspended, so nobody is reminded or escalated for it.
   */
  function extendDeadlinesBySuspension(): void {
    if (!s.suspendedAt) return;
    const pausedMs = Date.now() - Date.parse(s.suspendedAt);
    const later = (instant: string) => new Date(Date.parse(instant) + pausedMs).toISOString();
    const review = s.pendingReview;
    if (review && !review.escalated) s.pendingReview = { ...review, dueAt: later(review.dueAt) };
    if (s.stageDueAt && !s.stageOverdueNotified) s.stageDueAt = later(s.stageDueAt);
    s.suspendedAt = null;
    changed();
  }

  // --- the clock: reminders, escalation, stage deadlines ------------------------------------
  type Deadline = { at: number; kind: 'REVIEW_REMINDER' | 'REVIEW_ESCALATION' | 'STAGE_OVERDUE' };

  function nextDeadline(): Deadline | undefined {
    const { state } = s.position;
    const review = s.pendingReview;
    if (state === 'AWAITING_REVIEW' && review) {
      const due = Date.parse(review.dueAt);
      if (!review.reminded) {
        return {
          at: due - s.deadlines.reviewReminderDaysBefore * 24 * 60 * 60 * 1000,
          kind: 'REVIEW_REMINDER',
        };
      }
      if (!review.escalated) return { at: due, kind: 'REVIEW_ESCALATION' };
      return undefined;
    }
    if (
      (state === 'ACTIVE' || state === 'CHANGES_REQUESTED') &&
      s.stageDueAt &&
      !s.stageOverdueNotified
    ) {
      return { at: Date.parse(s.stageDueAt), kind: 'STAGE_OVERDUE' };
    }
    return undefined;
  }

  async function passDeadline(deadline: Deadline): Promise<void> {
    const review = s.pendingReview;
    const stage = s.position.stage;
    if (!isMilestoneStage(stage)) return;
    if (deadline.kind === 'STAGE_OVERDUE' && s.stageDueAt) {
      s.stageOverdueNotified = true;
      s.history.push({
        at: nowIso(),
        by: 'system',
        action: 'DEADLINE',
        from: s.position,
        to: s.position,
        note: 'stage overdue',
      });
      changed();
      await publish('engagement.stage-overdue', { stage, stageDueAt: s.stageDueAt });
    } else if (review && deadline.kind === 'REVIEW_REMINDER') {
      s.pendingReview = { ...review, reminded: true };
      changed();
      await publish('engagement.review-reminder', {
        reviewRequestId: review.reviewRequestId,
        stage: review.stage,
        reviewDueAt: review.dueAt,
      });
    } else if (review && deadline.kind === 'REVIEW_ESCALATION') {
      s.pendingReview = { ...review, reminded: true, escalated: true };
      s.history.push({
        at: nowIso(),
        by: 'system',
        action: 'DEADLINE',
        from: s.position,
        to: s.position,
        note: 'review overdue: escalated to the programme manager',
      });
      changed();
      await publish('engagement.review-escalated', {
        reviewRequestId: review.reviewRequestId,
        stage: review.stage,
        reviewDueAt: review.dueAt,
      });
    }
  }

  const closed = () => s.position.state === 'CANCELLED' || s.position.state === 'COMPLETED';
  const historyEventLimit = open.historyEventLimit ?? defaultHistoryEventLimit;
  const shouldContinueAsNew = () =>
    workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > historyEventLimit;

  upsertSearchAttributes([
    { key: engagementSearchAttributes.partnerState, value: s.partnerState },
    { key: engagementSearchAttributes.programmeCycle, value: String(s.cycle) },
  ]);
  changed();
  await opening;

  while (!closed()) {
    if (shouldContinueAsNew()) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof engagementWorkflow>(open, s);
    }
    const seen = revision;
    const deadline = nextDeadline();
    const wake = () => revision !== seen || shouldContinueAsNew();
    if (deadline) {
      if (!(await conditionWithin(wake, deadline.at - Date.now()))) await passDeadline(deadline);
    } else {
      await condition(wake);
    }
  }
  await condition(allHandlersFinished);
  return status();
}

type SubmissionByKindDelivery = Extract<Submission, { attendance: unknown }>;

function withSubmission(
  record: StageRecord,
  kind: SubmissionKind,
  submission: Submission,
): StageRecord {
  switch (kind) {
    case 'KICK_OFF_REPORT':
      return { ...record, kickOffReport: submission as StageRecord['kickOffReport'] };
    case 'NEEDS_ASSESSMENT':
      return { ...record, needsAssessment: submission as StageRecord['needsAssessment'] };
    case 'TRAINING_PLAN':
      return { ...record, trainingPlan: submission as StageRecord['trainingPlan'] };
    case 'TRAINING_DELIVERY': {
      const delivery = submission as SubmissionByKindDelivery;
      // a second record for the same course replaces the first (a correction)
      const others = record.trainingDeliveries.filter((d) => d.courseId !== delivery.courseId);
      return { ...record, trainingDeliveries: [...others, delivery] };
    }
    case 'TRAINING_COMPLETION':
      return { ...record, trainingCompletion: submission as StageRecord['trainingCompletion'] };
    case 'STRATEGY_ADOPTION':
      return { ...record, strategyAdoption: submission as StageRecord['strategyAdoption'] };
  }
}
