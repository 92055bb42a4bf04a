// The demo programme's plan, pure data and logic (no I/O): for each of the programme's seven
// partner states, the steps the demo users take through the gateway's API and what each
// submits, and how far along an engagement already is, read from its history. The HTTP side
// is demo-programme.ts. What the steps submit and decide are @cttech/domain's types (the
// gateway validates them by its rules). Demo users and organisations only: never a person's name.

import {
  stageTitles,
  type Attendance,
  type EngagementStage,
  type EngagementState,
  type KickOffReport,
  type MilestoneStage,
  type NeedsAssessment,
  type PlannedCourse,
  type ReviewDecision,
  type ReviewFinding,
  type ReviewOutcome,
  type SubmissionByKind,
  type SubmissionKind,
} from '@cttech/domain';

/** The partner states of CT TECH+ kick-offs (the product brief), by ISO 3166-1 alpha-2 code. */
export const demoPartnerStates = ['GH', 'IQ', 'KE', 'NG', 'PH', 'TJ', 'UZ'] as const;
export type DemoPartnerState = (typeof demoPartnerStates)[number];

/**
 * The demo's programme cycle: the current programme year. Engagement ids are
 * `engagement-<state>-<cycle>`, so a second run finds the same engagements. The end-to-end
 * tests pick their cycles at random and take only an engagement that is fresh (opened and
 * nothing else), which a demo engagement never is.
 */
export const demoCycle = 2026;

/** The programme manager and the operator of the demo (the whole programme). */
export const demoManager = 'manager-1';
export const demoOperator = 'operator-1';

// --- what the API answers that @cttech/domain does not define ------------------------------

/** Whose move it is, as the engagement's status names it (the workflow's roles). */
export const pendingRoles = [
  'PROGRAMME_OFFICER',
  'COMPLIANCE_REVIEWER',
  'PROGRAMME_MANAGER',
] as const;
export type PendingRole = (typeof pendingRoles)[number];

// --- the steps ------------------------------------------------------------------------------

/** Opens the engagement (POST /engagements). */
export interface OpenStep {
  readonly kind: 'OPEN';
  readonly as: string;
}

/** Records a piece of the stage's work (PUT /engagements/:id/submissions/:kind). */
export type RecordStep = {
  readonly [Kind in SubmissionKind]: {
    readonly kind: 'RECORD';
    readonly as: string;
    readonly submissionKind: Kind;
    readonly submission: SubmissionByKind[Kind];
  };
}[SubmissionKind];

/** Submits the stage's milestone (POST /engagements/:id/milestone), answering open findings. */
export interface SubmitStep {
  readonly kind: 'SUBMIT';
  readonly as: string;
  readonly stage: MilestoneStage;
  readonly findingResponses?: readonly { readonly finding: number; readonly response: string }[];
}

/** A compliance reviewer decides the pending review (POST /reviews/:id/decision). */
export interface DecideStep {
  readonly kind: 'DECIDE';
  readonly as: string;
  readonly stage: MilestoneStage;
  readonly outcome: ReviewOutcome;
  /** Criteria answered NOT_MET, each with the reviewer's comment; every other one is MET. */
  readonly notMet?: readonly { readonly criterionId: string; readonly comment: string }[];
  readonly findings?: readonly ReviewFinding[];
}

/** A compliance reviewer puts the engagement on hold for a human-rights concern. */
export interface HoldStep {
  readonly kind: 'HOLD';
  readonly as: string;
  readonly concern: string;
}

export type DemoStep = OpenStep | RecordStep | SubmitStep | DecideStep | HoldStep;

/** Who works on a partner state's engagement in the demo. */
export interface DemoTeam {
  readonly officer: string;
  /** Every demo reviewer who may decide the state's reviews (at least two: four eyes). */
  readonly reviewers: readonly string[];
}

/** One partner state's engagement in the demo: its team, its steps and where they leave it. */
export interface DemoScenario {
  readonly partnerState: DemoPartnerState;
  readonly name: string;
  readonly team: DemoTeam;
  /** Where the steps leave the engagement. */
  readonly leftAt: { readonly stage: EngagementStage; readonly state: EngagementState };
  /** What the steps leave, in words, for the summary line. */
  readonly story: string;
  readonly steps: readonly DemoStep[];
}

// --- the scenarios ----------------------------------------------------------------------------

const teams: Readonly<Record<DemoPartnerState, DemoTeam>> = {
  GH: { officer: 'officer-gh-1', reviewers: ['reviewer-3', 'reviewer-4'] },
  IQ: { officer: 'officer-iq-1', reviewers: ['reviewer-3', 'reviewer-4'] },
  KE: { officer: 'officer-ke-1', reviewers: ['reviewer-1', 'reviewer-2'] },
  NG: { officer: 'officer-ng-1', reviewers: ['reviewer-1', 'reviewer-3'] },
  PH: { officer: 'officer-ph-1', reviewers: ['reviewer-3', 'reviewer-4'] },
  TJ: { officer: 'officer-tj-1', reviewers: ['reviewer-3', 'reviewer-4'] },
  UZ: { officer: 'officer-uz-1', reviewers: ['reviewer-3', 'reviewer-4'] },
};

