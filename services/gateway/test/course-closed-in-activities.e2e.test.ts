// End to end over HTTP against the running system: Nigeria's officer takes an engagement to
// its tailored training and runs a course in the activities service (participants, a session,
// attendance), then closes it. The closing reaches the engagement workflow (through the outbox,
// Kafka and the bridge) and the programme indicators; the review requests on the way notify
// Nigeria's reviewers and nobody else; and a trainee's name, seeded as a unique marker, is in
// no Kafka message, no log line and no workflow history.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { complianceChecklist, type MilestoneStage } from '@cttech/domain';
import { kickOffReport, needsAssessment, trainingPlan } from '@cttech/domain/samples';
import { deadLetterTopic, topics } from '@cttech/contracts';
import { trainingCourseWorkflowId } from '@cttech/engagement-workflow';
import { KafkajsBroker, type ReceivedMessage } from '@cttech/messaging';
import { waitFor } from '@cttech/testing';
import { Connection, WorkflowClient } from '@temporalio/client';
import {
  call,
  freshEngagement,
  kafkaBrokers,
  logsDirectory,
  temporalAddress,
  tokenFor,
  type EngagementStatusBody,
} from './running-system.ts';

interface Review {
  id: string;
  engagementId: string;
  stage: string;
}
interface Notification {
  recipientId: string;
  eventType: string;
  engagementId: string | null;
  title: string;
}
interface Activity {
  id: string;
  kind: string;
  courseId: string | null;
  status: string;
  startDate: string | null;
  endDate: string | null;
  venueOrPlatform: string | null;
  seats: number | null;
}
interface IndicatorFigure {
  indicator: string;
  bySex?: { women: number; men: number; undisclosed: number };
}
interface ProgrammeResults {
  partnerStates: { partnerState: string; indicators: IndicatorFigure[] }[];
}

const approvalOf = (stage: MilestoneStage) => ({
  outcome: 'APPROVED',
  answers: complianceChecklist(stage).map(({ id }) => ({ criterionId: id, verdict: 'MET' })),
  findings: [],
});

/** Every text a history holds, with its payloads (base64 JSON) opened. */
function historyText(history: unknown): string {
  const texts: string[] = [JSON.stringify(history)];
  JSON.stringify(history, (key, value: unknown) => {
    if (key === 'data' && typeof value === 'string') {
      texts.push(Buffer.from(value, 'base64').toString('utf8'));
    }
    if (value instanceof Uint8Array) texts.push(Buffer.from(value).toString('utf8'));
    return value;
  });
  return texts.join('\n');
}

