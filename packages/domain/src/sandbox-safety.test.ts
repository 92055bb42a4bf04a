// The rules run inside Temporal's deterministic workflow sandbox: no I/O, no clock, no
// randomness, no Node built-ins. This test reads the package's sources to keep it that way.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';

const sourceDirectory = new URL('./', import.meta.url);

const rules = readdirSync(sourceDirectory)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => ({ name, source: readFileSync(new URL(name, sourceDirectory), 'utf8') }));

describe('sandbox safety', () => {
  it('reads the rule files', () => {
    expect(rules.map((rule) => rule.name)).toContain('engagement-state.ts');
  });

  it.each(rules.map((rule) => [rule.name, rule.source]))(
    '%s imports only sibling rule files and zod',
    (_name, source) => {
      const imported = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      for (const specifier of imported) expect(specifier).toMatch(/^(\.\/[a-z-]+\.ts|zod)$/);
    },
  );

  it.each(rules.map((rule) => [rule.name, rule.source]))(
    '%s reads no clock, randomness, process, timer or I/O',
    (_name, source) => {
      expect(source).not.toMatch(
        /\b(Date|Math\.random|process|setTimeout|setInterval|performance|crypto|fetch|require|globalThis)\b/,
      );
    },
  );
});