export const partnerStateNames: Readonly<Record<DemoPartnerState, string>> = {
  GH: 'Ghana',
  IQ: 'Iraq',
  KE: 'Kenya',
  NG: 'Nigeria',
  PH: 'Philippines',
  TJ: 'Tajikistan',
  UZ: 'Uzbekistan',
};

/** `engagement-<state>-<cycle>`: the engagement's id (the workflow id). */
export function engagementIdOf(partnerState: string, cycle: number): string {
  return `engagement-${partnerState}-${cycle}`;
}

function record<Kind extends SubmissionKind>(
  as: string,
  submissionKind: Kind,
  submission: SubmissionByKind[Kind],
): RecordStep {
  return { kind: 'RECORD', as, submissionKind, submission } as RecordStep;
}

const approve = (as: string, stage: MilestoneStage): DecideStep => ({
  kind: 'DECIDE',
  as,
  stage,
  outcome: 'APPROVED',
});

/** The kick-off signed off, the needs assessment recorded and signed off. */
function throughNeedsAssessment(
  team: DemoTeam,
  kickOff: KickOffReport,
  assessment: NeedsAssessment,
  [kickOffReviewer, assessmentReviewer]: readonly [string, string],
): DemoStep[] {
  const { officer } = team;
  return [
    { kind: 'OPEN', as: officer },
    record(officer, 'KICK_OFF_REPORT', kickOff),
    { kind: 'SUBMIT', as: officer, stage: 'KICK_OFF' },
    approve(kickOffReviewer, 'KICK_OFF'),
    record(officer, 'NEEDS_ASSESSMENT', assessment),
    { kind: 'SUBMIT', as: officer, stage: 'NEEDS_ASSESSMENT' },
    approve(assessmentReviewer, 'NEEDS_ASSESSMENT'),
  ];
}

/** Calendar dates of the cycle's year (and the next), 'YYYY-MM-DD'. */
function dates(cycle: number) {
  return {
    inCycle: (monthDay: string) => `${cycle}-${monthDay}`,
    nextYear: (monthDay: string) => `${cycle + 1}-${monthDay}`,
  };
}

function ghana(cycle: number): DemoScenario {
  const team = teams.GH;
  const { inCycle, nextYear } = dates(cycle);
  return {
    partnerState: 'GH',
    name: partnerStateNames.GH,
    team,
    leftAt: { stage: 'KICK_OFF', state: 'ACTIVE' },
    story: 'a draft kick-off report recorded, not submitted yet',
    steps: [
      { kind: 'OPEN', as: team.officer },
      record(team.officer, 'KICK_OFF_REPORT', {
        stakeholders: [
          {
            agency: 'CT_POLICE_UNIT',
            organisation: 'Counter-terrorism unit of the national police',
            contribution: 'Lead agency for online investigations',
          },
          {
            agency: 'FINANCIAL_INTELLIGENCE_UNIT',
            organisation: 'Financial Intelligence Centre',
            contribution: 'Suspicious virtual-asset transaction reports',
          },
          { agency: 'MINISTRY', organisation: 'Ministry of National Security' },
          { agency: 'OTHER', organisation: 'Gender desk of the police service' },
        ],
        needsIdentified: [
          'Open-source intelligence on social media platforms',
          'Tracing virtual assets used to finance terrorism',
        ],
        assistancePlan: {
          summary:
            'Online basic courses for the counter-terrorism and financial intelligence units, then an in-person OSINT course in the capital.',
          periodStart: inCycle('09-01'),
          periodEnd: nextYear('12-15'),
          plannedOutputs: [
            'National workshop on readiness held',
            '40 investigators trained',
            'Draft action plan on new technologies',
          ],
        },
      }),
    ],
  };
}

