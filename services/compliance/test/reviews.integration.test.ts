import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DevelopmentIssuer } from '@cttech/auth';
import { fromKafkaRecord } from '@cttech/contracts';
import { openTestSuite, waitFor, type TestSuite } from '@cttech/testing';
import {
  audience,
  changesRequested,
  issuer,
  milestoneSubmitted,
  openComplianceHarness,
  type ProblemBody,
  type ComplianceHarness,
} from './compliance-harness.ts';
import type { ReviewDetail, ReviewSummary } from '../src/reviews/review-views.ts';

type AuditEntryBody = { action: string; causeId: string; actor: string };

describe('the compliance service on the real database and broker', () => {
  let suite: TestSuite;
  let service: ComplianceHarness;

  beforeAll(async () => {
    suite = openTestSuite('compliance reviews');
    service = await openComplianceHarness(suite);
  });

  afterAll(async () => {
    await service?.close();
    await suite.close();
  });

  const request = <Body = ProblemBody>(
    method: 'GET' | 'POST',
    url: string,
    options?: { as?: string; body?: unknown },
  ) => service.request<Body>(method, url, options);

  /** Publishes a submission and waits for its review; returns the review's id. */
  async function reviewOf(event: ReturnType<typeof milestoneSubmitted>): Promise<string> {
    await service.publish(event);
    const review = await waitFor(
      async () =>
        (await service.database.review.findUnique({
          where: { reviewRequestId: event.data.reviewRequestId },
        })) ?? undefined,
      { what: `the review of ${event.data.reviewRequestId}` },
    );
    return review.id;
  }

  async function changesOf(reviewId: string) {
    const [review, answers, findings, audit, outbox] = await Promise.all([
      service.database.review.findUniqueOrThrow({ where: { id: reviewId } }),
      service.database.criterionAnswer.count({ where: { reviewId } }),
      service.database.finding.count({ where: { reviewId } }),
      service.database.auditEntry.count(),
      service.database.outboxEvent.count(),
    ]);
    return { status: review.status, answers, findings, audit, outbox };
  }

  it('opens one review per submitted milestone, however often the event comes', async () => {
    const event = milestoneSubmitted('KE');
    const reviewId = await reviewOf(event);
    // the same event again, and another event for the same review request
    const again = { ...event, id: `${event.engagementId}/4` };
    const consumedBefore = await service.database.inboxEvent.count();
    await service.publish(event, again);
    await waitFor(async () => (await service.database.inboxEvent.count()) >= consumedBefore + 1, {
      what: 'the second event recorded in the inbox',
    });
    expect(
      await service.database.review.count({ where: { engagementId: event.engagementId } }),
    ).toBe(1);
    const entries = await service.database.auditEntry.findMany({
      where: { engagementId: event.engagementId },
    });
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'REVIEW_OPENED',
        causeId: event.id,
        actor: 'officer-ke-1',
      }),
    ]);

    const detail = await request<ReviewDetail>('GET', `/reviews/${reviewId}`, { as: 'reviewer-2' });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      id: reviewId,
      status: 'OPEN',
      stage: 'KICK_OFF',
      checklist: [
        {
          criterionId: 'HRDD_RISK_ASSESSMENT',
          title: 'Human-rights due-diligence risk assessment',
        },
        { criterionId: 'STAKEHOLDER_MAPPING_GENDER', title: 'Gender in the stakeholder mapping' },
      ],
    });
    expect(detail.body.checklist[0]?.evidenceRequired).toMatch(/risk assessment/);
  });

  it('records a decision with its audit entry and publishes compliance.milestone-decided', async () => {
    const event = milestoneSubmitted('KE');
    const reviewId = await reviewOf(event);
    const decided = await request<ReviewDetail>('POST', `/reviews/${reviewId}/decision`, {
      as: 'reviewer-2',
      body: changesRequested,
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      status: 'DECIDED',
      decidedBy: 'reviewer-2',
      outcome: 'CHANGES_REQUESTED',
    });
    expect(decided.body.checklist).toEqual([
      expect.objectContaining({
        criterionId: 'HRDD_RISK_ASSESSMENT',
        verdict: 'NOT_MET',
        comment: 'not yet done',
      }),
      expect.objectContaining({
        criterionId: 'STAKEHOLDER_MAPPING_GENDER',
        verdict: 'MET',
        comment: null,
      }),
    ]);

    const audit = await request<AuditEntryBody[]>(
      'GET',
      `/engagements/${event.engagementId}/audit`,
      { as: 'reviewer-2' },
    );
    expect(audit.status).toBe(200);
    expect(audit.body.map((entry) => entry.action)).toEqual(['REVIEW_OPENED', 'MILESTONE_DECIDED']);
    const verification = await request('GET', '/audit/verification', { as: 'operator-1' });
    expect(verification.body).toMatchObject({ ok: true });

    const published = await waitFor(
      async () => {
        const messages = await service.broker.readTopic(service.complianceTopic);
        return messages.find((message) => message.key === event.engagementId);
      },
      { what: 'compliance.milestone-decided on the compliance topic' },
    );
    const parsed = fromKafkaRecord(published);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.event).toMatchObject({
      type: 'compliance.milestone-decided',
      version: 1,
      engagementId: event.engagementId,
      partnerState: 'KE',
      data: {
        reviewRequestId: event.data.reviewRequestId,
        stage: 'KICK_OFF',
        decidedBy: 'reviewer-2',
        decision: changesRequested,
      },
    });
    expect(parsed.event.id).toMatch(/^decision-[0-9a-f-]{36}$/);
    expect(audit.body.at(-1)).toMatchObject({ causeId: parsed.event.id, actor: 'reviewer-2' });

    const again = await request('POST', `/reviews/${reviewId}/decision`, {
      as: 'reviewer-1',
      body: changesRequested,
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ status: 409, code: 'REVIEW_ALREADY_DECIDED' });
  });

  it('refuses the submitter deciding their own milestone, changing nothing', async () => {
    const reviewId = await reviewOf(milestoneSubmitted('KE', { submittedBy: 'reviewer-2' }));
    const before = await changesOf(reviewId);
    const refused = await request('POST', `/reviews/${reviewId}/decision`, {
      as: 'reviewer-2',
      body: changesRequested,
    });
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      status: 403,
      code: 'FOUR_EYES',
      title: expect.any(String),
    });
    expect(await changesOf(reviewId)).toEqual(before);
  });

  it('refuses a reviewer who recorded some of the stage’s work, changing nothing', async () => {
    // reviewer-1 also holds an officer's assignment here and edited the stage's work
    const reviewId = await reviewOf(
      milestoneSubmitted('KE', { editedBy: ['officer-ke-1', 'reviewer-1'] }),
    );
    const before = await changesOf(reviewId);
    const refused = await request('POST', `/reviews/${reviewId}/decision`, {
      as: 'reviewer-1',
      body: changesRequested,
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'FOUR_EYES',
      detail: expect.stringContaining('edited this milestone'),
    });
    expect(await changesOf(reviewId)).toEqual(before);
    // another reviewer may
    const decided = await request('POST', `/reviews/${reviewId}/decision`, {
      as: 'reviewer-2',
      body: changesRequested,
    });
    expect(decided.status).toBe(200);
  });

  it('refuses an invalid decision with a 400 problem naming the fields, changing nothing', async () => {
    const reviewId = await reviewOf(milestoneSubmitted('KE'));
    const before = await changesOf(reviewId);
    const approvedOverNotMet = await request('POST', `/reviews/${reviewId}/decision`, {
      as: 'reviewer-2',
      body: { ...changesRequested, outcome: 'APPROVED', findings: [] },
    });
    expect(approvedOverNotMet.status).toBe(400);
    expect(approvedOverNotMet.body).toMatchObject({
      type: 'urn:cttech:problem:invalid-request',
      status: 400,
      errors: [{ field: 'outcome', message: expect.stringContaining('NOT_MET') }],
    });
    const unknownField = await request('POST', `/reviews/${reviewId}/decision`, {
      as: 'reviewer-2',
      body: { ...changesRequested, signedOffBy: 'someone' },
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors).toEqual([
      { field: 'signedOffBy', message: 'is not an expected field' },
    ]);
    const incomplete = await request('POST', `/reviews/${reviewId}/decision`, {
      as: 'reviewer-2',
      body: { ...changesRequested, answers: changesRequested.answers.slice(0, 1) },
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body).toMatchObject({
      code: 'INVALID_REVIEW_DECISION',
      errors: [
        { field: 'answers', message: expect.stringContaining('STAKEHOLDER_MAPPING_GENDER') },
      ],
    });
    expect(await changesOf(reviewId)).toEqual(before);
  });

  it('requires a valid token and a role, and hides other partner states', async () => {
    const reviewId = await reviewOf(milestoneSubmitted('NG'));
    const missing = await request('GET', '/reviews?status=OPEN');
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ code: 'AUTHENTICATION_REQUIRED' });

    const stranger = await DevelopmentIssuer.create({ issuer, audience });
    const forged = await service.app.inject({
      method: 'GET',
      url: '/reviews',
      headers: {
        authorization: `Bearer ${await stranger.mint({ userId: 'reviewer-1', name: 'x', roles: ['COMPLIANCE_REVIEWER'], partnerStates: ['*'] })}`,
      },
    });
    expect(forged.statusCode).toBe(401);

    const officer = await request('GET', '/reviews', { as: 'officer-ng-1' });
    expect(officer.status).toBe(403);
    expect(officer.body).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });

    // reviewer-2 reviews Kenya only
    expect((await request('GET', `/reviews/${reviewId}`, { as: 'reviewer-2' })).status).toBe(404);
    expect(
      (
        await request('POST', `/reviews/${reviewId}/decision`, {
          as: 'reviewer-2',
          body: changesRequested,
        })
      ).status,
    ).toBe(404);
    expect((await request('GET', `/reviews/${reviewId}`, { as: 'reviewer-1' })).status).toBe(200);
    const queue = await request<ReviewSummary[]>('GET', '/reviews?status=OPEN', {
      as: 'reviewer-2',
    });
    expect(queue.status).toBe(200);
    expect(queue.body.length).toBeGreaterThan(0);
    expect(
      queue.body.every((review) => review.partnerState === 'KE' && review.status === 'OPEN'),
    ).toBe(true);
    const badQuery = await request('GET', '/reviews?status=CLOSED', { as: 'reviewer-2' });
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.errors).toEqual([
      { field: 'status', message: 'must be one of: OPEN, DECIDED' },
    ]);
  });

  it('gives a reviewer their own queue: the open reviews they may decide, four eyes applied', async () => {
    const own = await reviewOf(milestoneSubmitted('KE', { submittedBy: 'reviewer-2' }));
    const edited = await reviewOf(
      milestoneSubmitted('KE', { editedBy: ['officer-ke-1', 'reviewer-2'] }),
    );
    const decidable = await reviewOf(milestoneSubmitted('KE'));
    const mine = await request<ReviewSummary[]>('GET', '/reviews?mine=true', { as: 'reviewer-2' });
    expect(mine.status).toBe(200);
    const ids = mine.body.map((review) => review.id);
    expect(ids).toContain(decidable);
    expect(ids).not.toContain(own);
    expect(ids).not.toContain(edited);
    expect(mine.body.every((review) => review.status === 'OPEN')).toBe(true);
    // reviewer-1 may decide the one reviewer-2 edited
    const theirs = await request<ReviewSummary[]>('GET', '/reviews?mine=true', {
      as: 'reviewer-1',
    });
    expect(theirs.body.map((review) => review.id)).toEqual(expect.arrayContaining([own, edited]));
  });

  it('answers liveness and readiness without a token', async () => {
    expect((await request('GET', '/health')).status).toBe(200);
    const ready = await request('GET', '/health/ready');
    expect(ready).toMatchObject({
      status: 200,
      body: { status: 'ready', dependencies: { postgres: 'up', kafka: 'up' } },
    });
    const unknown = await request('GET', '/nothing-here', { as: 'operator-1' });
    expect(unknown.status).toBe(404);
  });
});
