// Pseudonymous participants on the real database: the name and contact are sealed before they
// are stored (no column of any table holds them), opened for the state's programme officer
// only, never in a list, a log line or an error; another state's officer is refused and
// changes nothing; erasure keeps the pseudonymous record and its attendance.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openTestSuite, type TestSuite } from '@cttech/testing';
import type {
  ParticipantView,
  ParticipantWithPersonalData,
} from '../src/participants/participant-views.ts';
import {
  courseActivity,
  openActivitiesHarness,
  type ActivitiesHarness,
} from './activities-harness.ts';

describe('participants of a course', () => {
  let suite: TestSuite;
  let service: ActivitiesHarness;
  // unique in the whole run: wherever it turns up, it came from this registration
  const marker = `Wanjiru-${randomBytes(6).toString('hex')}`;
  const contact = `${marker.toLowerCase()}@police.example.ke`;
  let course: Awaited<ReturnType<typeof courseActivity>>;

  beforeAll(async () => {
    suite = openTestSuite('activities participants');
    service = await openActivitiesHarness(suite);
    course = await courseActivity(service, 'KE', 2026);
  });

  afterAll(async () => {
    await service?.close();
    await suite.close();
  });

  const participants = () => `${course.url}/participants`;

  /** What another caller's refused request must leave as it was. */
  const snapshot = () =>
    service.database.participant.findMany({
      orderBy: { id: 'asc' },
      include: { attendance: true },
    });

  it('seals the name and contact: the database never holds them, the state’s officer reads them', async () => {
    const registered = await service.request<ParticipantView>('POST', participants(), {
      as: 'officer-ke-1',
      body: {
        sex: 'WOMAN',
        agency: 'National Police Service, Anti-Terrorism Police Unit',
        role: 'Investigator',
        name: `Amina ${marker}`,
        contact,
      },
    });
    expect(registered.status).toBe(201);
    expect(registered.body).toEqual({
      id: expect.stringMatching(/^participant-[0-9a-f-]{36}$/),
      activityId: course.activityId,
      sex: 'WOMAN',
      agency: 'National Police Service, Anti-Terrorism Police Unit',
      role: 'Investigator',
      registeredBy: 'officer-ke-1',
      registeredAt: expect.any(String),
      sessionsAttended: 0,
      personalData: 'SEALED',
      personalDataErasedAt: null,
    });
    expect(registered.raw).not.toContain(marker);
    const participantId = registered.body.id;

    const stored = await service.storedText();
    expect(stored).toContain(participantId);
    expect(stored).not.toContain(marker);
    expect(stored.toLowerCase()).not.toContain(marker.toLowerCase());
    const row = await service.database.participant.findUniqueOrThrow({
      where: { id: participantId },
    });
    expect(row.sealedName).toMatch(/^pd1\.test\./);
    expect(row.sealedContact).toMatch(/^pd1\.test\./);

    const read = await service.request<ParticipantWithPersonalData>(
      'GET',
      `${participants()}/${participantId}`,
      { as: 'officer-ke-1' },
    );
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: participantId, name: `Amina ${marker}`, contact });
    expect(service.lines).toContain(
      `participant ${participantId} personal data opened by officer-ke-1`,
    );

    // the manager sees the pseudonymous record; a list never carries names
    const managed = await service.request('GET', `${participants()}/${participantId}`, {
      as: 'manager-1',
    });
    expect(managed.status).toBe(200);
    expect(managed.body).toMatchObject({ id: participantId, sex: 'WOMAN' });
    expect(managed.body).not.toHaveProperty('name');
    expect(managed.raw).not.toContain(marker);
    const listed = await service.request<ParticipantView[]>('GET', participants(), {
      as: 'officer-ke-1',
    });
    expect(listed.body.map(({ id }) => id)).toEqual([participantId]);
    expect(listed.raw).not.toContain(marker);

    // a sealed name copied onto another participant does not open there
    const other = await service.request<ParticipantView>('POST', participants(), {
      as: 'officer-ke-1',
      body: {
        sex: 'MAN',
        agency: 'Office of the Director of Public Prosecutions',
        role: 'Prosecutor',
      },
    });
    await service.database.participant.update({
      where: { id: other.body.id },
      data: { sealedName: row.sealedName },
    });
    const moved = await service.request('GET', `${participants()}/${other.body.id}`, {
      as: 'officer-ke-1',
    });
    expect(moved.status).toBe(500);
    expect(moved.body).toMatchObject({
      code: 'PERSONAL_DATA_UNREADABLE',
      detail: `the sealed value does not open for participant:${other.body.id}:name: altered, or sealed for another place`,
    });
    expect(moved.raw).not.toContain(marker);
    expect(service.lines).toContain(`participant ${other.body.id}: ${moved.body.detail}`);
    await service.database.participant.update({
      where: { id: other.body.id },
      data: { sealedName: null },
    });

    expect(service.lines.join('\n')).not.toContain(marker);
  });

  it('refuses other partner states, the reviewer and the operator, changing nothing', async () => {
    const [first] = await service.database.participant.findMany({
      orderBy: { registeredAt: 'asc' },
    });
    const participantId = first?.id as string;
    const before = await snapshot();
    const body = { sex: 'MAN', agency: 'Police', role: 'Analyst', name: `Other ${marker}` };

    for (const [method, url, payload] of [
      ['GET', `${participants()}/${participantId}`, undefined],
      ['GET', participants(), undefined],
      ['POST', participants(), body],
      ['DELETE', `${participants()}/${participantId}/personal-data`, undefined],
    ] as const) {
      const refused = await service.request(method, url, { as: 'officer-ng-1', body: payload });
      expect({ method, url, status: refused.status, code: refused.body.code }).toEqual({
        method,
        url,
        status: 403,
        code: 'PARTNER_STATE_NOT_ALLOWED',
      });
      expect(refused.raw).not.toContain(marker);
    }
    for (const user of ['reviewer-1', 'operator-1']) {
      const refused = await service.request('GET', `${participants()}/${participantId}`, {
        as: user,
      });
      expect({ user, status: refused.status, code: refused.body.code }).toEqual({
        user,
        status: 403,
        code: 'ROLE_NOT_ALLOWED',
      });
    }
    const manager = await service.request('POST', participants(), { as: 'manager-1', body });
    expect(manager.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses bad registrations naming the field, without echoing personal data, changing nothing', async () => {
    const before = await snapshot();
    const invalid = await service.request('POST', participants(), {
      as: 'officer-ke-1',
      body: {
        sex: 'FEMALE',
        agency: ' ',
        name: `${marker} ${'x'.repeat(300)}`,
        contact: 42,
        nationalId: 'A1234567',
      },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(invalid.body.errors).toEqual([
      { field: 'sex', message: 'must be one of: WOMAN, MAN, UNDISCLOSED' },
      { field: 'agency', message: 'must be at least 1 character long' },
      { field: 'role', message: 'is required' },
      { field: 'name', message: 'must be at most 200 characters long' },
      { field: 'contact', message: 'must be text' },
      { field: 'nationalId', message: 'is not an expected field' },
    ]);
    expect(invalid.raw).not.toContain(marker);

    // the kick-off meeting has no participants
    const [kickOff] = await service.activitiesOf(course.engagementId);
    const notCourse = await service.request(
      'POST',
      `/engagements/${course.engagementId}/activities/${kickOff?.id}/participants`,
      { as: 'officer-ke-1', body: { sex: 'MAN', agency: 'Police', role: 'Analyst' } },
    );
    expect(notCourse.status).toBe(422);
    expect(notCourse.body.code).toBe('NOT_A_COURSE');
    expect(
      (
        await service.request('GET', `${participants()}/participant-unknown`, {
          as: 'officer-ke-1',
        })
      ).status,
    ).toBe(404);
    expect(await snapshot()).toEqual(before);
    expect(service.lines.join('\n')).not.toContain(marker);
  });

  it('erases the name and contact, keeping the pseudonymous record and its attendance', async () => {
    const [first] = await service.database.participant.findMany({
      orderBy: { registeredAt: 'asc' },
    });
    const participantId = first?.id as string;
    const session = await service.request<{ id: string }>('POST', `${course.url}/sessions`, {
      as: 'officer-ke-1',
      body: { date: '2027-04-12', title: 'OSINT foundations and human rights' },
    });
    await service.request('PUT', `${course.url}/sessions/${session.body.id}/attendance`, {
      as: 'officer-ke-1',
      body: { participantIds: [participantId] },
    });

    const erased = await service.request<ParticipantView>(
      'DELETE',
      `${participants()}/${participantId}/personal-data`,
      { as: 'officer-ke-1' },
    );
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({
      id: participantId,
      personalData: 'ERASED',
      personalDataErasedAt: expect.any(String),
      sessionsAttended: 1,
      sex: 'WOMAN',
    });
    const read = await service.request<ParticipantWithPersonalData>(
      'GET',
      `${participants()}/${participantId}`,
      { as: 'officer-ke-1' },
    );
    expect(read.body).toMatchObject({ name: null, contact: null, personalData: 'ERASED' });
    const row = await service.database.participant.findUniqueOrThrow({
      where: { id: participantId },
    });
    expect(row).toMatchObject({
      sealedName: null,
      sealedContact: null,
      personalDataErasedBy: 'officer-ke-1',
    });
    const attendance = await service.request(
      'GET',
      `${course.url}/sessions/${session.body.id}/attendance`,
      {
        as: 'manager-1',
      },
    );
    expect(attendance.body).toEqual({
      sessionId: session.body.id,
      participantIds: [participantId],
    });
    const detail = await service.request('GET', course.url, { as: 'reviewer-2' });
    expect(detail.body).toMatchObject({
      participantCount: 2,
      attendance: { women: 1, men: 0, undisclosed: 0, total: 1 },
    });
    expect(service.lines).toContain(
      `participant ${participantId} personal data erased by officer-ke-1`,
    );
  });
});