function kenya(cycle: number): DemoScenario {
  const team = teams.KE;
  const { inCycle, nextYear } = dates(cycle);
  return {
    partnerState: 'KE',
    name: partnerStateNames.KE,
    team,
    leftAt: { stage: 'KICK_OFF', state: 'AWAITING_REVIEW' },
    story: "the kick-off report submitted, in the reviewers' queue",
    steps: [
      { kind: 'OPEN', as: team.officer },
      record(team.officer, 'KICK_OFF_REPORT', {
        stakeholders: [
          {
            agency: 'CT_POLICE_UNIT',
            organisation: 'Anti-terrorism police unit',
            contribution: 'Darknet and social-media investigations',
          },
          {
            agency: 'PROSECUTION',
            organisation: 'Office of the public prosecutor, counter-terrorism division',
          },
          {
            agency: 'PRIVATE_SECTOR',
            organisation: 'Association of mobile-money providers',
            contribution: 'Points of contact for urgent disclosure requests',
          },
          { agency: 'OTHER', organisation: 'Network of women in law enforcement' },
        ],
        needsIdentified: [
          'Mobile-money and virtual-asset tracing',
          'Darknet marketplace investigations',
          'Handling electronic evidence for prosecution',
        ],
        assistancePlan: {
          summary:
            'Online Darknet and virtual-assets courses for all units, followed by in-person cryptocurrency investigations training with prosecutors.',
          periodStart: inCycle('10-01'),
          periodEnd: nextYear('09-30'),
          plannedOutputs: ['National workshop held', '40 investigators trained'],
        },
      }),
      { kind: 'SUBMIT', as: team.officer, stage: 'KICK_OFF' },
    ],
  };
}

function nigeria(cycle: number): DemoScenario {
  const team = teams.NG;
  const { inCycle, nextYear } = dates(cycle);
  const [kickOffReviewer = '', assessmentReviewer = ''] = team.reviewers;
  return {
    partnerState: 'NG',
    name: partnerStateNames.NG,
    team,
    leftAt: { stage: 'NEEDS_ASSESSMENT', state: 'CHANGES_REQUESTED' },
    story: 'the needs assessment sent back with two findings to answer',
    steps: [
      { kind: 'OPEN', as: team.officer },
      record(team.officer, 'KICK_OFF_REPORT', {
        stakeholders: [
          {
            agency: 'CT_POLICE_UNIT',
            organisation: 'Counter-terrorism department of the police force',
          },
          {
            agency: 'FINANCIAL_INTELLIGENCE_UNIT',
            organisation: 'Financial intelligence unit',
            contribution: 'Virtual-asset service provider supervision',
          },
          { agency: 'PROSECUTION', organisation: 'Federal prosecution service' },
          { agency: 'MINISTRY', organisation: 'Ministry of Justice' },
          { agency: 'OTHER', organisation: "Women's rights civil-society coalition" },
        ],
        needsIdentified: [
          'Investigating terrorist financing through virtual assets',
          'Open-source intelligence on encrypted messaging channels',
        ],
        assistancePlan: {
          summary:
            'A national workshop to benchmark readiness, then virtual-assets and OSINT courses for investigators and analysts.',
          periodStart: inCycle('06-01'),
          periodEnd: nextYear('06-30'),
          plannedOutputs: ['Readiness benchmark agreed', '40 investigators trained'],
        },
      }),
      { kind: 'SUBMIT', as: team.officer, stage: 'KICK_OFF' },
      approve(kickOffReviewer, 'KICK_OFF'),
      record(team.officer, 'NEEDS_ASSESSMENT', {
        pillars: {
          policy: {
            readinessScore: 2,
            evidence: 'The national CT strategy predates virtual assets.',
          },
          legal: {
            readinessScore: 3,
            evidence: 'Cybercrime law in force; virtual-asset rules in draft.',
          },
          institutional: {
            readinessScore: 3,
            evidence: 'A cybercrime unit exists but is not linked to CT investigations.',
          },
          technical: { readinessScore: 2, evidence: 'No blockchain-analysis licence.' },
        },
        gaps: [
          'No joint procedure between the CT and cybercrime units',
          'No virtual-asset tracing capability',
        ],
        trainingNeeds: [
          { course: 'VIRTUAL_ASSETS_BASIC', rank: 1 },
          { course: 'CRYPTOCURRENCY_INVESTIGATIONS', rank: 2 },
          { course: 'OSINT', rank: 3 },
        ],
      }),
      { kind: 'SUBMIT', as: team.officer, stage: 'NEEDS_ASSESSMENT' },
      {
        kind: 'DECIDE',
        as: assessmentReviewer,
        stage: 'NEEDS_ASSESSMENT',
        outcome: 'CHANGES_REQUESTED',
        notMet: [
          {
            criterionId: 'DATA_PROTECTION_ASSESSMENT',
            comment: "No data-protection assessment of the agencies' evidence handling.",
          },
          {
            criterionId: 'PARTICIPATION_BY_SEX',
            comment: 'Workshop attendance is given as a total only.',
          },
        ],
        findings: [
          {
            criterionId: 'DATA_PROTECTION_ASSESSMENT',
            text: "Attach the data-protection assessment of the cybercrime unit's handling of electronic evidence.",
          },
          {
            criterionId: 'PARTICIPATION_BY_SEX',
            text: 'Give the national workshop participation by sex (women, men, undisclosed).',
          },
        ],
      },
    ],
  };
}

