// Partner states adopting a strategy over time, as a step chart (recharts, its own chunk): the
// cumulative count from the first adoption to today, against the programme's target. The
// adoptions themselves are listed in a table beside it, for those who do not see the chart.
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { dayAt, type AdoptionChart } from './strategy-adoptions.ts';

/** The line's colour: at least 3:1 against white. */
const colour = '#0b5cad';

export default function StrategyAdoptionsChart({ chart }: { readonly chart: AdoptionChart }) {
  const highest = Math.max(chart.target ?? 0, ...chart.steps.map((step) => step.statesAdopting));
  return (
    <figure className="chart">
      <div className="chart-area">
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={[...chart.steps]} margin={{ top: 16, right: 24, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#d0d7de" />
            <XAxis
              dataKey="at"
              type="number"
              scale="time"
              domain={[...chart.domain]}
              ticks={chart.steps.map(({ at }) => at)}
              interval="preserveStartEnd"
              tickFormatter={dayAt}
              tick={{ fill: '#1f2328' }}
              minTickGap={24}
            />
            <YAxis
              allowDecimals={false}
              domain={[0, highest]}
              ticks={Array.from({ length: highest + 1 }, (_, count) => count)}
              tick={{ fill: '#1f2328' }}
              width={32}
            />
            <Tooltip
              labelFormatter={(at) => dayAt(Number(at))}
              formatter={(value) => [value, 'Partner states adopting']}
            />
            {chart.target === undefined ? null : (
              <ReferenceLine
                y={chart.target}
                stroke="#4b5563"
                strokeDasharray="6 4"
                label={{
                  value: `Target: ${chart.target}`,
                  position: 'insideTopLeft',
                  fill: '#1f2328',
                }}
              />
            )}
            <Line
              type="stepAfter"
              dataKey="statesAdopting"
              name="Partner states adopting"
              stroke={colour}
              strokeWidth={2}
              dot={({ cx, cy, index }: { cx?: number; cy?: number; index?: number }) => (
                // a dot on each adoption day; none today, where the count only holds
                <circle
                  key={index}
                  cx={cx}
                  cy={cy}
                  r={chart.steps[index ?? 0]?.today ? 0 : 4}
                  fill={colour}
                />
              )}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        Partner states that have adopted a CT strategy, policy or action plan, up to today
        {chart.target === undefined ? '' : ` (programme target: ${chart.target})`}. Each adoption is
        listed in the table below.
      </figcaption>
    </figure>
  );
}
