// How a submission's fields stand in its form: each field's key (its control's id, where its
// problems show) and its name in words. A problem the console or the API finds at a dotted
// path ('trainingNeeds.1.rank') then reads as a sentence next to the right control ('Training
// need 2: rank repeats the rank of training need 1: ...'), and the paths a message refers to
// are named in words too.
import {
  messagesByField,
  type FieldProblem,
  type FormFieldPlace,
} from '../../gateway/api-problem.ts';

/** The problems' messages by form field key ('' for those of the whole submission). */
export type FormMessages = Readonly<Record<string, readonly string[]>>;

/** The fields of a submission (or of a group, or of a list's rows), by their names in the API. */
export type FieldLayout = Readonly<Record<string, FieldShape>>;

export type FieldShape =
  /** One control; a choice that is missing or not on the list reads "must be chosen". */
  | { readonly title: string; readonly choice?: boolean }
  /** A list typed one entry per line in one text area; an entry is named `${line} 2`. */
  | { readonly title: string; readonly line: string }
  /** A list of rows, each a fieldset; a row's field is named `${row} 2: ${its title}`. */
  | { readonly title: string; readonly row: string; readonly fields: FieldLayout }
  /** Fields grouped in a fieldset, each named in full by its own title. */
  | { readonly title: string; readonly group: FieldLayout };

interface Located {
  readonly place: FormFieldPlace;
  /** The field as another field's message names it: 'the rank of training need 1'. */
  readonly reference: string;
  readonly choice: boolean;
}

/** Where a dotted API path shows in the form; undefined when the form has no such field. */
export function fieldPlace(layout: FieldLayout, field: string): FormFieldPlace | undefined {
  return locate(layout, field.split('.'), '')?.place;
}

/**
 * The problems' messages by form field: each message after its field's name, a missing or
 * unknown choice as "must be chosen", and paths named inside messages in words. `reword` may
 * put a message of the form's own in place of the domain's.
 */
export function layoutMessages(
  layout: FieldLayout,
  problems: readonly FieldProblem[],
  reword: (problem: FieldProblem) => string | undefined = () => undefined,
): FormMessages {
  return messagesByField(
    problems.map((problem) => {
      const located = locate(layout, problem.field.split('.'), '');
      const chosenWrongly =
        located?.choice === true &&
        (problem.message === 'is required' || problem.message.startsWith('must be one of'));
      const message =
        reword(problem) ??
        (chosenWrongly ? 'must be chosen' : referencesInWords(layout, problem.message));
      return { field: problem.field, message };
    }),
    (field) => fieldPlace(layout, field),
  );
}

/** 'must be on or after courses.0.startDate' → 'must be on or after the start date of planned course 1'. */
function referencesInWords(layout: FieldLayout, message: string): string {
  return message.replace(
    /\b[A-Za-z]\w*(?:\.\w+)+\b/g,
    (path) => locate(layout, path.split('.'), '')?.reference ?? path,
  );
}

function locate(
  layout: FieldLayout,
  [name, ...rest]: readonly string[],
  keyPrefix: string,
): Located | undefined {
  if (name === undefined || !Object.hasOwn(layout, name)) return undefined;
  const shape = layout[name] as FieldShape;
  const key = `${keyPrefix}${name}`;
  const whole: Located = {
    place: { key, subject: shape.title },
    reference: lowerFirst(shape.title),
    choice: 'choice' in shape && shape.choice === true,
  };
  if (rest.length === 0) return whole;
  if ('group' in shape) return locate(shape.group, rest, `${key}.`);
  const [index, field] = rest;
  if (!('line' in shape || 'row' in shape) || !/^\d+$/.test(index ?? '')) return whole;
  const entry = `${'line' in shape ? shape.line : shape.row} ${Number(index) + 1}`;
  const entryPlace: Located = {
    place: { key, subject: entry },
    reference: lowerFirst(entry),
    choice: false,
  };
  if (!('row' in shape) || field === undefined || !Object.hasOwn(shape.fields, field)) {
    return entryPlace;
  }
  const inner = shape.fields[field] as FieldShape;
  return {
    place: { key: `${key}.${index}.${field}`, subject: `${entry}: ${inner.title}` },
    reference: `the ${inner.title} of ${lowerFirst(entry)}`,
    choice: 'choice' in inner && inner.choice === true,
  };
}

function lowerFirst(words: string): string {
  return words.charAt(0).toLowerCase() + words.slice(1);
}
