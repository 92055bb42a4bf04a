// A Jest reporter that records each run's counts in $CTTECH_TEST_RESULTS, so the test
// command can print one closing total over every package and tier.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export default class ResultsFileReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(_contexts, results) {
    const dir = process.env.CTTECH_TEST_RESULTS;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    const tiers = (this.globalConfig.selectProjects ?? ['all']).join('+');
    const name = `${basename(this.globalConfig.rootDir)}.${tiers}.${process.pid}.json`;
    writeFileSync(
      join(dir, name),
      JSON.stringify({
        package: basename(this.globalConfig.rootDir),
        tiers,
        passed: results.numPassedTests,
        failed: results.numFailedTests,
        failedSuites: results.numFailedTestSuites + results.numRuntimeErrorTestSuites,
      }),
    );
  }
}
