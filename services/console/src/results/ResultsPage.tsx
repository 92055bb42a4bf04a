// The programme results: the engagements per partner state, each indicator against its
// target per state and in total, the partner states adopting a strategy over time (a chart and
// the adoptions' table), investigators trained by sex per state as a chart, and the
// indicators as a CSV download (`GET /indicators`, `/indicators.csv`).
import { useMutation, useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { ProblemNotice } from '../forms/ProblemNotice.tsx';
import type { ProgrammeResults } from '../gateway/api-types.ts';
import { PageHeading } from '../layout/PageHeading.tsx';
import { QueryState } from '../layout/QueryState.tsx';
import { useSession } from '../session/SessionProvider.tsx';
import { partnerStateName } from '../wording/programme-words.ts';
import { saveIndicatorsCsv } from './csv-export.ts';
import {
  engagementsPerState,
  indicatorTable,
  trainedBySex,
  type IndicatorCell,
} from './indicator-rows.ts';
import { StrategyAdoptionsPanel } from './StrategyAdoptionsPanel.tsx';

const TrainedBySexChart = lazy(() => import('./TrainedBySexChart.tsx'));

export function ResultsPage() {
  const { gateway } = useSession();
  const results = useQuery({
    queryKey: ['indicators'],
    queryFn: ({ signal }) => gateway.get<ProgrammeResults>('/indicators', signal),
    refetchInterval: 30_000,
  });
  const exporting = useMutation({ mutationFn: () => saveIndicatorsCsv(gateway) });
  return (
    <>
      <PageHeading title="Programme results" />
      <p className="lead">
        The logframe&apos;s indicators, computed from what the engagements recorded and signed off,
        never typed in twice.
      </p>
      <div className="toolbar">
        <button
          type="button"
          className="button secondary"
          onClick={() => exporting.mutate()}
          disabled={exporting.isPending}
        >
          {exporting.isPending ? 'Preparing the CSV…' : 'Download the indicators (CSV)'}
        </button>
        <p role="status">{exporting.isSuccess ? `Saved ${exporting.data}.` : ''}</p>
      </div>
      {exporting.isError ? (
        <ProblemNotice error={exporting.error} context="Could not export" />
      ) : null}
      <QueryState query={results} what="the programme results">
        {(programme) => <ResultsView results={programme} />}
      </QueryState>
    </>
  );
}

function ResultsView({ results }: { readonly results: ProgrammeResults }) {
  const table = indicatorTable(results);
  const states = engagementsPerState(results);
  return (
    <>
      <section className="panel" aria-labelledby="engagements-heading">
        <h2 id="engagements-heading">Engagements per partner state</h2>
        <table className="compact">
          <caption className="visually-hidden">Engagements opened, per partner state</caption>
          <thead>
            <tr>
              <th scope="col">Partner state</th>
              <th scope="col" className="number">
                Engagements
              </th>
            </tr>
          </thead>
          <tbody>
            {states.map(({ partnerState, name, engagements }) => (
              <tr key={partnerState}>
                <th scope="row">{name}</th>
                <td className="number">{engagements}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All {results.total.partnerStates} partner states</th>
              <td className="number">
                {states.reduce((sum, state) => sum + state.engagements, 0)}
              </td>
            </tr>
          </tfoot>
        </table>
      </section>
      <section className="panel" aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">Indicators against their targets</h2>
        {/* a column per partner state: wider than the page once many have engagements, so the
            scrolling region takes the focus for the keyboard to scroll it (WCAG 2.1.1) */}
        <div
          className="table-scroll"
          role="region"
          aria-labelledby="indicators-caption"
          tabIndex={0}
        >
          <table className="indicators">
            <caption id="indicators-caption" className="visually-hidden">
              Each indicator, its target, the programme total and each partner state
            </caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">Target</th>
                <th scope="col">Programme</th>
                {table.partnerStates.map((code) => (
                  <th scope="col" key={code}>
                    {partnerStateName(code)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.indicator}>
                  <th scope="row">{row.title}</th>
                  <td>{row.target}</td>
                  <td>
                    <Figure cell={row.total} />
                  </td>
                  {row.perState.map((cell, index) => (
                    <td key={table.partnerStates[index]}>{cell ? <Figure cell={cell} /> : '—'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <StrategyAdoptionsPanel results={results} />
      <section className="panel" aria-labelledby="trained-heading">
        <h2 id="trained-heading">Investigators trained, by sex</h2>
        <Suspense
          fallback={
            <p role="status" className="loading">
              Loading the chart…
            </p>
          }
        >
          <TrainedBySexChart
            rows={trainedBySex(results)}
            target={
              table.rows.find(({ indicator }) => indicator === 'INVESTIGATORS_TRAINED')?.target
            }
          />
        </Suspense>
      </section>
    </>
  );
}

function Figure({ cell }: { readonly cell: IndicatorCell }) {
  return (
    <>
      <span className="figure">{cell.text}</span>
      {cell.met === true ? <span className="mark mark-ok">met</span> : null}
      {cell.met === false ? <span className="mark mark-short">not met</span> : null}
      {cell.reason ? <span className="hint figure-reason">{cell.reason}</span> : null}
    </>
  );
}
