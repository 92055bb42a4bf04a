import { describe, expect, it } from '@jest/globals';
import { signInGuide, stateLine, type SeededState, type StateResult } from './demo-report.ts';
import type { EngagementView } from './demo-responses.ts';
import { demoScenarios, type DemoScenario } from './demo-scenarios.ts';

const scenarios = demoScenarios(2026);
const scenario = (state: string) =>
  scenarios.find(({ partnerState }) => partnerState === state) as DemoScenario;

function status(overrides: Partial<EngagementView>): EngagementView {
  return {
    engagementId: 'engagement-KE-2026',
    partnerState: 'KE',
    cycle: 2026,
    stage: 'KICK_OFF',
    state: 'ACTIVE',
    pending: null,
    pendingReview: null,
    openFindings: [],
    history: [],
    trainingCourses: [],
    indicators: {
      investigatorsTrained: { women: 0, men: 0, undisclosed: 0, total: 0 },
      recommendationsActedOn: 0,
      strategyAdopted: false,
      publicPrivateMechanism: false,
      womenShareInPolicyDesign: null,
    },
    humanRightsHold: null,
    ...overrides,
  };
}

function seeded(
  state: string,
  view: Partial<EngagementView>,
  overrides: Partial<SeededState> = {},
): SeededState {
  const found = scenario(state);
  return {
    ok: true,
    scenario: found,
    engagementId: `engagement-${state}-2026`,
    outcome: 'CREATED',
    stepsTaken: found.steps.length,
    status: status({ ...found.leftAt, ...view }),
    ...overrides,
  };
}

const awaitingReview = {
  pending: { on: 'COMPLIANCE_REVIEWER' as const, what: 'review the kick-off milestone' },
  pendingReview: { reviewRequestId: 'engagement-KE-2026/3', submittedBy: 'officer-ke-1' },
};

describe('the line for a partner state', () => {
  it('says where the engagement was left, whose move it is, and what the run did', () => {
    expect(stateLine(seeded('KE', awaitingReview))).toBe(
      "Kenya        engagement-KE-2026  kick-off, awaiting review: the kick-off report submitted, in the reviewers' queue. Next: reviewer-1 or reviewer-2 (compliance reviewer) to review the kick-off milestone. [seeded now, 3 steps]",
    );
    expect(
      stateLine(
        seeded(
          'GH',
          {
            pending: {
              on: 'PROGRAMME_OFFICER',
              what: 'record the kick-off work and submit its milestone',
            },
          },
          { outcome: 'ALREADY_THERE', stepsTaken: 0 },
        ),
      ),
    ).toMatch(
      /Next: officer-gh-1 \(programme officer\) to record the kick-off work and submit its milestone\. \[already there, nothing changed\]$/,
    );
  });

  it('says a completed engagement is nobody’s move and counts in the results', () => {
    expect(stateLine(seeded('TJ', {}, { outcome: 'CONTINUED', stepsTaken: 4 }))).toBe(
      "Tajikistan   engagement-TJ-2026  completed: a national strategy adopted, 55 investigators trained. Nobody's move: it counts in the programme's results (manager-1). [finished now, 4 of 16 steps; the others were there]",
    );
  });

  it('says where an engagement went when people moved it on since the demo left it', () => {
    const line = stateLine(
      seeded(
        'KE',
        {
          stage: 'NEEDS_ASSESSMENT',
          state: 'ACTIVE',
          pending: {
            on: 'PROGRAMME_OFFICER',
            what: 'record the needs assessment work and submit its milestone',
          },
        },
        { outcome: 'MOVED_ON', stepsTaken: 0 },
      ),
    );
    expect(line).toContain(
      'needs assessment, active (the demo left it at kick-off, awaiting review).',
    );
    expect(line).toContain('[already there and moved on since, left as it is]');
  });

  it('names the failed step and the problem', () => {
    const failed: StateResult = {
      ok: false,
      scenario: scenario('IQ'),
      engagementId: 'engagement-IQ-2026',
      error: 'Iraq, step 9 of 9 (officer-iq-1 records …): the API answered 400 …',
    };
    expect(stateLine(failed)).toBe(
      'Iraq         engagement-IQ-2026  FAILED: Iraq, step 9 of 9 (officer-iq-1 records …): the API answered 400 …',
    );
  });
});

describe('the sign-in guide', () => {
  it('names, for each role, who to sign in as and what waits on them', () => {
    const officerMove = (what: string) => ({ pending: { on: 'PROGRAMME_OFFICER' as const, what } });
    const results: StateResult[] = [
      seeded('GH', officerMove('record the kick-off work and submit its milestone')),
      seeded('IQ', officerMove('record the tailored training work and submit its milestone')),
      seeded('KE', awaitingReview),
      seeded('NG', officerMove('answer the review findings')),
      seeded('PH', {
        pending: { on: 'COMPLIANCE_REVIEWER', what: 'review the strategy adoption milestone' },
        pendingReview: { reviewRequestId: 'engagement-PH-2026/40', submittedBy: 'officer-ph-1' },
      }),
      seeded('TJ', {}),
      seeded('UZ', {
        pending: {
          on: 'COMPLIANCE_REVIEWER',
          what: 'lift the human-rights hold once the concern is resolved',
        },
      }),
    ];
    expect(signInGuide(results, 'http://127.0.0.1:53000/console/')).toEqual([
      'Sign in at http://127.0.0.1:53000/console/ as a demo user (local only; never real people):',
      '  programme officer    officer-gh-1 (Ghana), officer-iq-1 (Iraq), officer-ng-1 (Nigeria) have a move to make; officer-ke-1, officer-ph-1, officer-tj-1, officer-uz-1 wait on others',
      '  compliance reviewer  reviewer-1 or reviewer-2 (Kenya); reviewer-3 or reviewer-4 (Philippines, Uzbekistan)',
      '  programme manager    manager-1: the results dashboard (Tajikistan completed); suspend, resume or cancel any engagement',
      "  operator             operator-1: every engagement's workflow, dead letters, consumer lag",
    ]);
  });

  it('sends the manager to a suspended engagement that waits on them', () => {
    const guide = signInGuide(
      [
        seeded('UZ', {
          pending: { on: 'PROGRAMME_MANAGER', what: 'resume or cancel the suspended engagement' },
        }),
      ],
      '/console/',
    );
    expect(guide[3]).toBe(
      '  programme manager    manager-1: the results dashboard; resume or cancel Uzbekistan',
    );
    expect(guide[2]).toBe('  compliance reviewer  nothing waits on a reviewer');
  });
});
