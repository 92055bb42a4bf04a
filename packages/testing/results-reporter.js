// A Jest reporter that records each run's counts in $CTTECH_TEST_RESULTS, so the test
// command can print one closing total over every package and tier.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The tier (Jest project) this run selected, from `--selectProjects <tier>`. */
function selectedTier() {
  const flag = process.argv.indexOf('--selectProjects');
  return flag >= 0 ? (process.argv[flag + 1] ?? 'all') : 'all';
}

export default class ResultsFileReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(_contexts, results) {
    const dir = process.env.CTTECH_TEST_RESULTS;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    const tiers = selectedTier();
    const packageName = JSON.parse(
      readFileSync(join(this.globalConfig.rootDir, 'package.json'), 'utf8'),
    ).name;
    const name = `${packageName.replace(/[^a-z0-9-]+/gi, '_')}.${tiers}.${process.pid}.json`;
    writeFileSync(
      join(dir, name),
      JSON.stringify({
        package: packageName,
        tiers,
        passed: results.numPassedTests,
        failed: results.numFailedTests,
        failedSuites: results.numFailedTestSuites + results.numRuntimeErrorTestSuites,
      }),
    );
  }
}