function iraq(cycle: number): DemoScenario {
  const team = teams.IQ;
  const { inCycle, nextYear } = dates(cycle);
  const [first = '', second = ''] = team.reviewers;
  const cryptoCourse = `cryptocurrency-investigations-${cycle}-1`;
  return {
    partnerState: 'IQ',
    name: partnerStateNames.IQ,
    team,
    leftAt: { stage: 'TAILORED_TRAINING', state: 'ACTIVE' },
    story: 'a training plan of two courses, the cryptocurrency investigations course delivered',
    steps: [
      ...throughNeedsAssessment(
        team,
        {
          stakeholders: [
            {
              agency: 'CT_POLICE_UNIT',
              organisation: 'Counter-terrorism directorate',
              contribution: 'Investigations of online propaganda networks',
            },
            { agency: 'PROSECUTION', organisation: 'Counter-terrorism court prosecutors' },
            { agency: 'FINANCIAL_INTELLIGENCE_UNIT', organisation: 'Anti-money-laundering office' },
            { agency: 'OTHER', organisation: 'National human-rights commission' },
          ],
          needsIdentified: [
            'Cryptocurrency investigations',
            'Darknet intelligence on recruitment channels',
          ],
          assistancePlan: {
            summary:
              'In-person cryptocurrency investigations training, then online intermediate Darknet courses for analysts.',
            periodStart: inCycle('03-01'),
            periodEnd: nextYear('03-31'),
            plannedOutputs: ['40 investigators trained', 'Referral procedure with exchanges'],
          },
        },
        {
          pillars: {
            policy: { readinessScore: 2, evidence: 'No policy on virtual assets in CT cases.' },
            legal: { readinessScore: 2, evidence: 'E-evidence admissibility untested in court.' },
            institutional: {
              readinessScore: 3,
              evidence: 'A digital forensics laboratory serves several agencies.',
            },
            technical: { readinessScore: 3, evidence: 'Forensic tools in use; no chain analysis.' },
          },
          gaps: ['No cryptocurrency tracing skills', 'Darknet monitoring done ad hoc'],
          trainingNeeds: [
            { course: 'CRYPTOCURRENCY_INVESTIGATIONS', rank: 1 },
            { course: 'DARKNET_INTERMEDIATE', rank: 2 },
          ],
        },
        [second, first],
      ),
      record(team.officer, 'TRAINING_PLAN', {
        courses: [
          {
            courseId: cryptoCourse,
            course: 'CRYPTOCURRENCY_INVESTIGATIONS',
            startDate: inCycle('10-05'),
            endDate: inCycle('10-09'),
            seats: 20,
            venueOrPlatform: 'Police training academy, Baghdad',
          },
          {
            courseId: `darknet-intermediate-${cycle}-1`,
            course: 'DARKNET_INTERMEDIATE',
            startDate: nextYear('02-01'),
            endDate: nextYear('02-26'),
            seats: 30,
            venueOrPlatform: 'INTERPOL online learning platform',
          },
        ],
      }),
      record(team.officer, 'TRAINING_DELIVERY', {
        courseId: cryptoCourse,
        attendance: { women: 4, men: 15, undisclosed: 0 },
        humanRightsModuleDelivered: true,
      }),
    ],
  };
}

