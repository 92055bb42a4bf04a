// End to end against the running system (`bash infra/local/start.sh`, or test.sh): the demo
// programme seeded into a cycle of its own (not the demo's, which start.sh has seeded), then
// checked through the gateway as its users would: each partner state's stage, state and whose
// move it is, the reviewers' queues, the hold, Tajikistan's completion in the programme
// indicators; and a second run that finds everything there and changes nothing.
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@cttech/testing';
import { GatewayClient } from './demo-gateway.ts';
import { defaultGateway, seedDemoProgramme, type DemoProgrammeReport } from './demo-programme.ts';
import type { SeededState } from './demo-report.ts';
import { engagementView, holdList, reviewQueue, type EngagementView } from './demo-responses.ts';
import {
  demoCycle,
  demoPartnerStates,
  demoScenarios,
  type DemoScenario,
} from './demo-scenarios.ts';

interface IndicatorFigure {
  indicator: string;
  value: number | null;
  bySex?: { women: number; men: number; undisclosed: number };
}
interface ProgrammeResults {
  partnerStates: { partnerState: string; engagements: number; indicators: IndicatorFigure[] }[];
}

const client = new GatewayClient({ gateway: defaultGateway });

async function get(as: string, path: string): Promise<unknown> {
  const answer = await client.call(as, 'GET', path);
  expect({ path, status: answer.status }).toEqual({ path, status: 200 });
  return answer.body;
}

/** A cycle where none of the seven partner states has an engagement yet (nor the demo's own). */
async function freshCycle(): Promise<number> {
  const cycles = Array.from({ length: 101 }, (_, index) => 2000 + index).filter(
    (cycle) => cycle !== demoCycle,
  );
  for (let left = cycles.length; left > 0; left -= 1) {
    const [cycle] = cycles.splice(randomInt(left), 1) as [number];
    const { engagements } = (await get('manager-1', `/engagements?cycle=${cycle}&limit=200`)) as {
      engagements: { partnerState: string }[];
    };
    if (
      !engagements.some(({ partnerState }) =>
        (demoPartnerStates as readonly string[]).includes(partnerState),
      )
    ) {
      return cycle;
    }
  }
  throw new Error(
    'every cycle from 2000 to 2100 has an engagement of a demo partner state; start from nothing: bash infra/local/infra.sh down && rm -rf .local',
  );
}

/** Tajikistan's figures in the programme indicators, as the programme manager sees them. */
async function tajikFigures() {
  const { partnerStates } = (await get('manager-1', '/indicators')) as ProgrammeResults;
  const tajikistan = partnerStates.find(({ partnerState }) => partnerState === 'TJ');
  const of = (indicator: string) =>
    tajikistan?.indicators.find((figure) => figure.indicator === indicator);
  return {
    engagements: tajikistan?.engagements ?? 0,
    strategyAdopted: of('STRATEGIES_ADOPTED')?.value ?? 0,
    recommendations: of('RECOMMENDATIONS_ACTED_ON')?.value ?? 0,
    trained: {
      women: of('INVESTIGATORS_TRAINED')?.bySex?.women ?? 0,
      men: of('INVESTIGATORS_TRAINED')?.bySex?.men ?? 0,
      undisclosed: of('INVESTIGATORS_TRAINED')?.bySex?.undisclosed ?? 0,
    },
    publicPrivateMechanism: of('PUBLIC_PRIVATE_MECHANISMS')?.value ?? 0,
  };
}

