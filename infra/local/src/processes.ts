import { execFile, spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/** A step of `up` or `down` failed; the message says what and where to look. */
export class InfraError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InfraError';
  }
}

/** Runs a command to completion; throws with its output when it fails. */
export function run(
  command: string,
  args: readonly string[],
  options: SpawnSyncOptions = {},
): string {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw new InfraError(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) {
    const output = `${String(result.stdout ?? '')}${String(result.stderr ?? '')}`.trim();
    throw new InfraError(
      `${command} ${args.join(' ')} exited with ${result.status ?? result.signal}:\n${output.slice(-4000)}`,
    );
  }
  return String(result.stdout ?? '');
}

/** Runs a command without blocking the event loop; resolves with its output, rejects on failure. */
export function runAsync(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error)
        reject(new InfraError(`${command} ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readPid(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

/** Starts a long-running server detached from this process, output appended to its log. */
export function startDetached(
  command: string,
  args: readonly string[],
  { logFile, pidFile, env }: { logFile: string; pidFile: string; env?: NodeJS.ProcessEnv },
): number {
  const log = openSync(logFile, 'a');
  try {
    const child = spawn(command, args, {
      detached: true,
      stdio: ['ignore', log, log],
      env: { ...process.env, ...env },
    });
    if (child.pid === undefined) throw new InfraError(`${command} did not start; read ${logFile}`);
    child.unref();
    writeFileSync(pidFile, `${child.pid}\n`);
    return child.pid;
  } finally {
    closeSync(log);
  }
}

/** Asks a process group to stop, waits, and kills it when it does not stop in time. */
export async function stopProcess(pid: number, graceMs: number): Promise<'stopped' | 'killed'> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name); // the whole group: a server's own children go too
    } catch {
      try {
        process.kill(pid, name);
      } catch {
        /* already gone */
      }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return 'stopped';
    await delay(100);
  }
  signal('SIGKILL');
  while (isAlive(pid)) await delay(50);
  return 'killed';
}

export function removeFile(path: string): void {
  rmSync(path, { force: true });
}

/** Stops the server whose pid file this is (if it runs) and removes the pid file. */
export async function stopFromPidFile(
  pidFile: string,
  graceMs: number,
): Promise<'stopped' | 'killed' | 'not running'> {
  const pid = readPid(pidFile);
  if (pid === undefined) return 'not running';
  const outcome = await stopProcess(pid, graceMs);
  removeFile(pidFile);
  return outcome;
}

/** True when something accepts TCP connections on host:port. */
export function portAnswers(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Polls `healthy` until it returns true. On timeout, fails with a message naming the server
 * and the log to read.
 */
export async function waitUntilHealthy(
  server: string,
  healthy: () => Promise<boolean>,
  { timeoutMs, logFile, pid }: { timeoutMs: number; logFile: string; pid?: number },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await healthy().catch(() => false)) return;
    if (pid !== undefined && !isAlive(pid)) {
      throw new InfraError(`${server} exited while starting; read ${logFile}`);
    }
    await delay(250);
  }
  throw new InfraError(`${server} was not healthy after ${timeoutMs / 1000} s; read ${logFile}`);
}
