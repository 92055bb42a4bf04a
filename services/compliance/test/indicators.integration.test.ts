import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EngagementEvent } from '@cttech/contracts';
import { openTestSuite, waitFor, type TestSuite } from '@cttech/testing';
import { openComplianceHarness, type ComplianceHarness } from './compliance-harness.ts';
import type { IndicatorFigure, ProgrammeResults } from '../src/indicators/programme-results.ts';

type Delivered = EngagementEvent<'activities.training-delivered'>;

const engagement = (partnerState: string) => ({
  engagementId: `engagement-${partnerState}-2027`,
  partnerState,
  cycle: 2027,
  version: 1,
});

let sequence = 0;
function event<Type extends EngagementEvent['type']>(
  partnerState: string,
  type: Type,
  data: EngagementEvent<Type>['data'],
  occurredAt: string,
): EngagementEvent<Type> {
  sequence += 1;
  const header = engagement(partnerState);
  return {
    ...header,
    id: `${header.engagementId}/${sequence}`,
    type,
    data,
    occurredAt,
  };
}

function delivered(
  partnerState: string,
  courseId: string,
  attendance: { women: number; men: number; undisclosed: number },
  occurredAt: string,
  humanRightsModuleDelivered = true,
): Delivered {
  sequence += 1;
  return {
    ...engagement(partnerState),
    id: `delivery-${sequence}`,
    type: 'activities.training-delivered',
    occurredAt,
    data: {
      deliveredBy: `officer-${partnerState.toLowerCase()}-1`,
      delivery: { courseId, attendance, humanRightsModuleDelivered },
    },
  };
}

const figure = (figures: readonly IndicatorFigure[] | undefined, indicator: string) =>
  figures?.find((candidate) => candidate.indicator === indicator);

