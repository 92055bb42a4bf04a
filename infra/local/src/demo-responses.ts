// What the demo programme reads from the gateway's answers, checked before it relies on them:
// an answer of another shape is an error naming what it lacks, never a silent `undefined`.
// Pure functions; the HTTP calls are in demo-gateway.ts.
import {
  engagementStages,
  engagementStates,
  type EngagementStage,
  type EngagementState,
  type ReviewFinding,
} from '@cttech/domain';
import { pendingRoles, type HistoryEntry, type PendingRole } from './demo-scenarios.ts';

/** An answer that lacks what the demo relies on. */
export class UnexpectedAnswerError extends Error {
  constructor(what: string, problems: readonly string[]) {
    super(`the API's ${what} is not as expected: ${problems.join('; ')}`);
    this.name = 'UnexpectedAnswerError';
  }
}

type Check = (value: unknown) => boolean;

const isString: Check = (value) => typeof value === 'string';
const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
const isBoolean: Check = (value) => typeof value === 'boolean';
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const oneOf =
  (allowed: readonly string[]): Check =>
  (value) =>
    typeof value === 'string' && allowed.includes(value);
const orNull =
  (check: Check): Check =>
  (value) =>
    value === null || check(value);
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);

/** Collects what is wrong with an object's fields, by dotted path. */
class Reader {
  readonly problems: string[] = [];

  /** The object at `path`, or an empty one (and a problem) when it is not an object. */
  object(value: unknown, path: string): Record<string, unknown> {
    if (isObject(value)) return value;
    this.problems.push(`${path || 'the body'} is not an object`);
    return {};
  }

  /** The array at `path`, or an empty one (and a problem). */
  array(value: unknown, path: string): readonly unknown[] {
    if (Array.isArray(value)) return value;
    this.problems.push(`${path || 'the body'} is not a list`);
    return [];
  }

  /** The list at `path` (or an empty one), each item an object with the fields `checks` names. */
  list(value: unknown, path: string, checks: Record<string, Check>): readonly unknown[] {
    const items = this.array(value, path);
    items.forEach((item, index) => {
      const itemPath = path ? `${path}.${index}` : String(index);
      this.fields(this.object(item, itemPath), checks, itemPath);
    });
    return items;
  }

  field(object: Record<string, unknown>, key: string, check: Check, path: string): void {
    if (!check(object[key])) {
      this.problems.push(
        `${path ? `${path}.` : ''}${key} is ${JSON.stringify(object[key]) ?? 'missing'}`,
      );
    }
  }

  fields(object: Record<string, unknown>, checks: Record<string, Check>, path = ''): void {
    for (const [key, check] of Object.entries(checks)) this.field(object, key, check, path);
  }

  done<T>(what: string, value: T): T {
    if (this.problems.length > 0) throw new UnexpectedAnswerError(what, this.problems.slice(0, 8));
    return value;
  }
}

/** The engagement status fields the demo relies on. */
export interface EngagementView {
  readonly engagementId: string;
  readonly partnerState: string;
  readonly cycle: number;
  readonly stage: EngagementStage;
  readonly state: EngagementState;
  readonly pending: {
    readonly on: PendingRole;
    readonly what: string;
    readonly dueAt?: string | undefined;
  } | null;
  readonly pendingReview: {
    readonly reviewRequestId: string;
    readonly submittedBy: string;
  } | null;
  readonly openFindings: readonly ReviewFinding[];
  readonly history: readonly HistoryEntry[];
  readonly trainingCourses: readonly {
    readonly courseId: string;
    readonly status: string;
  }[];
  readonly indicators: {
    readonly investigatorsTrained: {
      readonly women: number;
      readonly men: number;
      readonly undisclosed: number;
      readonly total: number;
    };
    readonly recommendationsActedOn: number;
    readonly strategyAdopted: boolean;
    readonly publicPrivateMechanism: boolean;
    readonly womenShareInPolicyDesign: number | null;
  };
  readonly humanRightsHold: { readonly holdId: string } | null;
}

