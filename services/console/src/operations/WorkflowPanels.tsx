// The overview's workflow panels: engagements by stage, execution status and state; the
// failing and stuck workflows with their last error; the engagements opened most recently.
import { engagementStages } from '@cttech/domain';
import type { EngagementSummary, WorkflowOverview } from '../gateway/api-types.ts';
import { stageTitle, stateTitle } from '../wording/engagement-words.ts';
import { formatDateTime, partnerStateName } from '../wording/programme-words.ts';
import { countByState, temporalWorkflowUrl, troubledWorkflows } from './system-overview.ts';

/** How many of the latest engagements the overview lists. */
const recentShown = 20;

function TemporalLink({ workflowId }: { readonly workflowId: string }) {
  return (
    <a href={temporalWorkflowUrl(workflowId)} target="_blank" rel="noreferrer">
      {workflowId}
      <span className="visually-hidden"> (opens Temporal&apos;s UI in a new tab)</span>
    </a>
  );
}

export function EngagementCountsPanel({
  overview,
  engagements,
}: {
  readonly overview: WorkflowOverview;
  readonly engagements: readonly EngagementSummary[] | undefined;
}) {
  return (
    <section className="panel panel-wide" aria-labelledby="counts-heading">
      <h2 id="counts-heading">Engagements</h2>
      <div className="count-tables">
        <table>
          <caption>Running, by stage</caption>
          <tbody>
            {engagementStages.map((stage) => (
              <tr key={stage}>
                <th scope="row">{stageTitle(stage)}</th>
                <td className="number">{overview.byStage[stage] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>Workflows, by execution status</caption>
          <tbody>
            {Object.entries(overview.byExecutionStatus).map(([status, count]) => (
              <tr key={status}>
                <th scope="row">{status.toLowerCase().replaceAll('_', ' ')}</th>
                <td className="number">{count}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {engagements !== undefined ? (
          <table>
            <caption>By state{engagements.length >= 200 ? ' (the latest 200)' : ''}</caption>
            <tbody>
              {countByState(engagements).map(({ state, count }) => (
                <tr key={state ?? 'unknown'}>
                  <th scope="row">{stateTitle(state)}</th>
                  <td className="number">{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </section>
  );
}

export function TroubledWorkflowsPanel({ overview }: { readonly overview: WorkflowOverview }) {
  const troubled = troubledWorkflows(overview);
  const { stuckSearch } = overview;
  return (
    <section className="panel panel-wide" aria-labelledby="troubled-heading">
      <h2 id="troubled-heading">Failing and stuck workflows</h2>
      {troubled.length === 0 ? (
        <p className="mark mark-ok">No workflow is failing or stuck.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{troubled.length} need an operator</caption>
            <thead>
              <tr>
                <th scope="col">Workflow</th>
                <th scope="col">Condition</th>
                <th scope="col">Last error</th>
                <th scope="col">Since</th>
              </tr>
            </thead>
            <tbody>
              {troubled.map((workflow, index) => (
                <tr key={`${workflow.engagementId}-${index}`}>
                  <th scope="row">
                    <TemporalLink workflowId={workflow.engagementId} />
                  </th>
                  <td>
                    {workflow.condition.toLowerCase().replaceAll('_', ' ')}
                    {workflow.failing ? `: ${workflow.failing}` : ''}
                  </td>
                  <td className="error-text">{workflow.lastError}</td>
                  <td>{workflow.since ? formatDateTime(workflow.since) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="hint">
        {stuckSearch.complete
          ? `All ${stuckSearch.examined} running engagements were examined.`
          : `The ${stuckSearch.examined} most recently started running engagements were examined (limit ${stuckSearch.limit}).`}
      </p>
    </section>
  );
}

export function RecentEngagementsPanel({
  engagements,
}: {
  readonly engagements: readonly EngagementSummary[];
}) {
  const recent = [...engagements]
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt))
    .slice(0, recentShown);
  return (
    <section className="panel panel-wide" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recently opened engagements</h2>
      <div className="table-scroll">
        <table>
          <caption>The {recent.length} most recently opened</caption>
          <thead>
            <tr>
              <th scope="col">Workflow</th>
              <th scope="col">Partner state</th>
              <th scope="col">Stage</th>
              <th scope="col">State</th>
              <th scope="col">Opened</th>
            </tr>
          </thead>
          <tbody>
            {recent.map((engagement) => (
              <tr
                key={engagement.engagementId}
                className={engagement.overdue ? 'is-overdue' : undefined}
              >
                <th scope="row">
                  <TemporalLink workflowId={engagement.engagementId} />
                </th>
                <td>{partnerStateName(engagement.partnerState)}</td>
                <td>{stageTitle(engagement.stage)}</td>
                <td>
                  {engagement.workflowStatus === 'RUNNING' || engagement.state === 'COMPLETED'
                    ? stateTitle(engagement.state)
                    : engagement.workflowStatus.toLowerCase()}
                  {engagement.overdue ? <span className="mark mark-overdue">Overdue</span> : null}
                </td>
                <td>{formatDateTime(engagement.openedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