function philippines(cycle: number): DemoScenario {
  const team = teams.PH;
  const { officer } = team;
  const { inCycle, nextYear } = dates(cycle);
  const [first = '', second = ''] = team.reviewers;
  const kickOff: KickOffReport = {
    stakeholders: [
      {
        agency: 'CT_POLICE_UNIT',
        organisation: 'Anti-terrorism unit of the national police',
        contribution: 'Online radicalisation cases',
      },
      { agency: 'PROSECUTION', organisation: 'Department of Justice prosecutors' },
      { agency: 'MINISTRY', organisation: 'Anti-terrorism council secretariat' },
      {
        agency: 'PRIVATE_SECTOR',
        organisation: 'Telecommunications industry association',
        contribution: 'Takedown and preservation requests',
      },
      { agency: 'OTHER', organisation: 'Commission on women' },
    ],
    needsIdentified: ['Darknet investigation skills', 'AI tools for triaging online content'],
    assistancePlan: {
      summary:
        'Online Darknet courses for all regional units, then in-person AI for investigations with a data-protection module.',
      periodStart: inCycle('01-15'),
      periodEnd: nextYear('06-30'),
      plannedOutputs: ['40 investigators trained', 'National policy on new technologies'],
    },
  };
  const darknet = `darknet-basic-${cycle}-1`;
  const ai = `ai-for-investigations-${cycle}-1`;
  return {
    partnerState: 'PH',
    name: partnerStateNames.PH,
    team,
    leftAt: { stage: 'STRATEGY_ADOPTION', state: 'AWAITING_REVIEW' },
    story: 'the national policy recorded and submitted for sign-off',
    steps: [
      { kind: 'OPEN', as: officer },
      record(officer, 'KICK_OFF_REPORT', kickOff),
      { kind: 'SUBMIT', as: officer, stage: 'KICK_OFF' },
      {
        kind: 'DECIDE',
        as: second,
        stage: 'KICK_OFF',
        outcome: 'CHANGES_REQUESTED',
        notMet: [
          {
            criterionId: 'HRDD_RISK_ASSESSMENT',
            comment: 'The risk assessment is mentioned but not attached.',
          },
        ],
        findings: [
          {
            criterionId: 'HRDD_RISK_ASSESSMENT',
            text: 'Attach the human-rights due-diligence risk assessment of the units to be trained.',
          },
        ],
      },
      record(officer, 'KICK_OFF_REPORT', {
        ...kickOff,
        stakeholders: [
          ...kickOff.stakeholders,
          {
            agency: 'OTHER',
            organisation: 'Commission on human rights',
            contribution: 'Reviewed the due-diligence risk assessment',
          },
        ],
      }),
      {
        kind: 'SUBMIT',
        as: officer,
        stage: 'KICK_OFF',
        findingResponses: [
          {
            finding: 0,
            response:
              'The risk assessment, reviewed by the commission on human rights, is attached to the kick-off report.',
          },
        ],
      },
      approve(first, 'KICK_OFF'),
      record(officer, 'NEEDS_ASSESSMENT', {
        pillars: {
          policy: { readinessScore: 3, evidence: 'A strategy exists; no chapter on technology.' },
          legal: { readinessScore: 3, evidence: 'Cybercrime and data-privacy laws in force.' },
          institutional: { readinessScore: 2, evidence: 'Regional units lack digital analysts.' },
          technical: { readinessScore: 2, evidence: 'Content triage is manual.' },
        },
        gaps: ['Regional units without Darknet skills', 'No AI-assisted triage of content'],
        trainingNeeds: [
          { course: 'DARKNET_BASIC', rank: 1 },
          { course: 'AI_FOR_INVESTIGATIONS', rank: 2 },
        ],
      }),
      { kind: 'SUBMIT', as: officer, stage: 'NEEDS_ASSESSMENT' },
      approve(second, 'NEEDS_ASSESSMENT'),
      record(officer, 'TRAINING_PLAN', {
        courses: [
          {
            courseId: darknet,
            course: 'DARKNET_BASIC',
            startDate: inCycle('04-06'),
            endDate: inCycle('05-01'),
            seats: 40,
            venueOrPlatform: 'INTERPOL online learning platform',
          },
          {
            courseId: ai,
            course: 'AI_FOR_INVESTIGATIONS',
            startDate: inCycle('06-22'),
            endDate: inCycle('06-26'),
            seats: 20,
            venueOrPlatform: 'National police training institute, Manila',
          },
        ],
      }),
      record(officer, 'TRAINING_DELIVERY', {
        courseId: darknet,
        attendance: { women: 12, men: 15, undisclosed: 2 },
        humanRightsModuleDelivered: true,
      }),
      record(officer, 'TRAINING_DELIVERY', {
        courseId: ai,
        attendance: { women: 5, men: 9, undisclosed: 0 },
        humanRightsModuleDelivered: true,
      }),
      { kind: 'SUBMIT', as: officer, stage: 'TAILORED_TRAINING' },
      approve(first, 'TAILORED_TRAINING'),
      record(officer, 'STRATEGY_ADOPTION', {
        instrumentType: 'POLICY',
        title: 'National policy on countering terrorist use of new technologies online',
        adoptionDate: inCycle('10-12'),
        specialRapporteurRecommendationsActedOn: [
          {
            reference: 'A/HRC/52/39 para. 62',
            summary: 'Independent oversight of surveillance technology',
          },
          {
            reference: 'A/HRC/40/52 para. 75(b)',
            summary: 'Civil society consulted in the design of counter-terrorism policy',
          },
        ],
        womenShareInDesign: 0.15,
        womenShareJustification:
          'The drafting committee was drawn from unit heads, few of them women; a women-led consultation panel reviews the policy before its first revision.',
        publicPrivateMechanism: { created: false },
      }),
      { kind: 'SUBMIT', as: officer, stage: 'STRATEGY_ADOPTION' },
    ],
  };
}

