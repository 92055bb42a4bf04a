// Engagement events and staff as the tests use them: each event type's contract example, for a
// partner state, with a fresh id and engagement, and what a test overrides.
import {
  engagementEventTypes,
  type EngagementEvent,
  type EngagementEventType,
} from '@cttech/contracts';
import type { StaffMember } from '../src/recipients/staff-directory.ts';

let sequence = 0;

/** An event of the type for the partner state: its contract example's data with `data` over it. */
export function sampleEvent<Type extends EngagementEventType>(
  type: Type,
  partnerState: string,
  {
    data,
    id,
    engagementId,
    occurredAt = '2026-11-22T09:00:00.000Z',
  }: {
    data?: Partial<EngagementEvent<Type>['data']>;
    id?: string;
    engagementId?: string;
    occurredAt?: string;
  } = {},
): EngagementEvent<Type> {
  sequence += 1;
  const definition = engagementEventTypes.find((candidate) => candidate.type === type);
  if (!definition) throw new Error(`no event type ${type}`);
  const cycle = 2026 + sequence;
  const engagement = engagementId ?? `engagement-${partnerState}-${cycle}`;
  return {
    id: id ?? `${engagement}/${sequence}`,
    type,
    version: 1,
    engagementId: engagement,
    partnerState,
    cycle,
    occurredAt,
    data: { ...definition.example, ...data },
  } as EngagementEvent<Type>;
}

/** The demo users' directory and three more: reviewers of Nigeria only and of every state, a second manager. */
export const sampleStaff: readonly StaffMember[] = [
  {
    userId: 'officer-ke-1',
    name: 'Officer KE',
    email: 'officer-ke-1@cttech.example.org',
    roles: ['PROGRAMME_OFFICER'],
    partnerStates: ['KE'],
  },
  {
    userId: 'officer-ng-1',
    name: 'Officer NG',
    email: 'officer-ng-1@cttech.example.org',
    roles: ['PROGRAMME_OFFICER'],
    partnerStates: ['NG'],
  },
  {
    userId: 'reviewer-1',
    name: 'Reviewer KE NG',
    email: 'reviewer-1@cttech.example.org',
    roles: ['COMPLIANCE_REVIEWER'],
    partnerStates: ['KE', 'NG'],
  },
  {
    userId: 'reviewer-2',
    name: 'Reviewer KE',
    email: 'reviewer-2@cttech.example.org',
    roles: ['COMPLIANCE_REVIEWER'],
    partnerStates: ['KE'],
  },
  {
    userId: 'reviewer-ng',
    name: 'Reviewer NG',
    email: 'reviewer-ng@cttech.example.org',
    roles: ['COMPLIANCE_REVIEWER'],
    partnerStates: ['NG'],
  },
  {
    userId: 'reviewer-all',
    name: 'Reviewer everywhere',
    email: 'reviewer-all@cttech.example.org',
    roles: ['COMPLIANCE_REVIEWER'],
    partnerStates: ['*'],
  },
  {
    userId: 'manager-1',
    name: 'Manager',
    email: 'manager-1@cttech.example.org',
    roles: ['PROGRAMME_MANAGER'],
    partnerStates: ['*'],
  },
  {
    userId: 'manager-2',
    name: 'Manager two',
    email: 'manager-2@cttech.example.org',
    roles: ['PROGRAMME_MANAGER'],
    partnerStates: ['*'],
  },
  {
    userId: 'operator-1',
    name: 'Operator',
    email: 'operator-1@cttech.example.org',
    roles: ['OPERATOR'],
    partnerStates: ['*'],
  },
];
