// Sessions, attendance and closing a course on the real database and broker: attendance is
// recorded per session for registered participants only; closing counts who attended at least
// once, by sex, refuses none or more than the seats, closes once, and its
// `activities.training-delivered` event reaches Kafka with the counts and no personal data.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fromKafkaRecord } from '@cttech/contracts';
import { openTestSuite, waitFor, type TestSuite } from '@cttech/testing';
import type { ParticipantView } from '../src/participants/participant-views.ts';
import {
  courseActivity,
  openActivitiesHarness,
  type ActivitiesHarness,
  type ActivityDetail,
  type ProblemBody,
} from './activities-harness.ts';

describe('closing a course', () => {
  let suite: TestSuite;
  let service: ActivitiesHarness;
  const marker = `Otieno-${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    suite = openTestSuite('activities course closing');
    service = await openActivitiesHarness(suite);
  });

  afterAll(async () => {
    await service?.close();
    await suite.close();
  });

  const asOfficer = <Body = ProblemBody>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    body?: unknown,
  ) => service.request<Body>(method, url, { as: 'officer-ke-1', body });

  /** The course's participants, registered by the officer: their ids. */
  async function register(url: string, ...sexes: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const [index, sex] of sexes.entries()) {
      const registered = await asOfficer<ParticipantView>('POST', `${url}/participants`, {
        sex,
        agency: 'Directorate of Criminal Investigations',
        role: 'Cybercrime investigator',
        name: `${marker} ${index}`,
        contact: `+254 700 ${marker}`,
      });
      expect(registered.status).toBe(201);
      ids.push(registered.body.id);
    }
    return ids;
  }

  async function session(url: string, date: string): Promise<string> {
    const added = await asOfficer<{ id: string }>('POST', `${url}/sessions`, {
      date,
      title: `Day ${date}: investigations and human rights`,
    });
    expect(added.status).toBe(201);
    return added.body.id;
  }

  /** What a refused request must leave as it was. */
  const state = async (activityId: string) => ({
    activity: await service.database.activity.findUniqueOrThrow({ where: { id: activityId } }),
    attendance: await service.database.attendance.findMany({
      where: { session: { activityId } },
      orderBy: [{ sessionId: 'asc' }, { participantId: 'asc' }],
    }),
    outbox: await service.database.outboxEvent.count(),
  });

  it('closes once with the attendance by sex, and publishes the counts without personal data', async () => {
    const course = await courseActivity(service, 'KE', 2026, 3);
    const [amina, beatrice, charles, dana] = await register(
      course.url,
      'WOMAN',
      'WOMAN',
      'MAN',
      'UNDISCLOSED',
    );
    const monday = await session(course.url, '2027-04-12');
    const tuesday = await session(course.url, '2027-04-13');

    const noneAttended = await asOfficer('POST', `${course.url}/close`, {
      humanRightsModuleDelivered: true,
    });
    expect(noneAttended.status).toBe(422);
    expect(noneAttended.body.code).toBe('NO_ATTENDANCE');

    const recorded = await asOfficer('PUT', `${course.url}/sessions/${monday}/attendance`, {
      participantIds: [amina, beatrice, charles],
    });
    expect(recorded).toMatchObject({
      status: 200,
      body: { sessionId: monday, participantIds: [amina, beatrice, charles].sort() },
    });
    await asOfficer('PUT', `${course.url}/sessions/${tuesday}/attendance`, {
      participantIds: [amina, dana],
    });
    // four attended at least once, three seats
    const before = await state(course.activityId);
    const overSeats = await asOfficer('POST', `${course.url}/close`, {
      humanRightsModuleDelivered: true,
    });
    expect(overSeats.status).toBe(422);
    expect(overSeats.body).toMatchObject({
      code: 'ATTENDANCE_OVER_SEATS',
      detail: `4 participants attended activity ${course.activityId}, more than its 3 seats`,
      errors: [{ field: 'seats', message: 'must be at least 4, the participants who attended' }],
    });
    expect(await state(course.activityId)).toEqual(before);

    // the tuesday register was wrong: Dana was not there; recording it again replaces it
    await asOfficer('PUT', `${course.url}/sessions/${tuesday}/attendance`, {
      participantIds: [amina],
    });
    const closed = await asOfficer<ActivityDetail>('POST', `${course.url}/close`, {
      humanRightsModuleDelivered: true,
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'CLOSED',
      closedBy: 'officer-ke-1',
      delivery: {
        attendance: { women: 2, men: 1, undisclosed: 0 },
        humanRightsModuleDelivered: true,
      },
      participantCount: 4,
      attendance: { women: 2, men: 1, undisclosed: 0, total: 3 },
      sessions: [
        { id: monday, date: '2027-04-12', attended: 3 },
        { id: tuesday, date: '2027-04-13', attended: 1 },
      ],
    });

    const published = await waitFor(
      async () => {
        const messages = await service.broker.readTopic(service.activityTopic);
        const found = messages.filter((message) => message.key === course.engagementId);
        return found.length > 0 ? found : undefined;
      },
      { what: 'activities.training-delivered on the activity topic' },
    );
    expect(published).toHaveLength(1);
    const parsed = fromKafkaRecord(published[0] as (typeof published)[number]);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.event).toEqual({
      id: `activities/${course.activityId}/delivered`,
      type: 'activities.training-delivered',
      version: 1,
      engagementId: course.engagementId,
      partnerState: 'KE',
      cycle: 2026,
      occurredAt: closed.body.closedAt,
      data: {
        deliveredBy: 'officer-ke-1',
        delivery: {
          courseId: 'osint-2026',
          attendance: { women: 2, men: 1, undisclosed: 0 },
          humanRightsModuleDelivered: true,
        },
      },
    });
    expect(published[0]?.headers.ce_source).toBe('/cttech/services/activities');

    // a second close is refused and writes nothing more
    const afterClose = await state(course.activityId);
    const again = await asOfficer('POST', `${course.url}/close`, {
      humanRightsModuleDelivered: false,
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'ACTIVITY_CLOSED',
      detail: `activity ${course.activityId} was closed by officer-ke-1; a closed activity does not change`,
    });
    // and so is any change to the closed course
    for (const [method, url, body] of [
      ['POST', `${course.url}/sessions`, { date: '2027-04-14', title: 'Extra day' }],
      ['PUT', `${course.url}/sessions/${tuesday}/attendance`, { participantIds: [dana] }],
      ['PATCH', course.url, { seats: 10 }],
      ['POST', `${course.url}/participants`, { sex: 'MAN', agency: 'Police', role: 'Analyst' }],
    ] as const) {
      const refused = await asOfficer(method, url, body);
      expect({ method, url, status: refused.status, code: refused.body.code }).toEqual({
        method,
        url,
        status: 409,
        code: 'ACTIVITY_CLOSED',
      });
    }
    expect(await state(course.activityId)).toEqual(afterClose);

    // no message on any topic, and no line logged, carries a participant's name or contact
    const messages = await service.publishedMessages();
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message.value ?? '').not.toContain(marker);
      expect(JSON.stringify(message.headers)).not.toContain(marker);
    }
    expect(service.lines).toContain(
      `activity ${course.activityId} closed by officer-ke-1: 2 women, 1 men, 0 undisclosed; activities/${course.activityId}/delivered written`,
    );
    expect(service.lines.join('\n')).not.toContain(marker);
    expect(await service.storedText()).not.toContain(marker);
  });

  it('records attendance of registered participants only, on sessions within the course’s dates', async () => {
    const course = await courseActivity(service, 'KE', 2027, 20);
    const [first] = await register(course.url, 'MAN');
    const monday = await session(course.url, '2027-04-12');
    const other = await courseActivity(service, 'KE', 2028, 20);
    const [stranger] = await register(other.url, 'WOMAN');
    const before = await state(course.activityId);

    const unregistered = await asOfficer('PUT', `${course.url}/sessions/${monday}/attendance`, {
      participantIds: [first, stranger, 'participant-nobody'],
    });
    expect(unregistered.status).toBe(422);
    expect(unregistered.body).toMatchObject({
      code: 'PARTICIPANT_NOT_REGISTERED',
      errors: [
        { field: 'participantIds.1', message: `is not registered on ${course.activityId}` },
        { field: 'participantIds.2', message: `is not registered on ${course.activityId}` },
      ],
    });
    const repeated = await asOfficer('PUT', `${course.url}/sessions/${monday}/attendance`, {
      participantIds: [first, first],
    });
    expect(repeated.status).toBe(400);
    expect(repeated.body.errors).toEqual([
      { field: 'participantIds.1', message: 'repeats participantIds.0' },
    ]);
    const outside = await asOfficer('POST', `${course.url}/sessions`, {
      date: '2027-04-20',
      title: 'After the course',
    });
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([
      { field: 'date', message: "must be within the activity's dates (2027-04-12 to 2027-04-16)" },
    ]);
    const notADate = await asOfficer('POST', `${course.url}/sessions`, {
      date: '2027-02-30',
      title: '',
    });
    expect(notADate.body.errors?.map(({ field }) => field)).toEqual(['date', 'title']);
    // a session of another course is not this course's
    const otherSession = await session(other.url, '2027-04-13');
    const wrongSession = await asOfficer(
      'PUT',
      `${course.url}/sessions/${otherSession}/attendance`,
      { participantIds: [first] },
    );
    expect(wrongSession.status).toBe(404);
    expect(wrongSession.body.code).toBe('SESSION_NOT_FOUND');

    // another state's officer, and the manager, may not record or close
    for (const user of ['officer-ng-1', 'manager-1', 'reviewer-1']) {
      const refused = await service.request('POST', `${course.url}/close`, {
        as: user,
        body: { humanRightsModuleDelivered: true },
      });
      expect({ user, status: refused.status }).toEqual({ user, status: 403 });
    }
    const foreign = await service.request('PUT', `${course.url}/sessions/${monday}/attendance`, {
      as: 'officer-ng-1',
      body: { participantIds: [first] },
    });
    expect(foreign.status).toBe(403);
    const badClose = await asOfficer('POST', `${course.url}/close`, {
      humanRightsModuleDelivered: 'yes',
    });
    expect(badClose.status).toBe(400);
    expect(badClose.body.errors).toEqual([
      { field: 'humanRightsModuleDelivered', message: 'must be true or false' },
    ]);
    expect(await state(course.activityId)).toEqual(before);
  });

  it('closes only courses, and only with their seats known', async () => {
    const course = await courseActivity(service, 'KE', 2029, 20);
    const [kickOff] = await service.activitiesOf(course.engagementId);
    const notCourse = await asOfficer(
      'POST',
      `/engagements/${course.engagementId}/activities/${kickOff?.id}/close`,
      { humanRightsModuleDelivered: true },
    );
    expect(notCourse.status).toBe(422);
    expect(notCourse.body.code).toBe('NOT_A_COURSE');

    await service.database.activity.update({
      where: { id: course.activityId },
      data: { seats: null },
    });
    const [attendee] = await register(course.url, 'UNDISCLOSED');
    const day = await session(course.url, '2027-04-14');
    await asOfficer('PUT', `${course.url}/sessions/${day}/attendance`, {
      participantIds: [attendee],
    });
    const noSeats = await asOfficer('POST', `${course.url}/close`, {
      humanRightsModuleDelivered: false,
    });
    expect(noSeats.status).toBe(422);
    expect(noSeats.body).toMatchObject({
      code: 'SEATS_UNKNOWN',
      errors: [{ field: 'seats', message: 'must be set before the course is closed' }],
    });
    expect((await asOfficer('PATCH', course.url, { seats: 12 })).status).toBe(200);
    const closed = await asOfficer<ActivityDetail>('POST', `${course.url}/close`, {
      humanRightsModuleDelivered: false,
    });
    expect(closed.body.delivery).toEqual({
      attendance: { women: 0, men: 0, undisclosed: 1 },
      humanRightsModuleDelivered: false,
    });
  });
});
