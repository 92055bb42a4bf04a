// A stand-in for the engagement workflow in the operators' overview tests: registered under the
// same name (`engagementWorkflow`) on a private task queue, it ends or gets stuck as a test
// asks.
import { ApplicationFailure, condition, proxyActivities } from '@temporalio/workflow';

/** Retried every 2 s without limit, so a test sees it waiting for its next attempt. */
const { publishEngagementEvent } = proxyActivities<{ publishEngagementEvent(): Promise<void> }>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 1 },
});

export type StandInOutcome =
  'activity keeps failing' | 'workflow task keeps failing' | 'fails' | 'waits';

export async function engagementWorkflow(outcome: StandInOutcome): Promise<void> {
  switch (outcome) {
    case 'activity keeps failing':
      await publishEngagementEvent();
      return;
    case 'workflow task keeps failing':
      // not an ApplicationFailure: the workflow task fails and is retried, the run goes on
      throw new Error('Stage rules could not be loaded: test');
    case 'fails':
      throw ApplicationFailure.nonRetryable(
        'Needs assessment could not be scored: test',
        'ScoringError',
      );
    default:
      await condition(() => false);
  }
}