/** An engagement's status (GET /engagements/:id and every update's answer). */
export function engagementView(body: unknown): EngagementView {
  const read = new Reader();
  const status = read.object(body, '');
  read.fields(status, {
    engagementId: isString,
    partnerState: isString,
    cycle: isNumber,
    stage: oneOf(engagementStages),
    state: oneOf(engagementStates),
    pending: orNull(isObject),
    pendingReview: orNull(isObject),
    humanRightsHold: orNull(isObject),
  });
  if (isObject(status.pending)) {
    read.fields(
      status.pending,
      { on: oneOf(pendingRoles), what: isString, dueAt: optional(isString) },
      'pending',
    );
  }
  if (isObject(status.pendingReview)) {
    read.fields(
      status.pendingReview,
      { reviewRequestId: isString, submittedBy: isString },
      'pendingReview',
    );
  }
  if (isObject(status.humanRightsHold)) {
    read.fields(status.humanRightsHold, { holdId: isString }, 'humanRightsHold');
  }
  read.list(status.history, 'history', {
    action: isString,
    by: isString,
    note: optional(isString),
  });
  read.list(status.openFindings, 'openFindings', {
    text: isString,
    criterionId: optional(isString),
  });
  read.list(status.trainingCourses, 'trainingCourses', { courseId: isString, status: isString });
  const indicators = read.object(status.indicators, 'indicators');
  read.fields(
    indicators,
    {
      recommendationsActedOn: isNumber,
      strategyAdopted: isBoolean,
      publicPrivateMechanism: isBoolean,
      womenShareInPolicyDesign: orNull(isNumber),
    },
    'indicators',
  );
  read.fields(
    read.object(indicators.investigatorsTrained, 'indicators.investigatorsTrained'),
    { women: isNumber, men: isNumber, undisclosed: isNumber, total: isNumber },
    'indicators.investigatorsTrained',
  );
  return read.done('engagement status', status as unknown as EngagementView);
}

/** A review as the queue lists it (GET /reviews). */
export interface ReviewSummary {
  readonly id: string;
  readonly reviewRequestId: string;
  readonly engagementId: string;
  readonly status: 'OPEN' | 'DECIDED';
}

const reviewSummaryChecks: Record<string, Check> = {
  id: isString,
  reviewRequestId: isString,
  engagementId: isString,
  status: oneOf(['OPEN', 'DECIDED']),
};

export function reviewQueue(body: unknown): readonly ReviewSummary[] {
  const read = new Reader();
  const reviews = read.list(body, '', reviewSummaryChecks);
  return read.done('review queue', reviews as readonly ReviewSummary[]);
}

/** A review with its checklist (GET /reviews/:id). */
export interface ReviewDetail extends ReviewSummary {
  readonly checklist: readonly { readonly criterionId: string }[];
}

export function reviewDetail(body: unknown): ReviewDetail {
  const read = new Reader();
  const review = read.object(body, '');
  read.fields(review, reviewSummaryChecks);
  const checklist = read.list(review.checklist, 'checklist', { criterionId: isString });
  if (Array.isArray(review.checklist) && checklist.length === 0)
    read.problems.push('checklist is empty');
  return read.done('review', review as unknown as ReviewDetail);
}

/** A human-rights hold (GET and POST /engagements/:id/holds). */
export interface HoldView {
  readonly id: string;
  readonly status: 'OPEN' | 'LIFTED';
}

const holdChecks: Record<string, Check> = { id: isString, status: oneOf(['OPEN', 'LIFTED']) };

export function holdList(body: unknown): readonly HoldView[] {
  const read = new Reader();
  const holds = read.list(body, '', holdChecks);
  return read.done('holds', holds as readonly HoldView[]);
}

export function hold(body: unknown): HoldView {
  const read = new Reader();
  read.fields(read.object(body, ''), holdChecks);
  return read.done('hold', body as HoldView);
}

/** The development issuer's answer (POST /dev/tokens). */
export function accessToken(body: unknown): string {
  const read = new Reader();
  const answer = read.object(body, '');
  read.fields(answer, { accessToken: (value) => typeof value === 'string' && value.length > 0 });
  return read.done('token', answer.accessToken as string);
}

/** An RFC 9457 problem as the gateway answers it, in one line for an error message. */
export function problemWords(status: number, body: unknown): string {
  if (!isObject(body)) {
    const text = typeof body === 'string' ? body.trim().slice(0, 300) : '';
    return `${status}${text ? ` ${text}` : ''}`;
  }
  const parts = [`${status}`];
  if (typeof body.title === 'string') parts.push(body.title);
  const detail = typeof body.detail === 'string' ? body.detail : undefined;
  const code = typeof body.code === 'string' ? ` [${body.code}]` : '';
  let words = parts.join(' ');
  if (detail) words += `: ${detail}`;
  words += code;
  // the fields at fault, unless the detail already names them
  const fields = (Array.isArray(body.errors) ? body.errors.filter(isObject) : [])
    .map((error) => `${String(error.field) || '(body)'} ${String(error.message)}`)
    .filter((field) => !detail?.includes(field));
  if (fields.length > 0) {
    words += ` (${fields.slice(0, 6).join('; ')}${fields.length > 6 ? '; …' : ''})`;
  }
  if (typeof body.correlationId === 'string') words += ` correlation id ${body.correlationId}`;
  return words;
}
