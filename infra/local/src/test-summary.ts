// Prints the closing line of the test command: every package's and tier's counts added up.
// Exits 1 when a test failed or when no test ran at all.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface RunCounts {
  package: string;
  tiers: string;
  passed: number;
  failed: number;
  failedSuites: number;
}

const dir = process.argv[2];
if (!dir || !existsSync(dir)) {
  console.error('no test results were recorded: did any test run?');
  process.exit(1);
}
const runs = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as RunCounts);
for (const run of runs.sort((a, b) =>
  `${a.tiers}${a.package}`.localeCompare(`${b.tiers}${b.package}`),
)) {
  console.log(
    `  ${run.tiers.padEnd(12)} ${run.package.padEnd(28)} ${run.passed} passed, ${run.failed} failed`,
  );
}
const passed = runs.reduce((sum, run) => sum + run.passed, 0);
const failed = runs.reduce((sum, run) => sum + run.failed, 0);
const failedSuites = runs.reduce((sum, run) => sum + run.failedSuites, 0);
if (failedSuites > 0) console.log(`\n${failedSuites} test suite(s) failed`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failedSuites > 0 || passed === 0 ? 1 : 0);
