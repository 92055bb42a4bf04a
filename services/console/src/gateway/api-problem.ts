// The API's refusals as the console shows them: RFC 9457 problem documents
// (application/problem+json) with the fields at fault, and those fields' messages grouped by
// the form field they belong to.

/** One field at fault: a dotted path ('assistancePlan.periodEnd'), '' for the whole body. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export interface ProblemDocument {
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors: readonly FieldProblem[];
  /** The workflow's or the service's refusal code, when there is one (FOUR_EYES, ...). */
  readonly code?: string | undefined;
  readonly correlationId?: string | undefined;
}

/** A call the API refused or could not answer. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly problem: ProblemDocument;

  constructor(problem: ProblemDocument) {
    super(problem.detail || problem.title);
    this.name = 'ApiProblem';
    this.status = problem.status;
    this.problem = problem;
  }
}

/** Reads an error answer: the problem document it carries, or one made from its status. */
export function problemOf(
  status: number,
  contentType: string | null,
  text: string,
): ProblemDocument {
  const fallback: ProblemDocument = {
    title: statusTitles[status] ?? `The request failed (HTTP ${status})`,
    status,
    detail: '',
    errors: [],
  };
  if (!contentType?.includes('json') || text === '') return fallback;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fallback;
  }
  if (typeof body !== 'object' || body === null) return fallback;
  const document = body as Record<string, unknown>;
  return {
    title: typeof document.title === 'string' ? document.title : fallback.title,
    status: typeof document.status === 'number' ? document.status : status,
    detail: typeof document.detail === 'string' ? document.detail : '',
    errors: Array.isArray(document.errors) ? document.errors.filter(isFieldProblem) : [],
    code: typeof document.code === 'string' ? document.code : undefined,
    correlationId: typeof document.correlationId === 'string' ? document.correlationId : undefined,
  };
}

/** A problem when the gateway could not be reached at all. */
export function unreachableProblem(reason: string): ProblemDocument {
  return {
    title: 'The gateway could not be reached',
    status: 0,
    detail: `${reason}; check the connection and try again`,
    errors: [],
  };
}

/**
 * Where a problem's field shows in a form: the form field's key, and the words the message
 * follows ('End of the period', 'Need 2') so that it reads as a sentence.
 */
export interface FormFieldPlace {
  readonly key: string;
  readonly subject?: string | undefined;
}

/**
 * Groups the problems' messages by form field. `placeOf` maps an API field path to a form
 * field, or undefined when the form has no such field: those go under '' (the whole form),
 * named by their path.
 */
export function messagesByField(
  problems: readonly FieldProblem[],
  placeOf: (field: string) => FormFieldPlace | undefined = (field) => ({ key: field }),
): Readonly<Record<string, readonly string[]>> {
  const grouped: Record<string, string[]> = {};
  for (const { field, message } of problems) {
    const place = field === '' ? undefined : placeOf(field);
    const key = place?.key ?? '';
    const subject = place === undefined ? field : place.subject;
    (grouped[key] ??= []).push(subject ? `${subject} ${message}` : message);
  }
  return grouped;
}

const statusTitles: Readonly<Record<number, string>> = {
  400: 'The request is not valid',
  401: 'Your session has ended: sign in again',
  403: 'Not allowed for your role',
  404: 'Not found',
  409: 'Conflicts with the current state',
  429: 'Too many requests: wait a moment and try again',
  500: 'Something went wrong on the server',
  502: 'A service did not answer properly',
  503: 'A service is unavailable',
};

function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== 'object' || value === null) return false;
  const { field, message } = value as Record<string, unknown>;
  return typeof field === 'string' && typeof message === 'string';
}
