// Each role's navigation and landing page.
import { describe, expect, it } from '@jest/globals';
import { homePathFor, mayOpen, navigationFor } from './role-navigation.ts';

const labels = (roles: Parameters<typeof navigationFor>[0]) =>
  navigationFor(roles).map(({ label }) => label);

describe("each role's navigation", () => {
  it('leads each role to its own main area first', () => {
    expect(homePathFor(['PROGRAMME_OFFICER'])).toBe('/engagements');
    expect(homePathFor(['COMPLIANCE_REVIEWER'])).toBe('/reviews');
    expect(homePathFor(['PROGRAMME_MANAGER'])).toBe('/results');
    expect(homePathFor(['OPERATOR'])).toBe('/operations');
    expect(homePathFor([])).toBe('/notifications');
  });

  it('lists every area of every role once, notifications last', () => {
    expect(labels(['OPERATOR'])).toEqual(['System overview', 'Notifications']);
    expect(labels(['PROGRAMME_OFFICER', 'COMPLIANCE_REVIEWER'])).toEqual([
      'Engagements',
      'Programme results',
      'Review queue',
      'Notifications',
    ]);
  });

  it('gives the programme manager the escalations next to the results', () => {
    expect(labels(['PROGRAMME_MANAGER'])).toEqual([
      'Programme results',
      'Escalations',
      'Engagements',
      'System overview',
      'Notifications',
    ]);
    expect(mayOpen(['PROGRAMME_MANAGER'], 'escalations')).toBe(true);
  });

  it('keeps areas of other roles closed', () => {
    expect(mayOpen(['PROGRAMME_OFFICER'], 'reviews')).toBe(false);
    expect(mayOpen(['PROGRAMME_OFFICER'], 'operations')).toBe(false);
    expect(mayOpen(['OPERATOR'], 'engagements')).toBe(false);
    expect(mayOpen(['COMPLIANCE_REVIEWER'], 'escalations')).toBe(false);
    expect(mayOpen(['PROGRAMME_OFFICER'], 'escalations')).toBe(false);
    expect(mayOpen(['OPERATOR'], 'escalations')).toBe(false);
    expect(mayOpen(['PROGRAMME_MANAGER'], 'operations')).toBe(true);
    expect(mayOpen([], 'notifications')).toBe(true);
  });
});
