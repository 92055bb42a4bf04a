// The engagement's events on the real broker plan its activities once each: the kick-off
// meeting, the national workshop, one activity per scheduled course with the plan's schedule;
// a cancelled course is cancelled and reopened by a re-plan; a cancelled engagement cancels
// its open activities; a delivery recorded on the engagement itself closes its course. The officers, reviewers and manager read them within their states.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openTestSuite, type TestSuite } from '@cttech/testing';
import {
  engagementEvents,
  openActivitiesHarness,
  scheduleOf,
  type ActivitiesHarness,
  type ActivitySummary,
  type ProblemBody,
} from './activities-harness.ts';

describe('activities planned from the engagement events', () => {
  let suite: TestSuite;
  let service: ActivitiesHarness;

  beforeAll(async () => {
    suite = openTestSuite('activities event intake');
    service = await openActivitiesHarness(suite);
  });

  afterAll(async () => {
    await service?.close();
    await suite.close();
  });

  const statusesOf = async (engagementId: string) =>
    (await service.activitiesOf(engagementId)).map(({ kind, courseId, status }) => ({
      kind,
      courseId,
      status,
    }));

  it('plans each activity once, with the schedule the training plan gave', async () => {
    const events = engagementEvents('KE', 2026);
    const stream = [
      events.opened(),
      events.advanced('KICK_OFF', 'NEEDS_ASSESSMENT'),
      events.advanced('NEEDS_ASSESSMENT', 'TAILORED_TRAINING'),
      events.scheduled('darknet-basic-1', 'DARKNET_BASIC', scheduleOf(30, 'INTERPOL e-learning')),
      events.scheduled('osint-nairobi-1', 'OSINT', scheduleOf(25)),
    ];
    await service.publish(...stream);
    const osint = stream[4] as (typeof stream)[number];
    // the same event delivered again, as a relay restart would
    await service.publish(osint);
    await service.consumed();

    const stored = await service.activitiesOf(events.engagementId);
    expect(stored).toHaveLength(4);
    const listed = await service.request<ActivitySummary[]>(
      'GET',
      `/engagements/${events.engagementId}/activities`,
      { as: 'officer-ke-1' },
    );
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      expect.objectContaining({
        kind: 'KICK_OFF_MEETING',
        title: 'Kick-off meeting',
        status: 'PLANNED',
        engagementId: events.engagementId,
        partnerState: 'KE',
        cycle: 2026,
        courseId: null,
        startDate: null,
      }),
      expect.objectContaining({
        kind: 'NATIONAL_WORKSHOP',
        title: 'National workshop (needs assessment)',
        status: 'PLANNED',
      }),
      expect.objectContaining({
        kind: 'ONLINE_COURSE',
        title: 'Darknet (basic)',
        courseId: 'darknet-basic-1',
        course: 'DARKNET_BASIC',
        startDate: '2027-04-12',
        endDate: '2027-04-16',
        seats: 30,
        venueOrPlatform: 'INTERPOL e-learning',
        trainers: [],
        delivery: null,
      }),
      expect.objectContaining({
        kind: 'IN_PERSON_TRAINING',
        title: 'Open-source intelligence (OSINT)',
        courseId: 'osint-nairobi-1',
        seats: 25,
        venueOrPlatform: 'Nairobi, Kenya School of Government',
      }),
    ]);
    expect(new Set(listed.body.map(({ id }) => id)).size).toBe(4);
    const planned = (line: string) =>
      line.includes(' planned: ') && line.includes(`engagement ${events.engagementId} `);
    expect(service.lines.filter(planned)).toHaveLength(4);

    // the same engagement's events again under new ids plan nothing twice
    await service.publish(
      { ...events.opened(), id: `${events.engagementId}/replayed-1` },
      { ...events.scheduled('osint-nairobi-1', 'OSINT'), id: `${events.engagementId}/replayed-2` },
    );
    await service.consumed();
    expect(await service.activitiesOf(events.engagementId)).toEqual(stored);
  });

  it('leaves the schedule for the officer when the event carries none', async () => {
    const events = engagementEvents('KE', 2027);
    await service.publish(
      events.opened(),
      events.scheduled('crypto-1', 'CRYPTOCURRENCY_INVESTIGATIONS'),
    );
    await service.consumed();
    const [, course] = await service.activitiesOf(events.engagementId);
    expect(course).toMatchObject({
      kind: 'IN_PERSON_TRAINING',
      courseId: 'crypto-1',
      startDate: null,
      endDate: null,
      seats: null,
      venueOrPlatform: null,
    });
  });

  it('cancels a cancelled course, reopens it when scheduled again, and cancels what is open with the engagement', async () => {
    const events = engagementEvents('NG', 2026);
    await service.publish(
      events.opened(),
      events.scheduled('ai-lagos-1', 'AI_FOR_INVESTIGATIONS', scheduleOf(20, 'Lagos')),
      events.scheduled('va-basic-1', 'VIRTUAL_ASSETS_BASIC', scheduleOf(40, 'online')),
      events.cancelledCourse('ai-lagos-1', 'AI_FOR_INVESTIGATIONS'),
    );
    await service.consumed();
    expect(await statusesOf(events.engagementId)).toEqual([
      { kind: 'KICK_OFF_MEETING', courseId: null, status: 'PLANNED' },
      { kind: 'IN_PERSON_TRAINING', courseId: 'ai-lagos-1', status: 'CANCELLED' },
      { kind: 'ONLINE_COURSE', courseId: 'va-basic-1', status: 'PLANNED' },
    ]);
    const [, cancelled] = await service.activitiesOf(events.engagementId);
    expect(cancelled?.cancelledAt).toEqual(expect.any(Date));

    // a re-plan schedules the course again, in Abuja this time: the same activity reopens
    await service.publish(
      events.scheduled('ai-lagos-1', 'AI_FOR_INVESTIGATIONS', {
        startDate: '2027-05-03',
        endDate: '2027-05-07',
        seats: 18,
        venueOrPlatform: 'Abuja',
      }),
    );
    await service.consumed();
    const [, reopened] = await service.activitiesOf(events.engagementId);
    expect(reopened).toMatchObject({
      id: cancelled?.id,
      status: 'PLANNED',
      cancelledAt: null,
      seats: 18,
      venueOrPlatform: 'Abuja',
      startDate: new Date('2027-05-03T00:00:00.000Z'),
    });

    await service.publish(events.cancelled());
    await service.consumed();
    expect((await statusesOf(events.engagementId)).map(({ status }) => status)).toEqual([
      'CANCELLED',
      'CANCELLED',
      'CANCELLED',
    ]);
    expect(service.lines).toContain(
      `activity ${reopened?.id} cancelled: engagement cancelled in engagement ${events.engagementId} (event ${events.engagementId}/6)`,
    );
  });

  it('closes a course whose delivery was recorded on the engagement itself, so it cannot be sent twice', async () => {
    const events = engagementEvents('KE', 2029);
    await service.publish(
      events.opened(),
      events.scheduled('osint-2029', 'OSINT', scheduleOf(25)),
      events.delivered('osint-2029', { women: 4, men: 6, undisclosed: 1 }),
    );
    await service.consumed();
    const [, course] = await service.activitiesOf(events.engagementId);
    const url = `/engagements/${events.engagementId}/activities/${course?.id}`;
    const read = await service.request<ActivitySummary>('GET', url, { as: 'officer-ke-1' });
    expect(read.body).toMatchObject({
      status: 'CLOSED',
      closedBy: 'officer-ke-1',
      delivery: {
        attendance: { women: 4, men: 6, undisclosed: 1 },
        humanRightsModuleDelivered: true,
      },
    });
    const again = await service.request<ProblemBody>('POST', `${url}/close`, {
      as: 'officer-ke-1',
      body: { humanRightsModuleDelivered: true },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ACTIVITY_CLOSED');
  });

  it('shows an engagement’s activities to its state’s officer, reviewer and the manager only', async () => {
    const events = engagementEvents('KE', 2028);
    await service.publish(events.opened());
    await service.consumed();
    const url = `/engagements/${events.engagementId}/activities`;
    const [kickOff] = await service.activitiesOf(events.engagementId);
    for (const user of ['officer-ke-1', 'reviewer-2', 'manager-1']) {
      const listed = await service.request<ActivitySummary[]>('GET', url, { as: user });
      expect({ user, status: listed.status, ids: listed.body.map(({ id }) => id) }).toEqual({
        user,
        status: 200,
        ids: [kickOff?.id],
      });
    }
    const detail = await service.request('GET', `${url}/${kickOff?.id}`, { as: 'reviewer-2' });
    expect(detail.body).toMatchObject({
      id: kickOff?.id,
      participantCount: 0,
      attendance: { women: 0, men: 0, undisclosed: 0, total: 0 },
      sessions: [],
    });

    const otherState = await service.request('GET', url, { as: 'officer-ng-1' });
    expect(otherState.status).toBe(403);
    expect(otherState.body).toMatchObject({ code: 'PARTNER_STATE_NOT_ALLOWED' });
    expect(
      (await service.request('GET', `${url}/${kickOff?.id}`, { as: 'officer-ng-1' })).status,
    ).toBe(403);
    const operator = await service.request('GET', url, { as: 'operator-1' });
    expect(operator.status).toBe(403);
    expect(operator.body).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    expect((await service.request('GET', url)).status).toBe(401);

    const unknown = await service.request<ProblemBody>(
      'GET',
      '/engagements/engagement-KE-1999/activities',
      { as: 'officer-ke-1' },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('ENGAGEMENT_NOT_FOUND');
    const elsewhere = await service.request(
      'GET',
      `/engagements/engagement-KE-2026/activities/${kickOff?.id}`,
      { as: 'officer-ke-1' },
    );
    expect(elsewhere.status).toBe(404);
  });
});
