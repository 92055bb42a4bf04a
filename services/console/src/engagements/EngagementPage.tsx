// One engagement: where it stands (stage, state, whose move, deadlines), the findings to
// answer and the exit criteria still unmet, the officer's work for the stage (its forms) and
// the milestone's submission, the manager's and reviewers' controls (suspend, resume, cancel;
// human-rights hold), and the timeline of its history.
import { engagementStages, isMilestoneStage } from '@cttech/domain';
import { Link, useLocation, useParams } from 'react-router';
import type { EngagementStatus } from '../gateway/api-types.ts';
import { PageHeading } from '../layout/PageHeading.tsx';
import { QueryState } from '../layout/QueryState.tsx';
import { hasRole } from '../session/token-claims.ts';
import { useSession } from '../session/SessionProvider.tsx';
import {
  sentenceOf,
  stageTitle,
  stateTitle,
  waitingOnTitles,
} from '../wording/engagement-words.ts';
import { deadlineWords, formatDateTime, partnerStateName } from '../wording/programme-words.ts';
import { currentDeadline } from './engagement-board.ts';
import { EngagementControls } from './EngagementControls.tsx';
import { EngagementTimeline } from './EngagementTimeline.tsx';
import { MilestoneSubmission } from './MilestoneSubmission.tsx';
import type { OpenedNotice } from './OpenEngagementForm.tsx';
import { StageWorkForms } from './stage-work/StageWorkForms.tsx';
import { StageRecordView } from './StageRecordView.tsx';
import { useEngagementStatus } from './useEngagementQueries.ts';

export function EngagementPage() {
  const { engagementId = '' } = useParams();
  const status = useEngagementStatus(engagementId);
  const opened = useLocation().state as OpenedNotice | null;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/engagements">Engagements</Link>
      </p>
      <QueryState query={status} what={`engagement ${engagementId}`}>
        {(engagement) => (
          <>
            <PageHeading title={`${partnerStateName(engagement.partnerState)} ${engagement.cycle}`}>
              {partnerStateName(engagement.partnerState)} {engagement.cycle}{' '}
              <span className="heading-detail">{engagement.engagementId}</span>
            </PageHeading>
            {opened !== null ? (
              <p className="notice" role="status">
                {opened.alreadyOpen
                  ? `${engagement.engagementId} was already open${engagement.history[0] ? ` (since ${formatDateTime(engagement.history[0].at)})` : ''}: it is shown as it stands.`
                  : `${engagement.engagementId} is open, at its kick-off.`}
              </p>
            ) : null}
            <EngagementStanding engagement={engagement} />
            <EngagementWork engagement={engagement} />
            <EngagementControls engagement={engagement} />
            <EngagementTimeline history={engagement.history} />
          </>
        )}
      </QueryState>
    </>
  );
}

function EngagementStanding({ engagement }: { readonly engagement: EngagementStatus }) {
  const deadline = currentDeadline(engagement);
  const { pending, humanRightsHold } = engagement;
  return (
    <section aria-labelledby="standing-heading" className="panel">
      <h2 id="standing-heading">Where it stands</h2>
      <ol className="stage-progress" aria-label="Stages">
        {engagementStages.map((stage, index) => {
          const current = engagementStages.indexOf(engagement.stage);
          const place = index < current ? 'done' : index === current ? 'current' : 'to-come';
          return (
            <li
              key={stage}
              className={`stage-${place}`}
              aria-current={place === 'current' ? 'step' : undefined}
            >
              {stageTitle(stage)}
              <span className="visually-hidden">
                {place === 'done' ? ' (signed off)' : place === 'current' ? ' (current stage)' : ''}
              </span>
            </li>
          );
        })}
      </ol>
      <dl className="facts">
        <div>
          <dt>Stage</dt>
          <dd>{stageTitle(engagement.stage)}</dd>
        </div>
        <div>
          <dt>State</dt>
          <dd>
            {stateTitle(engagement.state)}
            {engagement.overdue || deadline?.overdue ? (
              <span className="mark mark-overdue">Overdue</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Pending</dt>
          <dd>
            {pending === null
              ? 'Nothing'
              : `${sentenceOf(pending.what)}, waiting on ${waitingOnTitles[pending.on]} since ${formatDateTime(pending.since)}`}
          </dd>
        </div>
        {deadline !== undefined ? (
          <div>
            <dt>{deadline.what === 'review' ? 'Review deadline' : 'Stage deadline'}</dt>
            <dd className={deadline.overdue ? 'is-overdue' : undefined}>
              {formatDateTime(deadline.dueAt)} ({deadlineWords(deadline.dueAt)})
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Deadlines</dt>
          <dd>
            {engagement.deadlines.stageDays} days per stage, {engagement.deadlines.reviewDays} days
            per review
          </dd>
        </div>
        {humanRightsHold !== null ? (
          <div>
            <dt>Human-rights hold</dt>
            <dd>
              Placed by {humanRightsHold.placedBy} on {formatDateTime(humanRightsHold.placedAt)};
              only lifting it resumes the engagement
            </dd>
          </div>
        ) : null}
      </dl>
      {engagement.openFindings.length > 0 ? (
        <div className="findings">
          <h3>Findings to answer</h3>
          <ol>
            {engagement.openFindings.map((finding, index) => (
              <li key={index}>
                {finding.text}
                {finding.criterionId ? (
                  <span className="hint"> ({finding.criterionId})</span>
                ) : null}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {engagement.unmetExitCriteria.length > 0 && engagement.stage !== 'COMPLETED' ? (
        <div className="exit-criteria">
          <h3>Still needed before the milestone can be submitted</h3>
          <ul>
            {engagement.unmetExitCriteria.map(({ criterion, message }) => (
              <li key={criterion}>{sentenceOf(message)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** The stage's work: the officer records it and submits the milestone; others read it. */
function EngagementWork({ engagement }: { readonly engagement: EngagementStatus }) {
  const { user } = useSession();
  const officer = hasRole(user, 'PROGRAMME_OFFICER');
  const mayRecord = officer && engagement.allowedActions.includes('RECORD_WORK');
  const maySubmit = officer && engagement.allowedActions.includes('SUBMIT_MILESTONE');
  const stage = engagement.stage;
  if (!isMilestoneStage(stage)) return null;
  return (
    <section aria-labelledby="work-heading" className="panel">
      <h2 id="work-heading">{stageTitle(stage)}: the stage&apos;s work</h2>
      {mayRecord ? (
        <StageWorkForms engagement={engagement} />
      ) : (
        <StageRecordView stage={stage} record={engagement.record} />
      )}
      {maySubmit ? <MilestoneSubmission engagement={engagement} /> : null}
    </section>
  );
}
