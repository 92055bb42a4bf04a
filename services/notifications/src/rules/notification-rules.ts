// The rules: who is notified of what, by role and partner state. Pure functions of an
// occurrence (an event, a dead letter or a failed workflow) and the staff directory.
import type { EngagementEventType } from '@cttech/contracts';
import type { Occurrence } from './occurrence.ts';

/** A member of staff as the rules see them. */
export interface Addressee {
  readonly userId: string;
  readonly roles: readonly string[];
  /** ISO 3166-1 alpha-2 codes, or '*' for the whole programme. */
  readonly partnerStates: readonly string[];
}

/** A group the rules address. */
export type Audience =
  /** The compliance reviewers assigned to the event's partner state (or to every state). */
  | 'partner-state-reviewers'
  /** The programme officers assigned to the event's partner state (or to every state). */
  | 'partner-state-officers'
  /** The programme managers assigned to the event's partner state (or to every state). */
  | 'programme-managers'
  /** Every operator: dead letters and failed workflows are the whole system's. */
  | 'operators';

const officersAndManagers = ['partner-state-officers', 'programme-managers'] as const;

/** Who each event type is for; a type not listed notifies nobody. */
export const eventAudiences: { readonly [Type in EngagementEventType]?: readonly Audience[] } = {
  'engagement.milestone-submitted': ['partner-state-reviewers'],
  'engagement.review-reminder': ['partner-state-reviewers'],
  'engagement.review-escalated': ['programme-managers'],
  'engagement.changes-requested': ['partner-state-officers'],
  'engagement.stage-advanced': ['partner-state-officers'],
  'engagement.stage-overdue': officersAndManagers,
  'engagement.suspended': officersAndManagers,
  'engagement.resumed': officersAndManagers,
  'engagement.cancelled': officersAndManagers,
  'compliance.human-rights-hold-placed': officersAndManagers,
  'compliance.human-rights-hold-lifted': officersAndManagers,
  'engagement.completed': officersAndManagers,
  'engagement.strategy-adopted': officersAndManagers,
};

const audienceRole: Record<Audience, string> = {
  'partner-state-reviewers': 'COMPLIANCE_REVIEWER',
  'partner-state-officers': 'PROGRAMME_OFFICER',
  'programme-managers': 'PROGRAMME_MANAGER',
  operators: 'OPERATOR',
};

export function audiencesOf(occurrence: Occurrence): readonly Audience[] {
  if (occurrence.kind !== 'event') return ['operators'];
  return eventAudiences[occurrence.event.type] ?? [];
}

/**
 * Staff the event names who are not told of it: a milestone's submitter and the stage's
 * editors (they may not decide it, four eyes), and whoever did what the event reports.
 */
export function excludedBy(occurrence: Occurrence): readonly string[] {
  if (occurrence.kind !== 'event') return [];
  const { event } = occurrence;
  switch (event.type) {
    case 'engagement.milestone-submitted':
      return [event.data.submittedBy, ...(event.data.editedBy ?? [])];
    case 'engagement.changes-requested':
    case 'engagement.stage-advanced':
      return [event.data.decidedBy];
    case 'engagement.suspended':
    case 'engagement.resumed':
    case 'engagement.cancelled':
      return [event.data.by];
    case 'compliance.human-rights-hold-placed':
      return [event.data.placedBy];
    case 'compliance.human-rights-hold-lifted':
      return [event.data.liftedBy];
    default:
      return [];
  }
}

function assignedTo(addressee: Addressee, partnerState: string | undefined): boolean {
  return (
    addressee.partnerStates.includes('*') ||
    (partnerState !== undefined && addressee.partnerStates.includes(partnerState))
  );
}

function partnerStateOf(occurrence: Occurrence): string | undefined {
  return occurrence.kind === 'event' ? occurrence.event.partnerState : undefined;
}

/** The user ids to notify of the occurrence, each once, in order. */
export function recipientsOf(occurrence: Occurrence, staff: readonly Addressee[]): string[] {
  const audiences = audiencesOf(occurrence);
  const excluded = new Set(excludedBy(occurrence));
  const partnerState = partnerStateOf(occurrence);
  const chosen = staff.filter(
    (addressee) =>
      !excluded.has(addressee.userId) &&
      audiences.some(
        (audience) =>
          addressee.roles.includes(audienceRole[audience]) &&
          (audience === 'operators' || assignedTo(addressee, partnerState)),
      ),
  );
  return [...new Set(chosen.map((addressee) => addressee.userId))].sort();
}