/** The courses Tajikistan delivered: 55 investigators trained, 18 of them women. */
function tajikistan(cycle: number): DemoScenario {
  const team = teams.TJ;
  const { officer } = team;
  const { inCycle, nextYear } = dates(cycle);
  const [first = '', second = ''] = team.reviewers;
  const courses: PlannedCourse[] = [
    {
      courseId: `virtual-assets-basic-${cycle}-1`,
      course: 'VIRTUAL_ASSETS_BASIC',
      startDate: inCycle('03-02'),
      endDate: inCycle('03-27'),
      seats: 30,
      venueOrPlatform: 'INTERPOL online learning platform',
    },
    {
      courseId: `osint-${cycle}-1`,
      course: 'OSINT',
      startDate: inCycle('05-18'),
      endDate: inCycle('05-22'),
      seats: 20,
      venueOrPlatform: 'Police academy, Dushanbe',
    },
    {
      courseId: `darknet-investigations-${cycle}-1`,
      course: 'DARKNET_INVESTIGATIONS',
      startDate: inCycle('07-13'),
      endDate: inCycle('07-17'),
      seats: 15,
      venueOrPlatform: 'Police academy, Dushanbe',
    },
  ];
  const attendance: readonly Attendance[] = [
    { women: 8, men: 16, undisclosed: 1 },
    { women: 6, men: 11, undisclosed: 0 },
    { women: 4, men: 9, undisclosed: 0 },
  ];
  return {
    partnerState: 'TJ',
    name: partnerStateNames.TJ,
    team,
    leftAt: { stage: 'COMPLETED', state: 'COMPLETED' },
    story: 'a national strategy adopted, 55 investigators trained',
    steps: [
      ...throughNeedsAssessment(
        team,
        {
          stakeholders: [
            { agency: 'CT_POLICE_UNIT', organisation: 'Counter-terrorism department' },
            { agency: 'PROSECUTION', organisation: "Prosecutor general's office" },
            {
              agency: 'FINANCIAL_INTELLIGENCE_UNIT',
              organisation: 'Financial monitoring department',
            },
            {
              agency: 'PRIVATE_SECTOR',
              organisation: 'Mobile operators and payment providers',
              contribution: 'Joint working group on terrorist financing',
            },
            { agency: 'OTHER', organisation: "Women's police association" },
          ],
          needsIdentified: [
            'Virtual assets and terrorist financing',
            'OSINT on recruitment online',
            'Darknet investigations',
          ],
          assistancePlan: {
            summary:
              'Online virtual-assets courses, then in-person OSINT and Darknet investigations, and support for the national strategy.',
            periodStart: inCycle('01-20'),
            periodEnd: nextYear('03-31'),
            plannedOutputs: [
              '40 investigators trained',
              'National strategy covering new technologies',
              'Public-private working group on terrorist financing',
            ],
          },
        },
        {
          pillars: {
            policy: {
              readinessScore: 2,
              evidence: 'The strategy in force does not cover new technologies.',
            },
            legal: { readinessScore: 3, evidence: 'Virtual assets defined in the AML law.' },
            institutional: { readinessScore: 3, evidence: 'A cyber unit exists in the capital.' },
            technical: { readinessScore: 1, evidence: 'No OSINT or blockchain-analysis tools.' },
          },
          gaps: ['No virtual-asset tracing', 'No structured OSINT capability'],
          trainingNeeds: [
            { course: 'VIRTUAL_ASSETS_BASIC', rank: 1 },
            { course: 'OSINT', rank: 2 },
            { course: 'DARKNET_INVESTIGATIONS', rank: 3 },
          ],
        },
        [first, second],
      ),
      record(officer, 'TRAINING_PLAN', { courses }),
      ...courses.map((course, index) =>
        record(officer, 'TRAINING_DELIVERY', {
          courseId: course.courseId,
          attendance: attendance[index] ?? { women: 0, men: 1, undisclosed: 0 },
          humanRightsModuleDelivered: true,
        }),
      ),
      { kind: 'SUBMIT', as: officer, stage: 'TAILORED_TRAINING' },
      approve(first, 'TAILORED_TRAINING'),
      record(officer, 'STRATEGY_ADOPTION', {
        instrumentType: 'STRATEGY',
        title:
          'National strategy on countering extremism and terrorism: chapter on new technologies',
        adoptionDate: inCycle('10-20'),
        specialRapporteurRecommendationsActedOn: [
          {
            reference: 'A/HRC/52/39 para. 62',
            summary: 'Independent oversight of surveillance technology',
          },
          {
            reference: 'A/HRC/40/52 para. 75(b)',
            summary: 'Civil society consulted in the design of counter-terrorism policy',
          },
          {
            reference: 'A/HRC/52/39 para. 64',
            summary: 'Human-rights impact assessment before acquiring new technology',
          },
        ],
        womenShareInDesign: 0.31,
        publicPrivateMechanism: {
          created: true,
          description:
            'Standing working group with mobile operators and payment providers on terrorist financing through virtual assets',
        },
      }),
      { kind: 'SUBMIT', as: officer, stage: 'STRATEGY_ADOPTION' },
      approve(second, 'STRATEGY_ADOPTION'),
    ],
  };
}

