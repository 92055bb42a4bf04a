// One engagement on the board: its partner state and cycle, its state, whose move it is,
// its current deadline (from its status, once the card is shown) and an overdue mark.
import { Link } from 'react-router';
import { hasRole } from '../session/token-claims.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { stateTitle, waitingOnTitles } from '../wording/engagement-words.ts';
import { deadlineWords, partnerStateName } from '../wording/programme-words.ts';
import { currentDeadline, type BoardCard } from './engagement-board.ts';
import { useEngagementStatus } from './useEngagementQueries.ts';

export function BoardCardView({ card }: { readonly card: BoardCard }) {
  const { user } = useSession();
  const { engagement, waitingOn, closed } = card;
  const status = useEngagementStatus(engagement.engagementId, { enabled: !closed });
  const deadline = status.data === undefined ? undefined : currentDeadline(status.data);
  const overdue = card.overdue || deadline?.overdue === true;
  const yourMove =
    waitingOn === 'PROGRAMME_OFFICER'
      ? hasRole(user, 'PROGRAMME_OFFICER')
      : waitingOn === 'COMPLIANCE_REVIEWER'
        ? hasRole(user, 'COMPLIANCE_REVIEWER')
        : waitingOn === 'PROGRAMME_MANAGER' && hasRole(user, 'PROGRAMME_MANAGER');
  return (
    <article className={`board-card${overdue ? ' is-overdue' : ''}${closed ? ' is-closed' : ''}`}>
      <h3 className="board-card-heading">
        <Link to={`/engagements/${encodeURIComponent(engagement.engagementId)}`}>
          {partnerStateName(engagement.partnerState)} {engagement.cycle}
        </Link>
      </h3>
      <p className="board-card-state">
        {closed && engagement.workflowStatus !== 'RUNNING' && engagement.state !== 'COMPLETED'
          ? `Workflow ${engagement.workflowStatus.toLowerCase().replaceAll('_', ' ')}`
          : stateTitle(engagement.state)}
        {overdue ? <span className="mark mark-overdue">Overdue</span> : null}
      </p>
      {waitingOn !== undefined ? (
        <p className={yourMove ? 'waiting-on is-yours' : 'waiting-on'}>
          Waiting on {yourMove ? 'you' : waitingOnTitles[waitingOn]}
        </p>
      ) : null}
      {deadline !== undefined ? (
        <p className={deadline.overdue ? 'deadline is-overdue' : 'deadline'}>
          {deadline.what === 'review' ? 'Review' : 'Stage'} {deadlineWords(deadline.dueAt)}
        </p>
      ) : null}
    </article>
  );
}
