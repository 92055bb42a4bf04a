/** Why an action, a submission or a decision was refused. */
export const refusalCodes = [
  'ACTION_NOT_ALLOWED',
  'INCONSISTENT_POSITION',
  'FOUR_EYES',
  'INVALID_SUBMISSION',
  'INVALID_REVIEW_DECISION',
  'HUMAN_RIGHTS_HOLD',
] as const;

export type RefusalCode = (typeof refusalCodes)[number];

/**
 * One thing wrong with an input. `field` is the dotted path with array indexes
 * ('stakeholders.0.agency'); the empty string means the input as a whole.
 */
export interface Problem {
  readonly field: string;
  readonly message: string;
}

export interface Refusal {
  readonly code: RefusalCode;
  readonly message: string;
  readonly problems?: readonly Problem[];
}

/** An input checked against the rules: the typed value, or every problem found. */
export type Validated<Value> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Whether something may go ahead, and if not, the refusal. */
export type Clearance = { readonly ok: true } | { readonly ok: false; readonly refusal: Refusal };

/** The refusal for an input that failed validation, listing its problems. */
export function refusalForProblems(
  code: 'INVALID_SUBMISSION' | 'INVALID_REVIEW_DECISION',
  problems: readonly Problem[],
): Refusal {
  const what = code === 'INVALID_SUBMISSION' ? 'submission' : 'review decision';
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  const listed = problems
    .map(({ field, message }) => (field === '' ? message : `${field} ${message}`))
    .join('; ');
  return { code, message: `the ${what} has ${count}: ${listed}`, problems };
}

/**
 * Four eyes: a compliance reviewer never decides a milestone they submitted or edited.
 * User ids are compared exactly; a missing id is refused, since four eyes cannot then be shown.
 */
export function checkFourEyes(milestone: {
  readonly submittedBy: string;
  readonly decidedBy: string;
  readonly editedBy?: readonly string[];
}): Clearance {
  const { submittedBy, decidedBy, editedBy = [] } = milestone;
  if (submittedBy.trim() === '' || decidedBy.trim() === '') {
    return refuseFourEyes(
      'the submitter and the reviewer must both be identified before a milestone is decided',
    );
  }
  if (submittedBy === decidedBy) {
    return refuseFourEyes(
      'the reviewer submitted this milestone and cannot sign it off; another compliance reviewer must decide it',
    );
  }
  if (editedBy.includes(decidedBy)) {
    return refuseFourEyes(
      'the reviewer edited this milestone and cannot sign it off; another compliance reviewer must decide it',
    );
  }
  return { ok: true };
}

function refuseFourEyes(message: string): Clearance {
  return { ok: false, refusal: { code: 'FOUR_EYES', message } };
}
