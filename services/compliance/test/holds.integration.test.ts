// Holds for a human-rights concern on the real database and broker: a reviewer places one, the
// hold, its audit entry and its event are written together, the event names the hold and not
// the concern; one open hold per engagement; another state's engagement is not found; only a
// reviewer lifts it, once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fromKafkaRecord, type EngagementEvent } from '@cttech/contracts';
import { openTestSuite, waitFor, type TestSuite } from '@cttech/testing';
import {
  openComplianceHarness,
  type ComplianceHarness,
  type ProblemBody,
} from './compliance-harness.ts';
import type { HoldView } from '../src/holds/human-rights-holds.ts';

const concern =
  'Reports of detainees held incommunicado by the unit that would receive the training.';

describe('human-rights holds in the compliance service', () => {
  let suite: TestSuite;
  let service: ComplianceHarness;

  beforeAll(async () => {
    suite = openTestSuite('compliance holds');
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

  /** An engagement the service knows of, from the workflow's `engagement.opened`. */
  async function openedEngagement(partnerState: string, cycle: number): Promise<string> {
    const engagementId = `engagement-${partnerState}-${cycle}`;
    const opened: EngagementEvent<'engagement.opened'> = {
      id: `${engagementId}/1`,
      type: 'engagement.opened',
      version: 1,
      engagementId,
      partnerState,
      cycle,
      occurredAt: '2026-11-22T09:00:00.000Z',
      data: {
        openedBy: `officer-${partnerState.toLowerCase()}-1`,
        stageDueAt: '2027-02-20T09:00:00.000Z',
      },
    };
    await service.publish(opened);
    await waitFor(
      async () =>
        (await service.database.indicatorEngagement.findUnique({ where: { engagementId } })) ??
        undefined,
      { what: `${engagementId} known to the compliance service` },
    );
    return engagementId;
  }

  async function publishedHoldEvents(engagementId: string) {
    const messages = await service.broker.readTopic(service.complianceTopic);
    return messages
      .filter((message) => message.key === engagementId)
      .map((message) => ({
        raw: message.value?.toString() ?? '',
        parsed: fromKafkaRecord(message),
      }));
  }

  it('places a hold with its audit entry and event, lifts it once, and keeps the concern out of events', async () => {
    const engagementId = await openedEngagement('KE', 3101);
    const holds = `/engagements/${engagementId}/holds`;

    const placed = await request<HoldView>('POST', holds, { as: 'reviewer-2', body: { concern } });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({
      engagementId,
      status: 'OPEN',
      concern,
      placedBy: 'reviewer-2',
      liftedBy: null,
    });
    const holdId = placed.body.id;

    // a second hold while one is open is refused and changes nothing
    const second = await request('POST', holds, { as: 'reviewer-1', body: { concern } });
    expect(second.status).toBe(409);
    expect(second.body.detail).toContain(holdId);
    expect(await service.database.humanRightsHold.count({ where: { engagementId } })).toBe(1);

    // the officer sees why the engagement is held, and cannot lift it
    const seen = await request<HoldView[]>('GET', holds, { as: 'officer-ke-1' });
    expect(seen.body.map((hold) => hold.id)).toEqual([holdId]);
    const officerLift = await request('POST', `${holds}/${holdId}/lift`, {
      as: 'officer-ke-1',
      body: { resolution: 'done' },
    });
    expect(officerLift.status).toBe(403);
    // nor may the programme manager override it
    expect(
      (
        await request('POST', `${holds}/${holdId}/lift`, {
          as: 'manager-1',
          body: { resolution: 'done' },
        })
      ).status,
    ).toBe(403);

    const resolution = 'The unit was replaced in the training plan by the prosecution service.';
    const lifted = await request<HoldView>('POST', `${holds}/${holdId}/lift`, {
      as: 'reviewer-1',
      body: { resolution },
    });
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ status: 'LIFTED', liftedBy: 'reviewer-1', resolution });
    const again = await request('POST', `${holds}/${holdId}/lift`, {
      as: 'reviewer-2',
      body: { resolution },
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe(`hold ${holdId} was lifted by reviewer-1`);

    const events = await waitFor(
      async () => {
        const found = await publishedHoldEvents(engagementId);
        return found.length >= 2 ? found : undefined;
      },
      { what: 'the hold placed and lifted on the compliance topic' },
    );
    expect(events.map(({ parsed }) => (parsed.ok ? parsed.event.type : parsed.reason))).toEqual([
      'compliance.human-rights-hold-placed',
      'compliance.human-rights-hold-lifted',
    ]);
    expect(events.map(({ parsed }) => (parsed.ok ? parsed.event.data : undefined))).toEqual([
      { holdId, placedBy: 'reviewer-2' },
      { holdId, liftedBy: 'reviewer-1' },
    ]);
    for (const { raw } of events) {
      expect(raw).not.toContain('incommunicado');
      expect(raw).not.toContain('prosecution service');
    }

    const audit = await request<{ action: string; actor: string; causeId: string }[]>(
      'GET',
      `/engagements/${engagementId}/audit`,
      { as: 'reviewer-2' },
    );
    expect(audit.body.map(({ action, actor }) => ({ action, actor }))).toEqual([
      { action: 'HUMAN_RIGHTS_HOLD_PLACED', actor: 'reviewer-2' },
      { action: 'HUMAN_RIGHTS_HOLD_LIFTED', actor: 'reviewer-1' },
    ]);
    expect(audit.body.map(({ causeId }) => causeId)).toEqual(
      events.map(({ parsed }) => (parsed.ok ? parsed.event.id : undefined)),
    );

    // with the hold lifted, a new concern can be raised
    expect((await request('POST', holds, { as: 'reviewer-1', body: { concern } })).status).toBe(
      201,
    );
  });

  it('refuses bad input, unknown engagements and holds, and other partner states, changing nothing', async () => {
    const engagementId = await openedEngagement('NG', 3102);
    const holds = `/engagements/${engagementId}/holds`;
    const before = await service.database.humanRightsHold.count();

    const empty = await request('POST', holds, { as: 'reviewer-1', body: { concern: '  ' } });
    expect(empty.status).toBe(400);
    expect(empty.body.errors?.map((error) => error.field)).toEqual(['concern']);
    const extra = await request('POST', holds, {
      as: 'reviewer-1',
      body: { concern, placedBy: 'someone-else' },
    });
    expect(extra.status).toBe(400);
    expect(JSON.stringify(extra.body)).toContain('placedBy');

    // reviewer-2 is assigned Kenya only: Nigeria's engagement does not exist for them
    expect((await request('POST', holds, { as: 'reviewer-2', body: { concern } })).status).toBe(
      404,
    );
    expect((await request('GET', holds, { as: 'reviewer-2' })).status).toBe(404);
    expect(
      (
        await request('POST', '/engagements/engagement-ZZ-2026/holds', {
          as: 'reviewer-1',
          body: { concern },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await request('POST', `${holds}/not-a-hold/lift`, {
          as: 'reviewer-1',
          body: { resolution: 'x' },
        })
      ).status,
    ).toBe(404);
    expect(await service.database.humanRightsHold.count()).toBe(before);
  });
});
