import { createServer } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import {
  InfraError,
  portAnswers,
  startDetached,
  stopProcess,
  waitUntilHealthy,
  isAlive,
} from './processes.ts';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('waitUntilHealthy', () => {
  it('fails naming the server and the log to read when it never becomes healthy', async () => {
    await expect(
      waitUntilHealthy('Kafka', async () => false, { timeoutMs: 300, logFile: '/x/kafka.log' }),
    ).rejects.toThrow(new InfraError('Kafka was not healthy after 0.3 s; read /x/kafka.log'));
  });

  it('fails at once when the server process has exited', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cttech-infra-'));
    const pid = startDetached('sh', ['-c', 'echo broken config; exit 3'], {
      logFile: join(dir, 'server.log'),
      pidFile: join(dir, 'server.pid'),
    });
    await expect(
      waitUntilHealthy('Temporal', async () => false, {
        timeoutMs: 10_000,
        logFile: join(dir, 'server.log'),
        pid,
      }),
    ).rejects.toThrow(/Temporal exited while starting; read .*server\.log/);
    expect(readFileSync(join(dir, 'server.log'), 'utf8')).toContain('broken config');
  });
});

async function waitForChildPid(file: string): Promise<number> {
  let pid = 0;
  await waitUntilHealthy(
    'child pid file',
    async () => {
      pid = Number(readFileSync(file, 'utf8').trim());
      return pid > 0;
    },
    { timeoutMs: 5_000, logFile: file },
  );
  return pid;
}

describe('stopProcess', () => {
  it('stops a detached server and everything it started', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cttech-infra-'));
    const childPidFile = join(dir, 'child.pid');
    const pid = startDetached('sh', ['-c', `sleep 60 & echo $! > ${childPidFile}; wait`], {
      logFile: join(dir, 'server.log'),
      pidFile: join(dir, 'server.pid'),
    });
    const child = await waitForChildPid(childPidFile);
    expect(isAlive(pid) && isAlive(child)).toBe(true);
    expect(await stopProcess(pid, 2_000)).toBe('stopped');
    expect(isAlive(pid)).toBe(false);
    await waitUntilHealthy('child exit', async () => !isAlive(child), {
      timeoutMs: 10_000,
      logFile: '-',
    });
  });
});

describe('portAnswers', () => {
  it('tells a listening port from a closed one', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    expect(await portAnswers('127.0.0.1', port)).toBe(true);
    await new Promise((resolve) => server.close(resolve));
    expect(await portAnswers('127.0.0.1', port)).toBe(false);
  });
});
