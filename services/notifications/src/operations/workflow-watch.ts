// Failing workflows, for the operators: every so often the watch asks Temporal's visibility
// for workflow runs that failed or timed out lately and records a notification of each run for
// the operators. A run is reported once however often it is seen (the notification is unique
// per occurrence id and recipient), so the watch may look back generously and run on several
// instances.
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import type { NotificationsDatabase } from '../database.ts';
import type { NotificationView } from '../in-app/notification-views.ts';
import type { NotificationIntake } from '../notification-intake.ts';
import type { WorkflowFailureReport } from '../rules/occurrence.ts';

export interface WorkflowWatchOptions {
  readonly client: Client;
  readonly database: NotificationsDatabase;
  readonly intake: NotificationIntake;
  /** Called after each commit with the notifications it made. */
  readonly committed: (notifications: readonly NotificationView[]) => void;
  /** How often to look (60 s unless given). */
  readonly intervalMs?: number;
  /** How far back a run's closing may lie (a day unless given). */
  readonly lookbackMs?: number;
  /** The most runs one look reports (200 unless given). */
  readonly limit?: number;
  readonly logger?: { warn(message: string): void };
}

const engagementIdPattern = /^(engagement-([A-Z]{2})-\d{4})(?:-course-|$)/;

/** A failed or timed-out run as operators are told of it; undefined for other statuses. */
export function workflowFailureReport(
  execution: Pick<WorkflowExecutionInfo, 'workflowId' | 'runId' | 'type' | 'status' | 'closeTime'>,
): WorkflowFailureReport | undefined {
  const status = execution.status.name;
  if (status !== 'FAILED' && status !== 'TIMED_OUT') return undefined;
  const engagement = engagementIdPattern.exec(execution.workflowId);
  return {
    id: `workflow-failure:${execution.workflowId}/${execution.runId}`,
    workflowId: execution.workflowId,
    runId: execution.runId,
    workflowType: execution.type,
    status,
    engagementId: engagement?.[1],
    partnerState: engagement?.[2],
    closedAt: (execution.closeTime ?? new Date()).toISOString(),
  };
}

export class WorkflowWatch {
  private readonly options: WorkflowWatchOptions;
  private timer: NodeJS.Timeout | undefined;
  private looking: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(options: WorkflowWatchOptions) {
    this.options = options;
  }

  /** Looks now, then every interval, until stopped; a failed look is logged and tried again. */
  start(): void {
    this.stopped = false;
    const look = () => {
      this.looking = this.look()
        .catch((error: unknown) =>
          this.options.logger?.warn(
            `workflow watch: could not look at Temporal: ${(error as Error).message}`,
          ),
        )
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(look, this.options.intervalMs ?? 60_000);
        });
    };
    look();
  }

  /** Stops looking; waits for a look in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.looking;
  }

  /** One look: the notifications it made (none for runs reported before). */
  async look(now = new Date()): Promise<NotificationView[]> {
    const {
      client,
      database,
      intake,
      committed,
      lookbackMs = 86_400_000,
      limit = 200,
    } = this.options;
    const since = new Date(now.getTime() - lookbackMs).toISOString();
    const query = `(ExecutionStatus = 'Failed' OR ExecutionStatus = 'TimedOut') AND CloseTime > '${since}'`;
    const made: NotificationView[] = [];
    let seen = 0;
    for await (const execution of client.workflow.list({ query })) {
      if (seen >= limit) break;
      seen += 1;
      const failure = workflowFailureReport(execution);
      if (!failure) continue;
      const notifications = await database.$transaction((tx) =>
        intake.record(tx, { kind: 'workflow-failure', failure }),
      );
      if (notifications.length > 0) committed(notifications);
      made.push(...notifications);
    }
    return made;
  }
}
