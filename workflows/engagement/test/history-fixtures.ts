// The committed workflow histories the replay suite runs through the current workflow code
// (see test/histories/README.md): where they live, which must be there, and how they are read.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  historyFromJSON,
  historyToJSON,
  type History,
} from '@temporalio/common/lib/proto-utils.js';
import { engagementWorkflowId, trainingCourseWorkflowId } from '../src/contract.ts';

export const historiesDirectory = fileURLToPath(new URL('./histories/', import.meta.url));
export const alteredHistoriesDirectory = fileURLToPath(
  new URL('./histories/altered/', import.meta.url),
);

/**
 * The recorded runs, by file name (without .json), with the workflow id each ran under: replay
 * needs the real id, since the workflow derives its event and review request ids from it.
 */
export const recordedHistories = {
  'whole-path': engagementWorkflowId('KE', 2026),
  // the same run once SCHEDULED carries each course's schedule (patch course-schedule-in-event)
  'whole-path-course-schedules': engagementWorkflowId('KE', 2026),
  'training-course-delivered': trainingCourseWorkflowId(
    engagementWorkflowId('KE', 2026),
    'darknet-basic-1',
  ),
  'changes-requested': engagementWorkflowId('GH', 2026),
  'suspend-resume-cancel': engagementWorkflowId('NG', 2026),
  'cancel-during-training': engagementWorkflowId('PH', 2026),
  'review-escalated': engagementWorkflowId('TJ', 2026),
  'human-rights-hold': engagementWorkflowId('UZ', 2026),
} as const;

export type RecordedHistoryName = keyof typeof recordedHistories;

export const recordedHistoryNames = Object.keys(recordedHistories) as RecordedHistoryName[];

/** The recorded history altered so that the workflow code no longer matches it. */
export const alteredHistoryName: RecordedHistoryName = 'suspend-resume-cancel';

/** The activity type name the altered history claims was scheduled first. */
export const alteredActivityType = 'publishEngagementEventRenamed';

export function readHistory(path: string): History {
  return historyFromJSON(JSON.parse(readFileSync(path, 'utf8')));
}

/** A history as committed: Temporal's JSON form, indented (prettier then formats the file). */
export function historyFileText(history: History): string {
  return `${JSON.stringify(JSON.parse(historyToJSON(history)), null, 2)}\n`;
}

/**
 * The start of a history, up to the workflow task after its first scheduled activity, with that
 * activity renamed: the workflow code schedules `publishEngagementEvent` there, so replaying
 * it must fail with a determinism violation. Cut short to keep the committed file small.
 */
export function withFirstActivityRenamed(history: History): History {
  const altered = historyFromJSON(JSON.parse(historyToJSON(history)));
  const events = altered.events ?? [];
  const scheduled = events.findIndex((event) => event.activityTaskScheduledEventAttributes);
  const activityType = events[scheduled]?.activityTaskScheduledEventAttributes?.activityType;
  if (!activityType) throw new Error('the history schedules no activity');
  activityType.name = alteredActivityType;
  const nextTask = events.findIndex(
    (event, index) => index > scheduled && event.workflowTaskStartedEventAttributes,
  );
  if (nextTask < 0) throw new Error('no workflow task follows the first scheduled activity');
  altered.events = events.slice(0, nextTask + 1);
  return altered;
}
