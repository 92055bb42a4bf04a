// The console's bundle budget, checked on every build: on a slow link what matters is what
// travels, so each JavaScript chunk is measured gzipped, the entry (what every page loads
// first) against a tighter limit than the chunks loaded on demand. A build over budget fails,
// naming each chunk, its size and its limit.
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export interface BundleBudget {
  /** Most gzipped bytes of the entry chunk (with its static imports, loaded on every page). */
  readonly entryBytes: number;
  /** Most gzipped bytes of any chunk loaded on demand (a role's area, a chart). */
  readonly chunkBytes: number;
}

/** The limits: React, the router and the query client in the entry; recharts on its own. */
export const consoleBudget: BundleBudget = { entryBytes: 110_000, chunkBytes: 110_000 };

export interface BuiltChunk {
  readonly fileName: string;
  readonly isEntry: boolean;
  readonly gzippedBytes: number;
  /** The chunks it imports statically (loaded with it). */
  readonly imports: readonly string[];
}

/**
 * Each chunk over its limit, in words; none when the build keeps to the budget. The entry is
 * measured with every chunk it imports statically, since the first page waits for them all.
 */
export function overBudget(chunks: readonly BuiltChunk[], budget: BundleBudget): string[] {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const loadedWith = (chunk: BuiltChunk, seen = new Set<string>()): number => {
    if (seen.has(chunk.fileName)) return 0;
    seen.add(chunk.fileName);
    return chunk.imports.reduce((total, name) => {
      const imported = byName.get(name);
      return total + (imported === undefined ? 0 : loadedWith(imported, seen));
    }, chunk.gzippedBytes);
  };
  return chunks.flatMap((chunk) => {
    const [bytes, limit, what] = chunk.isEntry
      ? [loadedWith(chunk), budget.entryBytes, 'with its static imports, over the entry limit']
      : [chunk.gzippedBytes, budget.chunkBytes, 'over the chunk limit'];
    return bytes > limit
      ? [`${chunk.fileName} is ${kilobytes(bytes)} gzipped ${what} of ${kilobytes(limit)}`]
      : [];
  });
}

/** Fails the build when a chunk is over the budget. */
export function bundleBudget(budget: BundleBudget = consoleBudget): Plugin {
  return {
    name: 'cttech-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((output) =>
        output.type === 'chunk'
          ? [
              {
                fileName: output.fileName,
                isEntry: output.isEntry,
                gzippedBytes: gzipSync(output.code).length,
                imports: output.imports,
              },
            ]
          : [],
      );
      const problems = overBudget(chunks, budget);
      if (problems.length > 0) {
        this.error(`the console's bundle is over budget: ${problems.join('; ')}`);
      }
    },
  };
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1_000).toFixed(1)} kB`;
}
