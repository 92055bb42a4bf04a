import { describe, expect, it } from '@jest/globals';
import { retryAfterMs } from './demo-gateway.ts';
import { parseArguments } from './demo-programme.ts';
import {
  accessToken,
  engagementView,
  holdList,
  problemWords,
  reviewDetail,
  reviewQueue,
  UnexpectedAnswerError,
} from './demo-responses.ts';

const status = {
  engagementId: 'engagement-NG-2026',
  partnerState: 'NG',
  cycle: 2026,
  stage: 'NEEDS_ASSESSMENT',
  state: 'CHANGES_REQUESTED',
  position: { stage: 'NEEDS_ASSESSMENT', state: 'CHANGES_REQUESTED' },
  pending: {
    on: 'PROGRAMME_OFFICER',
    what: 'answer the review findings',
    since: '2026-11-23T10:00:00.000Z',
  },
  pendingReview: null,
  openFindings: [{ criterionId: 'DATA_PROTECTION_ASSESSMENT', text: 'Attach it.' }],
  history: [
    { at: '2026-11-23T09:00:00.000Z', by: 'officer-ng-1', action: 'OPEN', from: {}, to: {} },
    {
      at: '2026-11-23T09:01:00.000Z',
      by: 'officer-ng-1',
      action: 'RECORD_WORK',
      note: 'KICK_OFF_REPORT',
      from: {},
      to: {},
    },
  ],
  trainingCourses: [],
  indicators: {
    investigatorsTrained: { women: 0, men: 0, undisclosed: 0, total: 0 },
    womenShareInPolicyDesign: null,
    recommendationsActedOn: 0,
    strategyAdopted: false,
    publicPrivateMechanism: false,
  },
  humanRightsHold: null,
  record: { trainingDeliveries: [] },
};

describe('reading the answers', () => {
  it('takes an engagement status with what the demo relies on', () => {
    expect(engagementView(status)).toBe(status);
  });

  it('refuses another shape, naming every field at fault', () => {
    const broken = {
      ...status,
      stage: 'SOMEWHERE',
      pending: { on: 'NOBODY' },
      history: [{ action: 'OPEN' }],
      indicators: { investigatorsTrained: {} },
    };
    expect(() => engagementView(broken)).toThrow(UnexpectedAnswerError);
    expect(() => engagementView(broken)).toThrow(
      /the API's engagement status is not as expected: stage is "SOMEWHERE"; pending.on is "NOBODY"; pending.what is missing; history.0.by is missing; indicators.recommendationsActedOn is missing/,
    );
    expect(() => engagementView('<html>')).toThrow(/the body is not an object/);
  });

  it('takes reviews, a review with its checklist, holds and a token', () => {
    const review = {
      id: 'r1',
      reviewRequestId: 'engagement-KE-2026/3',
      engagementId: 'engagement-KE-2026',
      status: 'OPEN',
      checklist: [{ criterionId: 'HRDD_RISK_ASSESSMENT' }],
    };
    expect(reviewQueue([review])).toEqual([review]);
    expect(reviewDetail(review)).toBe(review);
    expect(() => reviewDetail({ ...review, checklist: [] })).toThrow(/checklist is empty/);
    expect(() => reviewQueue({ reviews: [] })).toThrow(/the body is not a list/);
    expect(holdList([{ id: 'h1', status: 'OPEN', concern: 'x' }])).toHaveLength(1);
    expect(() => holdList([{ id: 'h1', status: 'MAYBE' }])).toThrow(/0.status is "MAYBE"/);
    expect(accessToken({ accessToken: 'eyJ' })).toBe('eyJ');
    expect(() => accessToken({})).toThrow(/accessToken is missing/);
  });
});

describe('problemWords', () => {
  it("puts the gateway's problem in one line: status, title, detail, code and the fields", () => {
    expect(
      problemWords(400, {
        type: 'urn:cttech:problem:invalid-submission',
        title: 'The engagement refused the input',
        status: 400,
        detail: 'the submission is not valid',
        code: 'INVALID_SUBMISSION',
        errors: [
          {
            field: 'assistancePlan.periodEnd',
            message: 'must be on or after assistancePlan.periodStart',
          },
        ],
        correlationId: 'c-1',
      }),
    ).toBe(
      '400 The engagement refused the input: the submission is not valid [INVALID_SUBMISSION] (assistancePlan.periodEnd must be on or after assistancePlan.periodStart) correlation id c-1',
    );
    // the workflow's refusals name the fields in the detail already: not twice
    expect(
      problemWords(400, {
        title: 'The request is not valid',
        detail: 'the submission has 1 problem: stakeholders must have at least 1 entry',
        errors: [{ field: 'stakeholders', message: 'must have at least 1 entry' }],
      }),
    ).toBe(
      '400 The request is not valid: the submission has 1 problem: stakeholders must have at least 1 entry',
    );
    expect(problemWords(502, 'Bad Gateway')).toBe('502 Bad Gateway');
    expect(problemWords(500, '')).toBe('500');
  });
});

describe('the rate limit wait', () => {
  it('follows Retry-After in seconds or as a date, within 1 to 60 s', () => {
    expect(retryAfterMs('7')).toBe(7_000);
    expect(retryAfterMs('0')).toBe(1_000);
    expect(retryAfterMs('3600')).toBe(60_000);
    expect(retryAfterMs(new Date(10_000 + 20_000).toUTCString(), 10_000)).toBe(20_000);
    expect(retryAfterMs(null)).toBe(5_000);
  });
});

describe('the command line', () => {
  it('takes a cycle, a gateway and --verbose; refuses anything else, saying why', () => {
    expect(parseArguments([])).toMatchObject({ cycle: 2026, verbose: false });
    expect(parseArguments(['--cycle', '2031', '--gateway', 'http://localhost:9', '-v'])).toEqual({
      cycle: 2031,
      gateway: 'http://localhost:9',
      verbose: true,
    });
    expect(parseArguments(['--help'])).toBe('help');
    expect(parseArguments(['--cycle', '31'])).toEqual({
      error: '--cycle takes a year from 2000 to 2100, not 31',
    });
    expect(parseArguments(['--cycle'])).toEqual({
      error: '--cycle takes a year from 2000 to 2100, not nothing',
    });
    expect(parseArguments(['--force'])).toEqual({ error: 'unknown argument --force' });
  });
});