function uzbekistan(cycle: number): DemoScenario {
  const team = teams.UZ;
  const { officer } = team;
  const { inCycle, nextYear } = dates(cycle);
  const [first = '', second = ''] = team.reviewers;
  return {
    partnerState: 'UZ',
    name: partnerStateNames.UZ,
    team,
    leftAt: { stage: 'NEEDS_ASSESSMENT', state: 'SUSPENDED' },
    story: 'on a human-rights hold placed by a reviewer during the needs assessment',
    steps: [
      { kind: 'OPEN', as: officer },
      record(officer, 'KICK_OFF_REPORT', {
        stakeholders: [
          { agency: 'CT_POLICE_UNIT', organisation: 'Counter-terrorism service' },
          { agency: 'MINISTRY', organisation: 'Ministry of Internal Affairs' },
          { agency: 'OTHER', organisation: 'Ombudsperson for human rights' },
        ],
        needsIdentified: ['OSINT', 'Electronic evidence handling'],
        assistancePlan: {
          summary: 'Online OSINT and Darknet basic courses, with a data-protection module.',
          periodStart: inCycle('05-01'),
          periodEnd: nextYear('04-30'),
          plannedOutputs: ['40 investigators trained'],
        },
      }),
      { kind: 'SUBMIT', as: officer, stage: 'KICK_OFF' },
      approve(first, 'KICK_OFF'),
      record(officer, 'NEEDS_ASSESSMENT', {
        pillars: {
          policy: { readinessScore: 2, evidence: 'Policy on online extremism under revision.' },
          legal: { readinessScore: 2, evidence: 'Data-protection law lacks oversight provisions.' },
          institutional: { readinessScore: 3, evidence: 'A digital forensics centre exists.' },
          technical: { readinessScore: 3, evidence: 'Forensic tools in use.' },
        },
        gaps: ['No independent oversight of online investigations'],
        trainingNeeds: [
          { course: 'OSINT', rank: 1 },
          { course: 'DARKNET_BASIC', rank: 2 },
        ],
      }),
      {
        kind: 'HOLD',
        as: second,
        concern:
          'Credible reports that a unit nominated for the training used online surveillance against journalists; training paused until the due-diligence review is complete.',
      },
    ],
  };
}

/** Every partner state's scenario for a cycle, in the order of {@link demoPartnerStates}. */
export function demoScenarios(cycle: number = demoCycle): readonly DemoScenario[] {
  if (!Number.isInteger(cycle) || cycle < 2000 || cycle > 2100) {
    throw new RangeError(`the demo cycle must be a year from 2000 to 2100, not ${cycle}`);
  }
  const byState: Readonly<Record<DemoPartnerState, (cycle: number) => DemoScenario>> = {
    GH: ghana,
    IQ: iraq,
    KE: kenya,
    NG: nigeria,
    PH: philippines,
    TJ: tajikistan,
    UZ: uzbekistan,
  };
  return demoPartnerStates.map((state) => byState[state](cycle));
}

// --- how far along an engagement is ----------------------------------------------------------

/** One entry of an engagement's history as the API answers it. */
export interface HistoryEntry {
  readonly action: string;
  readonly by: string;
  readonly note?: string | undefined;
}

/** The entry a step leaves in the engagement's history: its action and, for work, its kind. */
export function expectedEntry(step: DemoStep): { action: string; note?: string } {
  switch (step.kind) {
    case 'OPEN':
      return { action: 'OPEN' };
    case 'RECORD':
      return { action: 'RECORD_WORK', note: step.submissionKind };
    case 'SUBMIT':
      return { action: 'SUBMIT_MILESTONE' };
    case 'DECIDE':
      return { action: step.outcome === 'APPROVED' ? 'APPROVE' : 'REQUEST_CHANGES' };
    case 'HOLD':
      return { action: 'SUSPEND' };
  }
}

function matches(step: DemoStep, entry: HistoryEntry): boolean {
  const expected = expectedEntry(step);
  return (
    expected.action === entry.action &&
    (expected.note === undefined || expected.note === entry.note)
  );
}

export type Progress =
  /** The first `done` steps are in the history and nothing else: go on from step `done`. */
  | { readonly kind: 'ALONG'; readonly done: number }
  /** Every step is there, and `since` more entries after them (people used the demo). */
  | { readonly kind: 'MOVED_ON'; readonly since: readonly HistoryEntry[] }
  /** The history left the plan at step `step`: it shows `found` where the plan has `expected`. */
  | {
      readonly kind: 'DIVERGED';
      readonly step: number;
      readonly expected: DemoStep;
      readonly found: HistoryEntry;
    };

