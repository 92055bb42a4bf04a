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

/** How to tell that an application is ready: a line in its log, or a readiness URL. */
export type Readiness =
  { readonly logLine: string; readonly stoppedLine: string } | { readonly url: string };

export interface ApplicationSpec {
  readonly name: Component['name'];
  readonly title: string;
  /** The built entry point, relative to the repository root. */
  readonly main: string;
  readonly env: Readonly<Record<string, string>>;
  readonly readiness: Readiness;
  /** Where it listens, in words, for `status`. */
  readonly listening: readonly string[];
  /** How long SIGTERM may take before SIGKILL. */
  readonly stopGraceMs: number;
}

/** One of the system's own processes (the worker, a service), built and run locally. */
export class ApplicationProcess implements Component {
  readonly name: Component['name'];
  readonly title: string;
  readonly logFile: string;
  private readonly pidFile: string;
  private readonly main: string;
  private readonly spec: ApplicationSpec;

  constructor(spec: ApplicationSpec) {
    this.spec = spec;
    this.name = spec.name;
    this.title = spec.title;
    this.logFile = join(logsDir, `${spec.name}.log`);
    this.pidFile = join(localDir, `${spec.name}.pid`);
    this.main = join(repositoryRoot, spec.main);
  }

  async install(): Promise<void> {
    if (!existsSync(this.main)) {
      throw new InfraError(
        `${this.title} is not built (${this.main} is missing): run \`pnpm build\` first`,
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
      { logFile: this.logFile, pidFile: this.pidFile, env: { ...this.spec.env } },
    );
    await waitUntilHealthy(this.title, () => this.ready(logOffset), {
      timeoutMs: 120_000,
      logFile: this.logFile,
      pid,
    });
  }

  down(): Promise<'stopped' | 'killed' | 'not running'> {
    // SIGTERM: it finishes in-flight work within its grace time, then exits
    return stopFromPidFile(this.pidFile, this.spec.stopGraceMs);
  }

  async status(): Promise<ComponentStatus> {
    const pid = readPid(this.pidFile);
    return {
      running: pid !== undefined,
      healthy: pid !== undefined && (await this.ready(0)),
      pid,
      listening: this.spec.listening,
    };
  }

  private async ready(logOffset: number): Promise<boolean> {
    const { readiness } = this.spec;
    if ('url' in readiness) {
      try {
        const response = await fetch(readiness.url, { signal: AbortSignal.timeout(2_000) });
        return response.ok;
      } catch {
        return false;
      }
    }
    const log = existsSync(this.logFile)
      ? readFileSync(this.logFile).subarray(logOffset).toString('utf8')
      : '';
    // the last run reached its ready line and has not stopped since
    return log.lastIndexOf(readiness.logLine) > log.lastIndexOf(readiness.stoppedLine);
  }
}