describe('the programme indicators from the engagement and activity events', () => {
  let suite: TestSuite;
  let service: ComplianceHarness;
  let activityEvents = 0;

  beforeAll(async () => {
    suite = openTestSuite('compliance indicators');
    service = await openComplianceHarness(suite);

    const kenyaOsint = delivered(
      'KE',
      'osint-nairobi-1',
      { women: 10, men: 20, undisclosed: 2 },
      '2027-03-01T10:00:00.000Z',
    );
    const kenyaCrypto = delivered(
      'KE',
      'crypto-nairobi-1',
      { women: 3, men: 4, undisclosed: 0 },
      '2027-03-10T10:00:00.000Z',
      false,
    );
    const kenyaCryptoAgain = delivered(
      'KE',
      'crypto-nairobi-1',
      { women: 5, men: 6, undisclosed: 1 },
      '2027-03-12T10:00:00.000Z',
    );
    // an older recording of the same course, arriving late: it replaces nothing
    const kenyaCryptoStale = delivered(
      'KE',
      'crypto-nairobi-1',
      { women: 30, men: 30, undisclosed: 0 },
      '2027-03-11T10:00:00.000Z',
    );
    const nigeriaDarknet = delivered(
      'NG',
      'darknet-abuja-1',
      { women: 4, men: 8, undisclosed: 0 },
      '2027-04-01T10:00:00.000Z',
      false,
    );
    const due = '2027-06-01T10:00:00.000Z';
    const advanced = (fromStage: string, toStage: string, at: string) =>
      event(
        'KE',
        'engagement.stage-advanced',
        {
          reviewRequestId: `engagement-KE-2027/${fromStage}`,
          decisionId: `decision-${fromStage}`,
          fromStage,
          toStage,
          decidedBy: 'reviewer-1',
          stageDueAt: toStage === 'COMPLETED' ? null : due,
        } as EngagementEvent<'engagement.stage-advanced'>['data'],
        at,
      );
    await service.publish(
      event(
        'KE',
        'engagement.opened',
        { openedBy: 'officer-ke-1', stageDueAt: due },
        '2027-01-05T10:00:00.000Z',
      ),
      advanced('KICK_OFF', 'NEEDS_ASSESSMENT', '2027-01-20T10:00:00.000Z'),
      advanced('NEEDS_ASSESSMENT', 'TAILORED_TRAINING', '2027-02-01T10:00:00.000Z'),
      advanced('TAILORED_TRAINING', 'STRATEGY_ADOPTION', '2027-04-01T10:00:00.000Z'),
      advanced('STRATEGY_ADOPTION', 'COMPLETED', '2027-06-01T10:00:00.000Z'),
      event(
        'KE',
        'engagement.strategy-adopted',
        {
          instrumentType: 'ACTION_PLAN',
          adoptionDate: '2027-05-20',
          recommendationsActedOn: 2,
          womenShareInPolicyDesign: 0.35,
          publicPrivateMechanism: true,
        },
        '2027-06-01T10:00:00.000Z',
      ),
      event(
        'KE',
        'engagement.completed',
        { investigatorsTrained: 44, strategyAdopted: true },
        '2027-06-01T10:00:00.000Z',
      ),
      event(
        'NG',
        'engagement.opened',
        { openedBy: 'officer-ng-1', stageDueAt: due },
        '2027-01-06T10:00:00.000Z',
      ),
    );
    // a duplicate delivery of the same event, a course recorded again, a stale recording
    const activities = [
      kenyaOsint,
      kenyaOsint,
      kenyaCrypto,
      kenyaCryptoAgain,
      kenyaCryptoStale,
      nigeriaDarknet,
    ];
    activityEvents = new Set(activities.map((a) => a.id)).size;
    await service.publishActivity(...activities);
    await waitFor(
      async () =>
        (await service.database.inboxEvent.count({
          where: { consumer: { endsWith: '.activities' } },
        })) === activityEvents &&
        (await service.database.indicatorEngagement.count({ where: { completed: true } })) === 1 &&
        (await service.database.indicatorEngagement.count()) === 2,
      { what: 'the activity events and engagement events applied' },
    );
  });

  afterAll(async () => {
    await service?.close();
    await suite.close();
  });

  async function get(url: string, as?: string) {
    const response = await service.app.inject({
      method: 'GET',
      url,
      headers: as ? { authorization: `Bearer ${await service.token(as)}` } : {},
    });
    return { status: response.statusCode, headers: response.headers, body: response.body };
  }

  it('keeps the signed-off adoption’s instrument and day; nothing for an engagement without one', async () => {
    expect(
      await service.database.indicatorEngagement.findMany({
        orderBy: { engagementId: 'asc' },
        select: { engagementId: true, instrumentType: true, adoptionDate: true },
      }),
    ).toEqual([
      {
        engagementId: 'engagement-KE-2027',
        instrumentType: 'ACTION_PLAN',
        adoptionDate: new Date('2027-05-20T00:00:00.000Z'),
      },
      { engagementId: 'engagement-NG-2027', instrumentType: null, adoptionDate: null },
    ]);
  });

  it('keeps each engagement and each course once, the latest recording of a course', async () => {
    expect(
      await service.database.indicatorEngagement.findMany({
        orderBy: { engagementId: 'asc' },
        select: { engagementId: true, stage: true, completed: true, strategyAdopted: true },
      }),
    ).toEqual([
      {
        engagementId: 'engagement-KE-2027',
        stage: 'COMPLETED',
        completed: true,
        strategyAdopted: true,
      },
      {
        engagementId: 'engagement-NG-2027',
        stage: 'KICK_OFF',
        completed: false,
        strategyAdopted: false,
      },
    ]);
    expect(
      await service.database.indicatorTrainingDelivery.findMany({
        orderBy: { courseId: 'asc' },
        select: {
          courseId: true,
          women: true,
          men: true,
          undisclosed: true,
          humanRightsModuleDelivered: true,
        },
      }),
    ).toEqual([
      {
        courseId: 'crypto-nairobi-1',
        women: 5,
        men: 6,
        undisclosed: 1,
        humanRightsModuleDelivered: true,
      },
      {
        courseId: 'darknet-abuja-1',
        women: 4,
        men: 8,
        undisclosed: 0,
        humanRightsModuleDelivered: false,
      },
      {
        courseId: 'osint-nairobi-1',
        women: 10,
        men: 20,
        undisclosed: 2,
        humanRightsModuleDelivered: true,
      },
    ]);
  });

  it('shows the programme manager every partner state and the programme totals', async () => {
    const response = await get('/indicators', 'manager-1');
    expect(response.status).toBe(200);
    const results = JSON.parse(response.body) as ProgrammeResults;
    expect(results.partnerStates.map((state) => state.partnerState)).toEqual(['KE', 'NG']);
    const [kenya, nigeria] = results.partnerStates;
    expect(figure(kenya?.indicators, 'INVESTIGATORS_TRAINED')).toMatchObject({
      value: 44,
      target: 40,
      met: true,
      bySex: { women: 15, men: 26, undisclosed: 3, total: 44 },
    });
    expect(figure(kenya?.indicators, 'STRATEGIES_ADOPTED')).toMatchObject({ value: 1, met: true });
    expect(figure(nigeria?.indicators, 'INVESTIGATORS_TRAINED')).toMatchObject({
      value: 12,
      met: false,
    });
    expect(figure(nigeria?.indicators, 'COURSES_WITH_HUMAN_RIGHTS_MODULE')).toMatchObject({
      value: 0,
      target: 1,
      met: false,
    });
    expect(results.total.partnerStates).toBe(2);
    expect(figure(results.total.indicators, 'INVESTIGATORS_TRAINED')).toMatchObject({
      value: 56,
      target: 40,
      met: false,
      statesMeetingTarget: 1,
      bySex: { women: 19, men: 34, undisclosed: 3, total: 56 },
    });
    expect(figure(results.total.indicators, 'STRATEGIES_ADOPTED')).toMatchObject({
      value: 1,
      target: 5,
      met: false,
    });
    // from Kenya's signed-off strategy adoption; Nigeria has none yet
    expect(figure(kenya?.indicators, 'RECOMMENDATIONS_ACTED_ON')).toMatchObject({
      value: 2,
      met: true,
    });
    expect(figure(kenya?.indicators, 'PUBLIC_PRIVATE_MECHANISMS')).toMatchObject({
      value: 1,
      met: true,
    });
    expect(figure(nigeria?.indicators, 'WOMEN_IN_POLICY_DESIGN')).toMatchObject({
      value: null,
      met: null,
      reason: 'no strategy adoption has been signed off yet',
    });
    expect(figure(results.total.indicators, 'WOMEN_IN_POLICY_DESIGN')).toMatchObject({
      value: 0.35,
      target: 0.2,
      met: false,
      statesMeetingTarget: 1,
    });
    expect(results.strategyAdoptions).toEqual([
      {
        engagementId: 'engagement-KE-2027',
        partnerState: 'KE',
        cycle: 2027,
        instrumentType: 'ACTION_PLAN',
        adoptionDate: '2027-05-20',
      },
    ]);

    const operator = await get('/indicators', 'operator-1');
    expect(operator.status).toBe(200);
    expect(JSON.parse(operator.body)).toEqual(results);
  });

  it('shows a reviewer of one partner state only that state, in the figures and the totals', async () => {
    const response = await get('/indicators', 'reviewer-2');
    expect(response.status).toBe(200);
    const results = JSON.parse(response.body) as ProgrammeResults;
    expect(results.partnerStates.map((state) => state.partnerState)).toEqual(['KE']);
    expect(results.total.partnerStates).toBe(1);
    expect(figure(results.total.indicators, 'INVESTIGATORS_TRAINED')).toMatchObject({
      value: 44,
      met: true,
      statesMeetingTarget: 1,
    });
    expect(response.body).not.toMatch(/"NG"/);

    const csv = await get('/indicators.csv', 'reviewer-2');
    expect(csv.status).toBe(200);
    expect(csv.body).not.toMatch(/^NG,/m);
    expect(csv.body).toMatch(
      /^TOTAL,INVESTIGATORS_TRAINED,.*,44,40,PARTNER_STATE,true,1,15,26,3,\r$/m,
    );
  });

  it('gives the same figures as CSV with a header row', async () => {
    const response = await get('/indicators.csv', 'manager-1');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const lines = response.body.split('\r\n');
    expect(lines[0]).toBe(
      'scope,indicator,title,value,target,target_per,met,states_meeting_target,women,men,undisclosed,reason',
    );
    expect(lines).toContain(
      'KE,INVESTIGATORS_TRAINED,"CT investigators trained (OSINT, Darknet, cryptocurrency, AI)",44,40,PARTNER_STATE,true,,15,26,3,',
    );
    expect(lines).toContain(
      'NG,INVESTIGATORS_TRAINED,"CT investigators trained (OSINT, Darknet, cryptocurrency, AI)",12,40,PARTNER_STATE,false,,4,8,0,',
    );
    expect(lines).toContain(
      'TOTAL,INVESTIGATORS_TRAINED,"CT investigators trained (OSINT, Darknet, cryptocurrency, AI)",56,40,PARTNER_STATE,false,1,19,34,3,',
    );
    expect(lines.find((line) => line.startsWith('TOTAL,WOMEN_IN_POLICY_DESIGN,'))).toMatch(
      /,0\.35,0\.2,PARTNER_STATE,false,1,,,,$/,
    );
  });

  it('shows a programme officer their own partner states only; refuses a caller without a token', async () => {
    const officer = await get('/indicators', 'officer-ke-1');
    expect(officer.status).toBe(200);
    const results = JSON.parse(officer.body) as ProgrammeResults;
    expect(results.partnerStates.map(({ partnerState }) => partnerState)).toEqual(['KE']);
    expect(results.strategyAdoptions.map(({ partnerState }) => partnerState)).toEqual(['KE']);
    const nigeria = JSON.parse((await get('/indicators', 'officer-ng-1')).body) as ProgrammeResults;
    expect(nigeria.strategyAdoptions).toEqual([]);
    expect((await get('/indicators.csv', 'officer-ng-1')).body).not.toContain('KE,');
    expect((await get('/indicators')).status).toBe(401);
  });

  it("counts a delivery as the engagement accepted it (the workflow's training.course-delivered)", async () => {
    const accepted: EngagementEvent<'training.course-delivered'> = {
      ...event(
        'NG',
        'training.course-delivered',
        {
          recordedBy: 'officer-ng-1',
          delivery: {
            courseId: 'osint-abuja-1',
            attendance: { women: 7, men: 9, undisclosed: 0 },
            humanRightsModuleDelivered: true,
          },
        },
        '2027-04-10T10:00:00.000Z',
      ),
    };
    await service.publish(accepted);
    const row = await waitFor(
      async () =>
        (await service.database.indicatorTrainingDelivery.findUnique({
          where: {
            engagementId_courseId: {
              engagementId: 'engagement-NG-2027',
              courseId: 'osint-abuja-1',
            },
          },
        })) ?? undefined,
      { what: 'the accepted delivery in the indicator facts' },
    );
    expect(row).toMatchObject({ women: 7, men: 9, undisclosed: 0, eventId: accepted.id });
    const nigeria = JSON.parse((await get('/indicators', 'officer-ng-1')).body) as ProgrammeResults;
    expect(figure(nigeria.partnerStates[0]?.indicators, 'INVESTIGATORS_TRAINED')?.value).toBe(
      12 + 16,
    );
  });

  it('puts each adoption on the timeline by its day, within the caller’s partner states only', async () => {
    // Ghana adopts a policy before Kenya's action plan; Tanzania's adoption is known only from
    // its completion (as for an adoption kept before its day was): counted, not on the timeline
    await service.publish(
      event(
        'GH',
        'engagement.opened',
        { openedBy: 'officer-gh-1', stageDueAt: '2027-06-01T10:00:00.000Z' },
        '2027-01-07T10:00:00.000Z',
      ),
      event(
        'GH',
        'engagement.strategy-adopted',
        {
          instrumentType: 'POLICY',
          adoptionDate: '2027-02-14',
          recommendationsActedOn: 1,
          womenShareInPolicyDesign: 0.25,
          publicPrivateMechanism: false,
        },
        '2027-02-20T10:00:00.000Z',
      ),
      event(
        'TZ',
        'engagement.completed',
        { investigatorsTrained: 40, strategyAdopted: true },
        '2027-03-01T10:00:00.000Z',
      ),
    );
    await waitFor(
      async () =>
        (await service.database.indicatorEngagement.count({
          where: { partnerState: { in: ['GH', 'TZ'] }, strategyAdopted: true },
        })) === 2 &&
        (await service.database.indicatorEngagement.count({
          where: { partnerState: 'GH', adoptionDate: { not: null } },
        })) === 1,
      { what: "Ghana's and Tanzania's adoptions in the indicator facts" },
    );

    const manager = JSON.parse((await get('/indicators', 'manager-1')).body) as ProgrammeResults;
    expect(manager.strategyAdoptions).toEqual([
      {
        engagementId: 'engagement-GH-2027',
        partnerState: 'GH',
        cycle: 2027,
        instrumentType: 'POLICY',
        adoptionDate: '2027-02-14',
      },
      {
        engagementId: 'engagement-KE-2027',
        partnerState: 'KE',
        cycle: 2027,
        instrumentType: 'ACTION_PLAN',
        adoptionDate: '2027-05-20',
      },
    ]);
    expect(figure(manager.total.indicators, 'STRATEGIES_ADOPTED')?.value).toBe(3);

    const kenya = await get('/indicators', 'reviewer-2');
    const scoped = JSON.parse(kenya.body) as ProgrammeResults;
    expect(scoped.strategyAdoptions.map(({ partnerState }) => partnerState)).toEqual(['KE']);
    expect(kenya.body).not.toMatch(/"GH"|"TZ"|2027-02-14/);

    const csv = await get('/indicators.csv', 'manager-1');
    expect(csv.body).not.toContain('2027-02-14');
  });
});
