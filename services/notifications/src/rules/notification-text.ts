// Each notification's title and body, in plain programme language: the engagement, stage,
// deadline and staff ids the event names, and dates. Events carry no personal data, so
// neither does this text.
import type { EngagementEvent } from '@cttech/contracts';
import { stageTitles, type EngagementStage, type InstrumentType } from '@cttech/domain';
import type { DeadLetterReport, Occurrence, WorkflowFailureReport } from './occurrence.ts';

export interface NotificationText {
  readonly title: string;
  readonly body: string;
}

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-12-06T10:00:00.000Z` as `6 December 2026, 10:00 UTC`. */
export function formatInstant(instant: string): string {
  const at = new Date(instant);
  const time = `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
  return `${at.getUTCDate()} ${months[at.getUTCMonth()]} ${at.getUTCFullYear()}, ${time} UTC`;
}

/** `2027-03-01` as `1 March 2027`. */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${months[(month ?? 1) - 1]} ${year}`;
}

const instrumentTitles: Record<InstrumentType, string> = {
  STRATEGY: 'national counter-terrorism strategy',
  POLICY: 'policy',
  ACTION_PLAN: 'action plan',
};

const stage = (name: EngagementStage) => stageTitles[name];
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The engagement as a sentence names it: `engagement-KE-2026 (partner state KE)`. */
function engagement(event: EngagementEvent): string {
  return `${event.engagementId} (partner state ${event.partnerState})`;
}

function eventText(event: EngagementEvent): NotificationText {
  const on = formatInstant(event.occurredAt);
  switch (event.type) {
    case 'engagement.milestone-submitted':
      return {
        title: `Review requested: ${stage(event.data.stage)} milestone of ${event.engagementId}`,
        body:
          `The ${stage(event.data.stage)} milestone of ${engagement(event)} was submitted for ` +
          `compliance review by ${event.data.submittedBy} on ${on}. The review is due by ` +
          `${formatInstant(event.data.reviewDueAt)}. Review request ${event.data.reviewRequestId}.`,
      };
    case 'engagement.review-reminder':
      return {
        title: `Review due soon: ${stage(event.data.stage)} milestone of ${event.engagementId}`,
        body:
          `The compliance review of the ${stage(event.data.stage)} milestone of ` +
          `${engagement(event)} is due by ${formatInstant(event.data.reviewDueAt)} and has not ` +
          `been decided yet. Review request ${event.data.reviewRequestId}.`,
      };
    case 'engagement.review-escalated':
      return {
        title: `Review overdue: ${stage(event.data.stage)} milestone of ${event.engagementId}`,
        body:
          `The compliance review of the ${stage(event.data.stage)} milestone of ` +
          `${engagement(event)} was due by ${formatInstant(event.data.reviewDueAt)} and has not ` +
          `been decided: it is escalated to the programme managers. Review request ` +
          `${event.data.reviewRequestId}.`,
      };
    case 'engagement.changes-requested':
      return {
        title: `Changes requested: ${stage(event.data.stage)} milestone of ${event.engagementId}`,
        body:
          `Compliance reviewer ${event.data.decidedBy} requested changes to the ` +
          `${stage(event.data.stage)} milestone of ${engagement(event)} on ${on}: ` +
          `${plural(event.data.findingCount, 'finding')} to answer before it can be signed off. ` +
          `Review request ${event.data.reviewRequestId}.`,
      };
    case 'engagement.stage-advanced':
      return {
        title: `${stage(event.data.fromStage)} signed off: ${event.engagementId} moves to ${stage(event.data.toStage)}`,
        body:
          `The ${stage(event.data.fromStage)} milestone of ${engagement(event)} was signed off ` +
          `by ${event.data.decidedBy} on ${on}. The engagement is now at ` +
          `${stage(event.data.toStage)}` +
          (event.data.stageDueAt ? `, due by ${formatInstant(event.data.stageDueAt)}.` : '.'),
      };
    case 'engagement.stage-overdue':
      return {
        title: `Stage overdue: ${stage(event.data.stage)} of ${event.engagementId}`,
        body:
          `The ${stage(event.data.stage)} stage of ${engagement(event)} was due by ` +
          `${formatInstant(event.data.stageDueAt)} and its milestone has not been signed off.`,
      };
    case 'engagement.suspended':
      return {
        title: `Engagement suspended: ${event.engagementId}`,
        body:
          `${engagement(event)} was suspended by ${event.data.by} on ${on}. Its deadlines ` +
          `stop until it is resumed; the reason is in the engagement's history.`,
      };
    case 'engagement.resumed':
      return {
        title: `Engagement resumed: ${event.engagementId}`,
        body: `${engagement(event)} was resumed by ${event.data.by} on ${on}; its deadlines run again.`,
      };
    case 'engagement.cancelled':
      return {
        title: `Engagement cancelled: ${event.engagementId}`,
        body:
          `${engagement(event)} was cancelled by ${event.data.by} on ${on}; the reason is in ` +
          `the engagement's history.`,
      };
    case 'compliance.human-rights-hold-placed':
      return {
        title: `Human-rights hold: ${event.engagementId}`,
        body:
          `Compliance reviewer ${event.data.placedBy} put ${engagement(event)} on hold for a ` +
          `human-rights concern on ${on} (hold ${event.data.holdId}). The engagement is ` +
          `suspended until a reviewer lifts the hold.`,
      };
    case 'compliance.human-rights-hold-lifted':
      return {
        title: `Human-rights hold lifted: ${event.engagementId}`,
        body:
          `Compliance reviewer ${event.data.liftedBy} lifted hold ${event.data.holdId} on ` +
          `${engagement(event)} on ${on}. The engagement resumes where it stood.`,
      };
    case 'engagement.completed':
      return {
        title: `Engagement completed: ${event.engagementId}`,
        body:
          `${engagement(event)}, cycle ${event.cycle}, was completed on ${on}: ` +
          `${plural(event.data.investigatorsTrained, 'investigator')} trained; ` +
          (event.data.strategyAdopted
            ? 'a strategy, policy or action plan was adopted.'
            : 'no strategy, policy or action plan was adopted.'),
      };
    case 'engagement.strategy-adopted':
      return {
        title: `Strategy adopted: ${event.engagementId}`,
        body:
          `Partner state ${event.partnerState} adopted its ` +
          `${instrumentTitles[event.data.instrumentType]} on ${formatDate(event.data.adoptionDate)} ` +
          `(${event.engagementId}). It acts on ` +
          `${plural(event.data.recommendationsActedOn, 'UN Special Rapporteur recommendation')}; ` +
          `women's share in its design: ${Math.round(event.data.womenShareInPolicyDesign * 100)}%; ` +
          `public-private mechanism: ${event.data.publicPrivateMechanism ? 'yes' : 'no'}.`,
      };
    default:
      return {
        title: `${event.type}: ${event.engagementId}`,
        body: `${event.type} on ${engagement(event)} on ${on}.`,
      };
  }
}

