// Investigators trained per partner state, by sex, as a bar chart (recharts, its own chunk),
// with the same figures as a table for those who do not see the chart.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TrainedBySex } from './indicator-rows.ts';

/** Colours with at least 3:1 contrast against white and distinct for colour-blind readers. */
const series = [
  { key: 'women', name: 'Women', colour: '#0b5cad' },
  { key: 'men', name: 'Men', colour: '#b45309' },
  { key: 'undisclosed', name: 'Undisclosed', colour: '#4b5563' },
] as const;

export default function TrainedBySexChart({
  rows,
  target,
}: {
  readonly rows: readonly TrainedBySex[];
  /** '40 per partner state', from the indicator. */
  readonly target: string | undefined;
}) {
  if (rows.length === 0) return <p>No partner state has recorded a training yet.</p>;
  return (
    <figure className="chart">
      <div className="chart-area">
        <ResponsiveContainer width="100%" height={280}>
          <BarChart data={[...rows]} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#d0d7de" />
            <XAxis dataKey="name" tick={{ fill: '#1f2328' }} />
            <YAxis allowDecimals={false} tick={{ fill: '#1f2328' }} />
            <Tooltip />
            <Legend itemSorter={(item) => series.findIndex(({ key }) => key === item.dataKey)} />
            {series.map(({ key, name, colour }) => (
              <Bar key={key} dataKey={key} name={name} fill={colour} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        Participants of the delivered courses, per partner state, by sex
        {target ? ` (target: ${target})` : ''}.
      </figcaption>
      <details>
        <summary>The chart&apos;s figures as a table</summary>
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">Partner state</th>
              {series.map(({ key, name }) => (
                <th scope="col" key={key} className="number">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name}>
                <th scope="row">{row.name}</th>
                {series.map(({ key }) => (
                  <td key={key} className="number">
                    {row[key]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