describe('a course closed in the activities service, across the running system', () => {
  it("reaches the engagement and the indicators, tells only the state's reviewers, and never carries a trainee's name", async () => {
    const officer = await tokenFor('officer-ng-1');
    const reviewer = await tokenFor('reviewer-1'); // Kenya and Nigeria
    const manager = await tokenFor('manager-1');
    const course = trainingPlan.courses[0];
    if (!course) throw new Error('the sample training plan has no course');

    const nigeriaTrained = async () => {
      const { body } = await call<ProgrammeResults>('GET', '/indicators', manager);
      const nigeria = body.partnerStates.find(({ partnerState }) => partnerState === 'NG');
      return (
        nigeria?.indicators.find(({ indicator }) => indicator === 'INVESTIGATORS_TRAINED')
          ?.bySex ?? { women: 0, men: 0, undisclosed: 0 }
      );
    };
    // other runs on this machine have their Nigerian engagements too: compare before and after
    const trainedBefore = await nigeriaTrained();

    const opened = await freshEngagement(officer, 'NG');
    const id = opened.engagementId;
    const engagement = `/engagements/${id}`;
    const until = (what: string, done: (status: EngagementStatusBody) => boolean) =>
      waitFor(
        async () => {
          const current = (await call<EngagementStatusBody>('GET', engagement, officer)).body;
          return done(current) ? current : undefined;
        },
        { what: `${id}: ${what}`, timeoutMs: 60_000 },
      );
    const record = async (kind: string, submission: unknown) => {
      const answer = await call('PUT', `${engagement}/submissions/${kind}`, officer, submission);
      expect({ kind, status: answer.status }).toEqual({ kind, status: 200 });
    };
    const submitAndApprove = async (stage: MilestoneStage) => {
      const submitted = await call('POST', `${engagement}/milestone`, officer, {});
      expect({ stage, status: submitted.status }).toEqual({ stage, status: 200 });
      const review = await waitFor(
        async () =>
          (await call<Review[]>('GET', '/reviews?status=OPEN', reviewer)).body.find(
            (open) => open.engagementId === id && open.stage === stage,
          ),
        { what: `the ${stage} review of ${id}`, timeoutMs: 60_000 },
      );
      const decided = await call(
        'POST',
        `/reviews/${review.id}/decision`,
        reviewer,
        approvalOf(stage),
      );
      expect({ stage, status: decided.status }).toEqual({ stage, status: 200 });
    };
    const notificationsOf = async (userId: string) =>
      (
        await call<Notification[]>('GET', '/notifications?limit=200', await tokenFor(userId))
      ).body.filter((notification) => notification.engagementId === id);

    // the kick-off review request tells Nigeria's reviewers (reviewer-1, reviewer-3), and
    // nobody else
    await record('KICK_OFF_REPORT', kickOffReport);
    await submitAndApprove('KICK_OFF');
    const requested = await waitFor(
      async () =>
        (await notificationsOf('reviewer-1')).find(
          ({ eventType }) => eventType === 'engagement.milestone-submitted',
        ),
      { what: `reviewer-1 told of ${id}'s kick-off review`, timeoutMs: 60_000 },
    );
    expect(requested.title).toContain(id);
    // one transaction wrote every recipient's notification of that event: all are there now
    expect(
      (await notificationsOf('reviewer-3')).filter(
        ({ eventType }) => eventType === 'engagement.milestone-submitted',
      ),
    ).toHaveLength(1);
    for (const userId of [
      'reviewer-2',
      'reviewer-4',
      'officer-ng-1',
      'officer-ke-1',
      'manager-1',
      'operator-1',
    ]) {
      const heard = (await notificationsOf(userId)).filter(
        ({ eventType }) => eventType === 'engagement.milestone-submitted',
      );
      expect({ userId, heard }).toEqual({ userId, heard: [] });
    }
    // the officer hears that the kick-off was signed off
    await waitFor(
      async () =>
        (await notificationsOf('officer-ng-1')).find(
          ({ eventType }) => eventType === 'engagement.stage-advanced',
        ),
      { what: `officer-ng-1 told that ${id} moved on`, timeoutMs: 60_000 },
    );

    await record('NEEDS_ASSESSMENT', needsAssessment);
    await submitAndApprove('NEEDS_ASSESSMENT');
    await until('in the tailored training', ({ stage }) => stage === 'TAILORED_TRAINING');

    // one course (dates past), scheduled by the plan: the activities service sets it up
    await record('TRAINING_PLAN', { courses: [course] });
    await until('the course awaiting its delivery', ({ trainingCourses }) =>
      trainingCourses.some(
        (c) => c.courseId === course.courseId && c.status === 'AWAITING_DELIVERY',
      ),
    );
    const activities = await waitFor(
      async () => {
        const listed = await call<Activity[]>('GET', `${engagement}/activities`, officer);
        return listed.body.some((activity) => activity.courseId === course.courseId)
          ? listed.body
          : undefined;
      },
      { what: `the activity of ${course.courseId}`, timeoutMs: 60_000 },
    );
    expect(activities.map(({ kind }) => kind).sort()).toEqual(
      ['KICK_OFF_MEETING', 'NATIONAL_WORKSHOP', 'ONLINE_COURSE'].sort(),
    );
    const courseActivity = activities.find((activity) => activity.courseId === course.courseId);
    expect(courseActivity).toMatchObject({
      status: 'PLANNED',
      startDate: course.startDate,
      endDate: course.endDate,
      venueOrPlatform: course.venueOrPlatform,
      seats: course.seats,
    });
    const activity = `${engagement}/activities/${courseActivity?.id ?? ''}`;

    // three participants, one named with a marker no other text anywhere contains
    const marker = `Marker ${randomUUID()}`;
    const participantIds: string[] = [];
    for (const participant of [
      {
        sex: 'WOMAN',
        agency: 'CT police unit',
        role: 'investigator',
        name: marker,
        contact: `${marker}@example.org`,
      },
      { sex: 'WOMAN', agency: 'Financial intelligence unit', role: 'analyst' },
      { sex: 'MAN', agency: 'Prosecution', role: 'prosecutor' },
    ]) {
      const registered = await call<{ id: string }>(
        'POST',
        `${activity}/participants`,
        officer,
        participant,
      );
      expect(registered.status).toBe(201);
      participantIds.push(registered.body.id);
    }
    const marked = await call<{ name: string | null }>(
      'GET',
      `${activity}/participants/${participantIds[0] ?? ''}`,
      officer,
    );
    expect(marked.body.name).toBe(marker);
    const listed = await call<unknown[]>('GET', `${activity}/participants`, officer);
    expect(listed.text).not.toContain(marker);

    const session = await call<{ id: string }>('POST', `${activity}/sessions`, officer, {
      date: course.startDate,
      title: 'Day one: the human-rights module first',
    });
    expect(session.status).toBe(201);
    const attended = await call(
      'PUT',
      `${activity}/sessions/${session.body.id}/attendance`,
      officer,
      {
        participantIds,
      },
    );
    expect(attended.status).toBe(200);

    const closed = await call<{ status: string }>('POST', `${activity}/close`, officer, {
      humanRightsModuleDelivered: true,
    });
    expect({ status: closed.status, activity: closed.body.status }).toEqual({
      status: 200,
      activity: 'CLOSED',
    });
    expect(
      (await call('POST', `${activity}/close`, officer, { humanRightsModuleDelivered: true }))
        .status,
    ).toBe(409);

    // the engagement recorded the delivery: the course is delivered and its attendance counted
    const delivered = await until('the course delivered', ({ trainingCourses }) =>
      trainingCourses.some((c) => c.courseId === course.courseId && c.status === 'DELIVERED'),
    );
    expect(delivered.indicators.investigatorsTrained).toEqual({
      women: 2,
      men: 1,
      undisclosed: 0,
      total: 3,
    });
    // and so do the programme indicators
    const trainedAfter = await waitFor(
      async () => {
        const current = await nigeriaTrained();
        return current.men > trainedBefore.men ? current : undefined;
      },
      { what: "Nigeria's indicators counting the course", timeoutMs: 60_000 },
    );
    expect(trainedAfter).toMatchObject({
      women: trainedBefore.women + 2,
      men: trainedBefore.men + 1,
      undisclosed: trainedBefore.undisclosed,
    });

    // the marker: in no Kafka message (values and headers), log line or workflow history
    const broker = new KafkajsBroker({ brokers: kafkaBrokers, clientId: `e2e-${randomUUID()}` });
    try {
      const read = new Map<string, readonly ReceivedMessage[]>();
      for (const topic of Object.values(topics)) {
        read.set(topic, await broker.readTopic(topic));
        // a dead-letter topic exists only once something was dead-lettered there
        read.set(
          deadLetterTopic(topic),
          await broker.readTopic(deadLetterTopic(topic)).catch(() => []),
        );
      }
      // what was read includes the closing itself: the search looked where the event went
      const closing = read
        .get(topics.activityEvents)
        ?.find(
          ({ headers }) => headers.ce_id === `activities/${courseActivity?.id ?? ''}/delivered`,
        );
      expect(JSON.parse(closing?.value ?? '{}')).toMatchObject({
        delivery: { courseId: course.courseId, attendance: { women: 2, men: 1, undisclosed: 0 } },
      });
      for (const [topic, messages] of read) {
        const carrying = messages.filter((message) =>
          JSON.stringify({ value: message.value, headers: message.headers }).includes(marker),
        );
        expect({ topic, carrying: carrying.length }).toEqual({ topic, carrying: 0 });
      }
    } finally {
      await broker.disconnect();
    }
    const logs = readdirSync(logsDirectory);
    // the activities service logged the closing (by ids): the search read the services' logs
    expect(
      logs.some((file) =>
        readFileSync(join(logsDirectory, file), 'utf8').includes(courseActivity?.id ?? '-'),
      ),
    ).toBe(true);
    for (const file of logs) {
      const log = readFileSync(join(logsDirectory, file), 'utf8');
      expect({ file, carries: log.includes(marker) }).toEqual({ file, carries: false });
    }
    const connection = await Connection.connect({ address: temporalAddress });
    try {
      const workflows = new WorkflowClient({ connection });
      for (const workflowId of [id, trainingCourseWorkflowId(id, course.courseId)]) {
        const history = await workflows.getHandle(workflowId).fetchHistory();
        expect(history.events?.length ?? 0).toBeGreaterThan(0);
        expect({ workflowId, carries: historyText(history).includes(marker) }).toEqual({
          workflowId,
          carries: false,
        });
      }
    } finally {
      await connection.close();
    }
  });
});
