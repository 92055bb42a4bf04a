import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Component, ComponentStatus } from './component.ts';
import { ensureDir, localDir, logsDir, repositoryRoot } from './paths.ts';
import {
  InfraError,
  readPid,
  startDetached,
  stopFromPidFile,
  waitUntilHealthy,
} from './processes.ts';
import { host, ports } from './versions.ts';

const readyLine = 'engagement worker: polling';

/** The engagement workflow's worker, built (`pnpm build`) and run against the local servers. */
export class EngagementWorkerProcess implements Component {
  readonly name = 'engagement-worker' as const;
  readonly title = 'Worker';
  readonly logFile = join(logsDir, 'engagement-worker.log');
  private readonly pidFile = join(localDir, 'engagement-worker.pid');
  private readonly main = join(repositoryRoot, 'workflows', 'engagement', 'dist', 'main.js');

  async install(): Promise<void> {
    if (!existsSync(this.main)) {
      throw new InfraError(
        `the worker is not built (${this.main} is missing): run \`pnpm build\` first`,
      );
    }
  }

  async up(): Promise<void> {
    await this.install();
    if (readPid(this.pidFile) !== undefined) return;
    ensureDir(logsDir);
    const logOffset = existsSync(this.logFile) ? statSync(this.logFile).size : 0;
    const pid = startDetached(
      process.execPath,
      ['--disable-warning=TimeoutNegativeWarning', this.main],
      {
        logFile: this.logFile,
        pidFile: this.pidFile,
        env: {
          TEMPORAL_ADDRESS: `${host}:${ports.temporal}`,
          KAFKA_BROKERS: `${host}:${ports.kafka}`,
        },
      },
    );
    await waitUntilHealthy(this.title, async () => this.logSince(logOffset).includes(readyLine), {
      timeoutMs: 120_000,
      logFile: this.logFile,
      pid,
    });
  }

  down(): Promise<'stopped' | 'killed' | 'not running'> {
    // SIGTERM: the worker finishes in-flight tasks within its grace time, then exits
    return stopFromPidFile(this.pidFile, 45_000);
  }

  async status(): Promise<ComponentStatus> {
    const pid = readPid(this.pidFile);
    return {
      running: pid !== undefined,
      healthy: pid !== undefined && this.lastRunReady(),
      pid,
      listening: [`engagement worker, task queue engagements on ${host}:${ports.temporal}`],
    };
  }

  private logSince(offset: number): string {
    return existsSync(this.logFile)
      ? readFileSync(this.logFile).subarray(offset).toString('utf8')
      : '';
  }

  /** The log's last run reached polling and has not stopped since. */
  private lastRunReady(): boolean {
    const log = this.logSince(0);
    return log.lastIndexOf(readyLine) > log.lastIndexOf('engagement worker: stopped');
  }
}
