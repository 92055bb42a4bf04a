import type { IndicatorFigure, ProgrammeResults } from './programme-results.ts';

/** The CSV's columns, in order; `scope` is a partner state's code or `TOTAL`. */
export const indicatorCsvColumns = [
  'scope',
  'indicator',
  'title',
  'value',
  'target',
  'target_per',
  'met',
  'states_meeting_target',
  'women',
  'men',
  'undisclosed',
  'reason',
] as const;

type Cell = string | number | boolean | null | undefined;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or leading or
 * trailing space, with quotes doubled. A field a spreadsheet would run as a formula (starting
 * with `=`, `+`, `-`, `@`, tab or carriage return) and that is not a number gets a leading `'`.
 */
export function csvField(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'string') return String(cell);
  const safe = /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function row(scope: string, figure: IndicatorFigure): string {
  const cells: Cell[] = [
    scope,
    figure.indicator,
    figure.title,
    figure.value,
    figure.target,
    figure.targetPer,
    figure.met,
    figure.statesMeetingTarget,
    figure.bySex?.women,
    figure.bySex?.men,
    figure.bySex?.undisclosed,
    figure.reason,
  ];
  return cells.map(csvField).join(',');
}

/**
 * The results as CSV: a header row, then each partner state's indicators, then the totals. The
 * strategy adoptions' timeline is not in it: it is a list of a different grain (one adoption,
 * not one indicator and scope, per row), which would need columns of its own; the count of
 * states adopting is the `STRATEGIES_ADOPTED` rows.
 */
export function indicatorsCsv(results: ProgrammeResults): string {
  const lines = [
    indicatorCsvColumns.join(','),
    ...results.partnerStates.flatMap((state) =>
      state.indicators.map((figure) => row(state.partnerState, figure)),
    ),
    ...results.total.indicators.map((figure) => row('TOTAL', figure)),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
