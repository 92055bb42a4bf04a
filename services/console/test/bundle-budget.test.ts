import { describe, expect, it } from '@jest/globals';
import { overBudget } from '../bundle-budget.ts';

const budget = { entryBytes: 100_000, chunkBytes: 150_000 };

describe("the console's bundle budget", () => {
  it('passes chunks within their limits', () => {
    expect(
      overBudget(
        [
          { fileName: 'index.js', isEntry: true, gzippedBytes: 90_000, imports: ['runtime.js'] },
          { fileName: 'runtime.js', isEntry: false, gzippedBytes: 10_000, imports: [] },
          { fileName: 'CartesianChart.js', isEntry: false, gzippedBytes: 149_999, imports: [] },
        ],
        budget,
      ),
    ).toEqual([]);
  });

  it('counts what the entry imports statically, once each, but not what it loads on demand', () => {
    expect(
      overBudget(
        [
          { fileName: 'index.js', isEntry: true, gzippedBytes: 60_000, imports: ['a.js', 'b.js'] },
          { fileName: 'a.js', isEntry: false, gzippedBytes: 30_000, imports: ['b.js'] },
          { fileName: 'b.js', isEntry: false, gzippedBytes: 15_500, imports: ['a.js'] },
          { fileName: 'Chart.js', isEntry: false, gzippedBytes: 140_000, imports: [] },
        ],
        budget,
      ),
    ).toEqual([
      'index.js is 105.5 kB gzipped with its static imports, over the entry limit of 100.0 kB',
    ]);
  });

  it('names each chunk over its limit', () => {
    expect(
      overBudget(
        [
          { fileName: 'index.js', isEntry: true, gzippedBytes: 50_000, imports: [] },
          { fileName: 'EngagementsArea.js', isEntry: false, gzippedBytes: 120_500, imports: [] },
          { fileName: 'CartesianChart.js', isEntry: false, gzippedBytes: 151_000, imports: [] },
        ],
        budget,
      ),
    ).toEqual(['CartesianChart.js is 151.0 kB gzipped over the chunk limit of 150.0 kB']);
  });
});
