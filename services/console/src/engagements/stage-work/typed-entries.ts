// What the officer types, as a submission takes it: lists typed one entry per line, numbers
// typed as text, text trimmed and left out when blank, and rows of a list changed or removed.

/** The entries of a list typed one per line: trimmed, blank lines left out. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A recorded list as it is typed again, one entry per line. */
export function textOfLines(lines: readonly string[]): string {
  return lines.join('\n');
}

/** Typed text, trimmed; undefined when nothing but spaces was typed. */
export function typedText(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A typed number; undefined when the field is blank (the domain then says it is required). */
export function typedNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/** A recorded number as it is typed again; blank when there is none. */
export function textOfNumber(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

/** `{ name: value }`, or nothing when the value was not given: for fields left out when blank. */
export function givenField<Name extends string, Value>(
  name: Name,
  value: Value | undefined,
): Partial<Record<Name, Value>> {
  return value === undefined || value === '' ? {} : ({ [name]: value } as Record<Name, Value>);
}

/** The list with one row changed. */
export function withEntryChanged<Entry>(
  entries: readonly Entry[],
  index: number,
  next: Partial<Entry>,
): Entry[] {
  return entries.map((entry, at) => (at === index ? { ...entry, ...next } : entry));
}

/** The list without one row. */
export function withoutEntry<Entry>(entries: readonly Entry[], index: number): Entry[] {
  return entries.filter((_, at) => at !== index);
}