/**
 * How far along the steps an engagement is, from its history: the steps are matched in order
 * against the entries (deadline entries, which the clock adds, are skipped).
 */
export function progressAlong(
  steps: readonly DemoStep[],
  history: readonly HistoryEntry[],
): Progress {
  const entries = history.filter((entry) => entry.action !== 'DEADLINE');
  for (const [index, entry] of entries.entries()) {
    const step = steps[index];
    if (step === undefined) return { kind: 'MOVED_ON', since: entries.slice(index) };
    if (!matches(step, entry))
      return { kind: 'DIVERGED', step: index, expected: step, found: entry };
  }
  return { kind: 'ALONG', done: entries.length };
}

// --- words ------------------------------------------------------------------------------------

/** A stage in words, as the engagement's status writes it: 'needs assessment'. */
export function stageWords(stage: EngagementStage): string {
  return stageTitles[stage].toLowerCase();
}

const submissionWords: Readonly<Record<SubmissionKind, string>> = {
  KICK_OFF_REPORT: 'the kick-off report',
  NEEDS_ASSESSMENT: 'the needs assessment',
  TRAINING_PLAN: 'the training plan',
  TRAINING_DELIVERY: 'a course delivery',
  TRAINING_COMPLETION: 'the training completion',
  STRATEGY_ADOPTION: 'the strategy adoption',
};

/** A step in words, for progress and error messages: "officer-ke-1 submits the kick-off milestone". */
export function describeStep(step: DemoStep): string {
  switch (step.kind) {
    case 'OPEN':
      return `${step.as} opens the engagement`;
    case 'RECORD':
      return step.submissionKind === 'TRAINING_DELIVERY'
        ? `${step.as} records the delivery of ${step.submission.courseId}`
        : `${step.as} records ${submissionWords[step.submissionKind]}`;
    case 'SUBMIT':
      return `${step.as} submits the ${stageWords(step.stage)} milestone${
        step.findingResponses ? ', answering the findings' : ''
      }`;
    case 'DECIDE':
      return `${step.as} ${
        step.outcome === 'APPROVED' ? 'approves' : 'requests changes to'
      } the ${stageWords(step.stage)} milestone`;
    case 'HOLD':
      return `${step.as} puts the engagement on a human-rights hold`;
  }
}

/** A history entry in words: "REQUEST_CHANGES by reviewer-1". */
export function describeEntry(entry: HistoryEntry): string {
  return `${entry.action}${entry.note && entry.action === 'RECORD_WORK' ? ` (${entry.note})` : ''} by ${entry.by}`;
}

// --- the reviewer's decision ----------------------------------------------------------------

/**
 * The decision a step makes on a review with this checklist (the criterion ids the review
 * lists): every criterion answered, MET unless the step names it NOT_MET. A criterion the step
 * names that the checklist lacks is an error: the plan and the API no longer agree.
 */
export function reviewDecision(
  step: DecideStep,
  checklist: readonly string[],
):
  | { readonly ok: true; readonly body: ReviewDecision }
  | { readonly ok: false; readonly message: string } {
  const notMet = step.notMet ?? [];
  const findings = step.findings ?? [];
  const unknown = [
    ...notMet.map(({ criterionId }) => criterionId),
    ...findings.flatMap(({ criterionId }) => (criterionId === undefined ? [] : [criterionId])),
  ].filter((criterionId) => !checklist.includes(criterionId));
  if (unknown.length > 0) {
    return {
      ok: false,
      message: `the ${stageWords(step.stage)} checklist (${checklist.join(', ')}) has no criterion ${[...new Set(unknown)].join(', ')}`,
    };
  }
  return {
    ok: true,
    body: {
      outcome: step.outcome,
      answers: checklist.map((criterionId) => {
        const failed = notMet.find((answer) => answer.criterionId === criterionId);
        return failed
          ? { criterionId, verdict: 'NOT_MET' as const, comment: failed.comment }
          : { criterionId, verdict: 'MET' as const };
      }),
      findings: [...findings],
    },
  };
}

// --- who acts next --------------------------------------------------------------------------

/**
 * The demo users who may make the engagement's next move: the state's officer, its reviewers
 * other than the milestone's submitter (four eyes), or the programme manager.
 */
export function nextActors(
  team: DemoTeam,
  pending: { readonly on: PendingRole } | null,
  submittedBy?: string,
): readonly string[] {
  if (pending === null) return [];
  switch (pending.on) {
    case 'PROGRAMME_OFFICER':
      return [team.officer];
    case 'COMPLIANCE_REVIEWER':
      return team.reviewers.filter((reviewer) => reviewer !== submittedBy);
    case 'PROGRAMME_MANAGER':
      return [demoManager];
  }
}
