// The board of the user's engagements: one column per stage, each card saying whose move it
// is, its deadline and whether it is overdue. Officers open engagements from here.
import { useState } from 'react';
import { QueryState } from '../layout/QueryState.tsx';
import { PageHeading } from '../layout/PageHeading.tsx';
import { hasRole } from '../session/token-claims.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { stageTitle } from '../wording/engagement-words.ts';
import { partnerStatesWords } from '../wording/programme-words.ts';
import { BoardCardView } from './BoardCardView.tsx';
import { engagementBoard, type BoardColumn } from './engagement-board.ts';
import { OpenEngagementForm } from './OpenEngagementForm.tsx';
import { boardLimit, useEngagementList } from './useEngagementQueries.ts';

/** Cards a column shows before "show all" (each open card asks for its deadline). */
const cardsShown = 8;

export function BoardPage() {
  const { user } = useSession();
  const list = useEngagementList();
  const officer = hasRole(user, 'PROGRAMME_OFFICER');
  return (
    <>
      <PageHeading title={officer ? 'My engagements' : 'Engagements'} />
      <p className="lead">
        Engagements of {partnerStatesWords(user.partnerStates)}, by stage. Each card says whose move
        it is and when it is due.
      </p>
      {officer ? <OpenEngagementForm partnerStates={user.partnerStates} /> : null}
      <QueryState query={list} what="the engagements">
        {({ engagements }) => (
          <>
            {engagements.length >= boardLimit ? (
              <p className="hint">Showing the {boardLimit} most recently opened engagements.</p>
            ) : null}
            <div className="board">
              {engagementBoard(engagements).map((column) => (
                <BoardColumnView key={column.stage} column={column} />
              ))}
            </div>
          </>
        )}
      </QueryState>
    </>
  );
}

function BoardColumnView({ column }: { readonly column: BoardColumn }) {
  const [showAll, setShowAll] = useState(false);
  const headingId = `column-${column.stage}`;
  const shown = showAll ? column.cards : column.cards.slice(0, cardsShown);
  return (
    <section className="board-column" aria-labelledby={headingId}>
      <h2 id={headingId} className="board-column-heading">
        {stageTitle(column.stage)} <span className="count">{column.cards.length}</span>
        {column.overdue > 0 ? (
          <span className="mark mark-overdue">{column.overdue} overdue</span>
        ) : null}
      </h2>
      {column.cards.length === 0 ? (
        <p className="hint">No engagement at this stage.</p>
      ) : (
        <ol className="board-cards">
          {shown.map((card) => (
            <li key={card.engagement.engagementId}>
              <BoardCardView card={card} />
            </li>
          ))}
        </ol>
      )}
      {column.cards.length > cardsShown ? (
        <button type="button" className="button link-like" onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer' : `Show all ${column.cards.length}`}
        </button>
      ) : null}
    </section>
  );
}