describe('the demo programme, seeded into a fresh cycle of the running system', () => {
  let cycle: number;
  let scenarios: readonly DemoScenario[];
  let first: DemoProgrammeReport;
  let statuses: Map<string, EngagementView>;
  let tajikBefore: Awaited<ReturnType<typeof tajikFigures>>;

  const statusOf = (state: string) => statuses.get(state) as EngagementView;

  beforeAll(async () => {
    await client.waitUntilReady(120_000);
    cycle = await freshCycle();
    scenarios = demoScenarios(cycle);
    tajikBefore = await tajikFigures();
    const started = Date.now();
    first = await seedDemoProgramme({ cycle });
    console.log(
      `the demo programme seeded cycle ${cycle} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    statuses = new Map();
    for (const scenario of scenarios) {
      const body = await get(
        scenario.team.officer,
        `/engagements/engagement-${scenario.partnerState}-${cycle}`,
      );
      statuses.set(scenario.partnerState, engagementView(body));
    }
  });

  it('opens every partner state and takes each through all its steps', () => {
    expect(
      first.results.map((result) =>
        result.ok ? `${result.engagementId} ${result.outcome}` : result.error,
      ),
    ).toEqual(scenarios.map(({ partnerState }) => `engagement-${partnerState}-${cycle} CREATED`));
    for (const result of first.results as SeededState[]) {
      expect(result.stepsTaken).toBe(result.scenario.steps.length);
    }
  });

  it("leaves each engagement where the demo says, with the move on the right person's side", () => {
    const where = scenarios.map(({ partnerState }) => {
      const { stage, state, pending } = statusOf(partnerState);
      return `${partnerState} ${stage} ${state} ${pending?.on ?? 'nobody'}`;
    });
    expect(where).toEqual([
      'GH KICK_OFF ACTIVE PROGRAMME_OFFICER',
      'IQ TAILORED_TRAINING ACTIVE PROGRAMME_OFFICER',
      'KE KICK_OFF AWAITING_REVIEW COMPLIANCE_REVIEWER',
      'NG NEEDS_ASSESSMENT CHANGES_REQUESTED PROGRAMME_OFFICER',
      'PH STRATEGY_ADOPTION AWAITING_REVIEW COMPLIANCE_REVIEWER',
      'TJ COMPLETED COMPLETED nobody',
      'UZ NEEDS_ASSESSMENT SUSPENDED COMPLIANCE_REVIEWER',
    ]);
    expect(statusOf('NG').openFindings.map(({ criterionId }) => criterionId)).toEqual([
      'DATA_PROTECTION_ASSESSMENT',
      'PARTICIPATION_BY_SEX',
    ]);
    // four eyes along the way: nobody decided a milestone they submitted
    for (const { partnerState } of scenarios) {
      const { history } = statusOf(partnerState);
      const submitters = new Set(
        history.filter(({ action }) => action === 'SUBMIT_MILESTONE').map(({ by }) => by),
      );
      const deciders = history.filter(
        ({ action }) => action === 'APPROVE' || action === 'REQUEST_CHANGES',
      );
      expect(deciders.filter(({ by }) => submitters.has(by))).toEqual([]);
    }
  });

  it("puts Kenya's and the Philippines' milestones in their reviewers' queues, and Uzbekistan on hold", async () => {
    for (const [state, reviewer] of [
      ['KE', 'reviewer-2'],
      ['PH', 'reviewer-4'],
    ] as const) {
      const requestId = statusOf(state).pendingReview?.reviewRequestId;
      const mine = reviewQueue(await get(reviewer, '/reviews?mine=true'));
      expect(mine.find(({ reviewRequestId }) => reviewRequestId === requestId)).toMatchObject({
        status: 'OPEN',
      });
    }
    const uzbekistan = statusOf('UZ');
    const holds = holdList(
      await get('reviewer-3', `/engagements/${uzbekistan.engagementId}/holds`),
    );
    expect(holds.map(({ id, status }) => `${id} ${status}`)).toEqual([
      `${uzbekistan.humanRightsHold?.holdId} OPEN`,
    ]);
    expect(uzbekistan.history.at(-1)).toMatchObject({ action: 'SUSPEND', by: 'reviewer-4' });
  });

  it("runs Iraq's courses: the delivered one closed, the next one scheduled", async () => {
    const iraq = await waitFor(
      async () => {
        const status = engagementView(
          await get('officer-iq-1', `/engagements/engagement-IQ-${cycle}`),
        );
        return status.trainingCourses.every(({ status: course }) => course !== 'IN_PROGRESS') &&
          status.trainingCourses.some(({ status: course }) => course === 'DELIVERED')
          ? status
          : undefined;
      },
      { what: "Iraq's delivered course", timeoutMs: 30_000, intervalMs: 250 },
    );
    // the second course waits for its dates: scheduled, or (a cycle in the past) awaiting delivery
    expect(iraq.trainingCourses.map(({ courseId, status }) => `${courseId} ${status}`)).toEqual([
      `cryptocurrency-investigations-${cycle}-1 DELIVERED`,
      expect.stringMatching(
        new RegExp(`^darknet-intermediate-${cycle}-1 (SCHEDULED|AWAITING_DELIVERY)$`),
      ),
    ]);
    expect(iraq.indicators.investigatorsTrained).toEqual({
      women: 4,
      men: 15,
      undisclosed: 0,
      total: 19,
    });
  });

  it("counts Tajikistan's completion in the programme manager's indicators", async () => {
    const tajikistan = statusOf('TJ');
    expect(tajikistan.indicators).toEqual({
      investigatorsTrained: { women: 18, men: 36, undisclosed: 1, total: 55 },
      womenShareInPolicyDesign: 0.31,
      recommendationsActedOn: 3,
      strategyAdopted: true,
      publicPrivateMechanism: true,
    });
    const expected = {
      engagements: tajikBefore.engagements + 1,
      strategyAdopted: 1,
      recommendations: tajikBefore.recommendations + 3,
      trained: {
        women: tajikBefore.trained.women + 18,
        men: tajikBefore.trained.men + 36,
        undisclosed: tajikBefore.trained.undisclosed + 1,
      },
      publicPrivateMechanism: 1,
    };
    // the compliance service counts from the engagement's events: eventually
    const reached = await waitFor(
      async () => {
        const now = await tajikFigures();
        return JSON.stringify(now) === JSON.stringify(expected) ? now : undefined;
      },
      { what: "Tajikistan's completion in the indicators", timeoutMs: 30_000, intervalMs: 250 },
    ).catch(() => undefined);
    expect(reached ?? (await tajikFigures())).toEqual(expected);
  });

  it('finds everything there when run again, and changes nothing', async () => {
    const tajikAfterFirst = await tajikFigures();
    const again = await seedDemoProgramme({ cycle });
    expect(
      again.results.map((result) =>
        result.ok ? `${result.engagementId} ${result.outcome} ${result.stepsTaken}` : result.error,
      ),
    ).toEqual(
      scenarios.map(({ partnerState }) => `engagement-${partnerState}-${cycle} ALREADY_THERE 0`),
    );
    for (const { partnerState, team } of scenarios) {
      const now = engagementView(
        await get(team.officer, `/engagements/engagement-${partnerState}-${cycle}`),
      );
      expect({ partnerState, history: now.history.length, state: now.state }).toEqual({
        partnerState,
        history: statusOf(partnerState).history.length,
        state: statusOf(partnerState).state,
      });
    }
    expect(await tajikFigures()).toEqual(tajikAfterFirst);
  });
});
