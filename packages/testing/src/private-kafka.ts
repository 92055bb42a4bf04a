import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repositoryRoot } from './infrastructure.ts';

const run = promisify(execFile);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A Kafka broker of the test's own, started by the project's infra scripts in a temporary
 * folder on free ports, for tests that stop and restart Kafka without disturbing the shared
 * broker other suites use. `remove()` stops it and deletes its data.
 */
export class PrivateKafkaBroker {
  readonly brokers: readonly string[];
  private readonly env: NodeJS.ProcessEnv;
  private readonly folder: string;

  private constructor(folder: string, port: number, controllerPort: number) {
    this.folder = folder;
    this.brokers = [`127.0.0.1:${port}`];
    this.env = {
      ...process.env,
      NODE_OPTIONS: '',
      CTTECH_LOCAL_DIR: folder,
      CTTECH_KAFKA_PORT: String(port),
      CTTECH_KAFKA_CONTROLLER_PORT: String(controllerPort),
    };
  }

  static async start(): Promise<PrivateKafkaBroker> {
    const folder = await mkdtemp(join(tmpdir(), 'cttech-kafka-'));
    const broker = new PrivateKafkaBroker(folder, await freePort(), await freePort());
    await broker.up();
    return broker;
  }

  /** Starts the broker (again) with its data kept, and waits until it answers. */
  up(): Promise<void> {
    return this.infra('up');
  }

  /** Stops the broker the way an operator would (SIGTERM, then SIGKILL after a grace period). */
  down(): Promise<void> {
    return this.infra('down');
  }

  async remove(): Promise<void> {
    await this.down();
    await rm(this.folder, { recursive: true, force: true });
  }

  private async infra(command: 'up' | 'down'): Promise<void> {
    const root = repositoryRoot();
    if (!root) throw new Error('the repository root (pnpm-workspace.yaml) was not found');
    await run(process.execPath, [join(root, 'infra', 'local', 'src', 'cli.ts'), command, 'kafka'], {
      env: this.env,
      timeout: 120_000,
    });
  }
}
