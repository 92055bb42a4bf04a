// An officer fills in an activity's practical details on the real database: dates (real
// calendar dates, the end not before the start), venue or platform, seats, trainers; bad input
// is a problem naming the field and changes nothing; only the state's officer may change them.
// Liveness and readiness answer without a token.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openTestSuite, type TestSuite } from '@cttech/testing';
import {
  engagementEvents,
  openActivitiesHarness,
  type ActivitiesHarness,
  type ActivityDetail,
} from './activities-harness.ts';

describe('an activity’s schedule', () => {
  let suite: TestSuite;
  let service: ActivitiesHarness;
  let url: string;
  let activityId: string;

  beforeAll(async () => {
    suite = openTestSuite('activities schedules');
    service = await openActivitiesHarness(suite);
    const events = engagementEvents('KE', 2026);
    await service.publish(events.opened(), events.advanced('KICK_OFF', 'NEEDS_ASSESSMENT'));
    await service.consumed();
    const [, workshop] = await service.activitiesOf(events.engagementId);
    activityId = workshop?.id as string;
    url = `/engagements/${events.engagementId}/activities/${activityId}`;
  });

  afterAll(async () => {
    await service?.close();
    await suite.close();
  });

  const stored = () => service.database.activity.findUniqueOrThrow({ where: { id: activityId } });

  it('takes the dates, venue, seats and trainers the officer sets, and sessions on those days', async () => {
    const changed = await service.request<ActivityDetail>('PATCH', url, {
      as: 'officer-ke-1',
      body: {
        startDate: '2027-03-02',
        endDate: '2027-03-04',
        venueOrPlatform: 'Nairobi, National Counter Terrorism Centre',
        seats: 35,
        trainers: ['UNOCT Global Programme on Cybersecurity', 'INTERPOL Innovation Centre'],
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      kind: 'NATIONAL_WORKSHOP',
      startDate: '2027-03-02',
      endDate: '2027-03-04',
      venueOrPlatform: 'Nairobi, National Counter Terrorism Centre',
      seats: 35,
      trainers: ['UNOCT Global Programme on Cybersecurity', 'INTERPOL Innovation Centre'],
    });
    // one field alone: the others stay
    const moved = await service.request<ActivityDetail>('PATCH', url, {
      as: 'officer-ke-1',
      body: { endDate: '2027-03-05' },
    });
    expect(moved.body).toMatchObject({ startDate: '2027-03-02', endDate: '2027-03-05', seats: 35 });

    const session = await service.request('POST', `${url}/sessions`, {
      as: 'officer-ke-1',
      body: { date: '2027-03-05', title: 'Benchmarking the legal pillar' },
    });
    expect(session.status).toBe(201);
    const read = await service.request<ActivityDetail>('GET', url, { as: 'manager-1' });
    expect(read.body.sessions).toEqual([
      expect.objectContaining({
        date: '2027-03-05',
        title: 'Benchmarking the legal pillar',
        attended: 0,
      }),
    ]);
    expect(service.lines).toContain(
      `activity ${activityId} rescheduled by officer-ke-1: startDate, endDate, venueOrPlatform, seats, trainers`,
    );
  });

  it('refuses bad dates and fields with a problem naming each field, changing nothing', async () => {
    const before = await stored();
    const cases: [unknown, { field: string; message: string }[]][] = [
      [
        { endDate: '2027-03-01' },
        [{ field: 'endDate', message: 'must be on or after startDate (2027-03-02)' }],
      ],
      [
        { startDate: '2027-03-09' },
        [{ field: 'startDate', message: 'must be on or before endDate (2027-03-05)' }],
      ],
      [
        { startDate: '2027-02-29', endDate: '05/03/2027' },
        [
          { field: 'startDate', message: 'must be a real calendar date written YYYY-MM-DD' },
          { field: 'endDate', message: 'must be a real calendar date written YYYY-MM-DD' },
        ],
      ],
      [
        { seats: 0, trainers: ['  '], venue: 'Mombasa' },
        [
          { field: 'seats', message: 'must be at least 1' },
          { field: 'trainers.0', message: 'must not be empty' },
          { field: 'venue', message: 'is not an expected field' },
        ],
      ],
      [
        {},
        [
          {
            field: '',
            message:
              'must change at least one of startDate, endDate, venueOrPlatform, seats, trainers',
          },
        ],
      ],
    ];
    for (const [body, errors] of cases) {
      const refused = await service.request('PATCH', url, { as: 'officer-ke-1', body });
      expect({ body, status: refused.status, errors: refused.body.errors }).toEqual({
        body,
        status: 400,
        errors,
      });
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await stored()).toEqual(before);
  });

  it('lets only the state’s programme officer change it', async () => {
    const before = await stored();
    const body = { seats: 10 };
    const expected = [
      [undefined, 401, 'AUTHENTICATION_REQUIRED'],
      ['officer-ng-1', 403, 'PARTNER_STATE_NOT_ALLOWED'],
      ['reviewer-2', 403, 'ROLE_NOT_ALLOWED'],
      ['manager-1', 403, 'ROLE_NOT_ALLOWED'],
      ['operator-1', 403, 'ROLE_NOT_ALLOWED'],
    ] as const;
    for (const [user, status, code] of expected) {
      const refused = await service.request('PATCH', url, { ...(user ? { as: user } : {}), body });
      expect({ user, status: refused.status, code: refused.body.code }).toEqual({
        user,
        status,
        code,
      });
    }
    const missing = await service.request('PATCH', `${url.replace(activityId, 'activity-x')}`, {
      as: 'officer-ke-1',
      body,
    });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('ACTIVITY_NOT_FOUND');
    expect(await stored()).toEqual(before);
  });

  it('answers liveness and readiness without a token', async () => {
    for (const path of ['/health', '/health/live']) {
      expect(await service.request('GET', path)).toMatchObject({
        status: 200,
        body: { status: 'live' },
      });
    }
    expect(await service.request('GET', '/health/ready')).toMatchObject({
      status: 200,
      body: { status: 'ready', dependencies: { postgres: 'up', kafka: 'up' } },
    });
  });
});
