import { describe, expect, it } from '@jest/globals';
import { percentile, table, throughput, together, type Measurement } from './bench-figures.ts';

const round = (name: string, elapsedMs: number, latenciesMs: number[]): Measurement => ({
  name,
  round: '1',
  count: latenciesMs.length,
  elapsedMs,
  latenciesMs,
});

describe("the benchmarks' figures", () => {
  it('gives the rate per second and the nearest-rank percentiles', () => {
    const run = round('open ours', 2_000, [5, 1, 4, 2, 3, 10, 9, 8, 7, 6]);
    expect(throughput(run)).toBe(5);
    expect(percentile(run, 0.5)).toBe(5);
    expect(percentile(run, 0.95)).toBe(10);
    expect(percentile(run, 0.1)).toBe(1);
    expect(percentile(round('none', 1, []), 0.99)).toBeNaN();
  });

  it('puts rounds together, and prints one aligned line per run', () => {
    const all = together('open ours', [round('a', 1_000, [1, 2]), round('b', 3_000, [3, 4])]);
    expect(all).toMatchObject({ round: 'all', count: 4, elapsedMs: 4_000 });
    expect(throughput(all)).toBe(1);
    const lines = table([all], { name: 'operation', count: 'calls' }).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^operation\s+round\s+calls\s+seconds\s+calls\/s\s+p50 ms/);
    expect(lines[1]?.split(/\s{2,}|\s(?=\d)/).filter(Boolean)).toEqual([
      'open ours',
      'all',
      '4',
      '4.00',
      '1',
      '2',
      '4',
      '4',
      '4',
    ]);
  });
});
