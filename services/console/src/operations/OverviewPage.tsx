// The operator's system overview, refreshed every few seconds: service health, engagements by
// stage and state, failing and stuck workflows (linked to Temporal's UI), recently opened
// engagements, overdue reviews, consumer lag and dead letters.
import { useQuery } from '@tanstack/react-query';
import type { EngagementList, WorkflowOverview } from '../gateway/api-types.ts';
import { readiness } from '../gateway/gateway-client.ts';
import { PageHeading } from '../layout/PageHeading.tsx';
import { QueryState } from '../layout/QueryState.tsx';
import { useReviewList } from '../reviews/useReviewList.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { formatDateTime } from '../wording/programme-words.ts';
import { ConsumerLagPanel, DeadLettersPanel } from './MessagingPanels.tsx';
import {
  EngagementCountsPanel,
  RecentEngagementsPanel,
  TroubledWorkflowsPanel,
} from './WorkflowPanels.tsx';
import { OverdueReviewsPanel, ServiceHealthPanel } from './HealthPanels.tsx';

/** How often the overview asks again. */
export const refreshMs = 5_000;

export function OverviewPage() {
  const { gateway } = useSession();
  const every = { refetchInterval: refreshMs, staleTime: 0 };
  const workflows = useQuery({
    queryKey: ['operations', 'workflows'],
    queryFn: ({ signal }) => gateway.get<WorkflowOverview>('/operations/workflows', signal),
    ...every,
  });
  const engagements = useQuery({
    queryKey: ['engagements', 'operations'],
    queryFn: ({ signal }) => gateway.get<EngagementList>('/engagements?limit=200', signal),
    ...every,
  });
  const reviews = useReviewList('open', every);
  const health = useQuery({
    queryKey: ['operations', 'health'],
    queryFn: ({ signal }) => readiness(signal),
    ...every,
  });
  return (
    <>
      <PageHeading title="System overview" />
      <p className="lead">
        Refreshed every {refreshMs / 1000} seconds
        {workflows.dataUpdatedAt > 0
          ? `; last at ${formatDateTime(new Date(workflows.dataUpdatedAt).toISOString())}`
          : ''}
        . Workflows open in Temporal&apos;s UI.
      </p>
      <div className="overview">
        <QueryState query={health} what="the services' health">
          {(ready) => <ServiceHealthPanel readiness={ready} />}
        </QueryState>
        <QueryState query={reviews} what="the open reviews">
          {(open) => <OverdueReviewsPanel reviews={open} />}
        </QueryState>
        <ConsumerLagPanel />
        <QueryState query={workflows} what="the workflows' overview">
          {(overview) => (
            <>
              <EngagementCountsPanel
                overview={overview}
                engagements={engagements.data?.engagements}
              />
              <TroubledWorkflowsPanel overview={overview} />
            </>
          )}
        </QueryState>
        <QueryState query={engagements} what="the engagements">
          {({ engagements: listed }) => <RecentEngagementsPanel engagements={listed} />}
        </QueryState>
        <DeadLettersPanel />
      </div>
    </>
  );
}
