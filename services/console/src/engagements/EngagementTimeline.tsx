// The engagement's history as a timeline: who did what, when, and where it led.
import type { EngagementTransition } from '../gateway/api-types.ts';
import { actionTitles, noteWords, stageTitle, stateTitle } from '../wording/engagement-words.ts';
import { formatDateTime } from '../wording/programme-words.ts';

export function EngagementTimeline({
  history,
}: {
  readonly history: readonly EngagementTransition[];
}) {
  return (
    <section aria-labelledby="timeline-heading" className="panel">
      <h2 id="timeline-heading">Timeline</h2>
      <ol className="timeline" reversed>
        {[...history].reverse().map((entry, index) => {
          const moved = entry.from.stage !== entry.to.stage || entry.from.state !== entry.to.state;
          return (
            <li key={`${entry.at}-${index}`}>
              <p className="timeline-what">
                <strong>{actionTitles[entry.action]}</strong> by {entry.by}
              </p>
              <p className="timeline-when">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                {moved
                  ? ` · ${stageTitle(entry.to.stage)}, ${stateTitle(entry.to.state).toLowerCase()}`
                  : null}
              </p>
              {entry.note ? <p className="timeline-note">{noteWords(entry.note)}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
