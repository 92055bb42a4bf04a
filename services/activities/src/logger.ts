// Where the activities service writes its lines: one per significant action, ids and counts only.
import type { ConsumerLogger, RelayLogger } from '@cttech/messaging';

/** The consumer's and relay's warnings and errors, and the service's own action lines. */
export interface ActivitiesLogger extends ConsumerLogger, RelayLogger {
  /** One significant action (planned, closed, registered…), named by ids; never personal data. */
  log(message: string): void;
}
