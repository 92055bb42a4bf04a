// The results dashboard's strategy adoptions over time: the chart of partner states adopting
// (loaded in the chart's own chunk), the table of each adoption (date, partner state,
// instrument), and the states counted as adopting whose adoption date was not recorded.
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import type { ProgrammeResults } from '../gateway/api-types.ts';
import { ColumnHeadings } from '../layout/ColumnHeadings.tsx';
import { mayOpen } from '../session/role-navigation.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { adoptionChart, adoptionRows, adoptionsWithoutDate } from './strategy-adoptions.ts';

const StrategyAdoptionsChart = lazy(() => import('./StrategyAdoptionsChart.tsx'));

export function StrategyAdoptionsPanel({ results }: { readonly results: ProgrammeResults }) {
  const { user } = useSession();
  const chart = adoptionChart(results);
  const rows = adoptionRows(results);
  const undated = adoptionsWithoutDate(results);
  const engagementsOpen = mayOpen(user.roles, 'engagements');
  return (
    <section className="panel" aria-labelledby="adoptions-heading">
      <h2 id="adoptions-heading">Strategies adopted over time</h2>
      {chart === undefined ? (
        <p className="notice">
          No strategy, policy or action plan adoption has been signed off
          {undated.length > 0 ? ' with its adoption date' : ''} yet.
        </p>
      ) : (
        <>
          <Suspense
            fallback={
              <p role="status" className="loading">
                Loading the chart…
              </p>
            }
          >
            <StrategyAdoptionsChart chart={chart} />
          </Suspense>
          <div className="table-scroll">
            <table className="compact">
              <caption>Strategy adoptions signed off, the earliest first ({rows.length})</caption>
              <ColumnHeadings
                columns={[
                  'Adopted on',
                  'Partner state',
                  'Instrument',
                  'Engagement',
                  { label: 'States adopting by then', figures: true },
                ]}
              />
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">
                      <time dateTime={row.adoptionDate}>{row.day}</time>
                    </th>
                    <td>{row.partnerState}</td>
                    <td>{row.instrument}</td>
                    <td>
                      {engagementsOpen ? (
                        <Link to={`/engagements/${encodeURIComponent(row.engagementId)}`}>
                          Cycle {row.cycle}
                          <span className="visually-hidden">
                            : {row.partnerState}&apos;s engagement {row.engagementId}
                          </span>
                        </Link>
                      ) : (
                        `Cycle ${row.cycle}`
                      )}
                    </td>
                    <td className="number">{row.statesAdopting}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {undated.length > 0 ? (
        <p className="hint">
          Also counted as adopting, without a recorded adoption date: {undated.join(', ')}.
        </p>
      ) : null}
    </section>
  );
}