function deadLetterText(deadLetter: DeadLetterReport): NotificationText {
  const { original } = deadLetter;
  const what = deadLetter.eventId
    ? `event ${deadLetter.eventId}${deadLetter.eventType ? ` (${deadLetter.eventType})` : ''}`
    : 'a message without an event id';
  return {
    title: `Dead letter on ${original.topic}`,
    body:
      `Consumer ${deadLetter.consumer} gave up on ${what} from ${original.topic} partition ` +
      `${original.partition} offset ${original.offset} after ` +
      `${plural(deadLetter.attempts, 'attempt')} on ${formatInstant(deadLetter.deadLetteredAt)}: ` +
      `${deadLetter.reason}. It is kept on ${deadLetter.deadLetterTopic} partition ` +
      `${deadLetter.partition} offset ${deadLetter.offset}; replay it once the cause is fixed.`,
  };
}

function workflowFailureText(failure: WorkflowFailureReport): NotificationText {
  const ended = failure.status === 'FAILED' ? 'failed' : 'timed out';
  const of = failure.engagementId ? ` of ${failure.engagementId}` : '';
  return {
    title: `Workflow ${ended}: ${failure.workflowId}`,
    body:
      `The ${failure.workflowType} workflow ${failure.workflowId}${of} (run ${failure.runId}) ` +
      `${ended} on ${formatInstant(failure.closedAt)}. Its last error is in the operations ` +
      `overview (GET /api/v1/operations/workflows) and its history in the Temporal UI.`,
  };
}

export function notificationText(occurrence: Occurrence): NotificationText {
  switch (occurrence.kind) {
    case 'event':
      return eventText(occurrence.event);
    case 'dead-letter':
      return deadLetterText(occurrence.deadLetter);
    case 'workflow-failure':
      return workflowFailureText(occurrence.failure);
  }
}
