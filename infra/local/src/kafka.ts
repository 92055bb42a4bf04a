import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import type { Component, ComponentStatus } from './component.ts';
import { cacheDir, ensureDir, infraFile, localDir, logsDir } from './paths.ts';
import {
  InfraError,
  readPid,
  run,
  startDetached,
  stopFromPidFile,
  waitUntilHealthy,
} from './processes.ts';
import { host, ports, versions } from './versions.ts';

/** A single Apache Kafka broker in KRaft mode, from Maven Central jars, on Java 17+. */
export class KafkaBroker implements Component {
  readonly name = 'kafka' as const;
  readonly title = 'Kafka';
  readonly logFile = join(logsDir, 'kafka.log');
  private readonly baseDir = join(localDir, 'kafka');
  private readonly dataDir = join(this.baseDir, 'data');
  private readonly pidFile = join(this.baseDir, 'kafka.pid');
  private readonly configFile = join(this.baseDir, 'server.properties');
  private readonly libsDir = join(cacheDir, `kafka-${versions.kafka}`, 'libs');

  async install(): Promise<void> {
    if (existsSync(join(this.libsDir, '.complete'))) return;
    for (const tool of ['java', 'mvn']) {
      try {
        run(tool, ['-version']);
      } catch {
        throw new InfraError(
          `${tool} is needed to fetch and run Kafka (Debian: apt-get install openjdk-17-jre-headless maven)`,
        );
      }
    }
    console.log(`fetching Kafka ${versions.kafka} jars from Maven Central into ${this.libsDir}`);
    run('mvn', [
      '-q',
      '-B',
      '-f',
      infraFile('local', 'kafka', 'pom.xml'),
      `-Dkafka.version=${versions.kafka}`,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${this.libsDir}`,
      '-DincludeScope=runtime',
    ]);
    const jars = readdirSync(this.libsDir).filter((file) => file.endsWith('.jar'));
    if (!jars.some((jar) => jar.startsWith('kafka_2.13-'))) {
      throw new InfraError(`Maven did not deliver the Kafka broker jar into ${this.libsDir}`);
    }
    writeFileSync(join(this.libsDir, '.complete'), `${jars.length} jars\n`);
  }

  async up(): Promise<void> {
    await this.install();
    if (readPid(this.pidFile) !== undefined && (await this.healthy())) return;
    ensureDir(this.dataDir);
    ensureDir(logsDir);
    this.writeConfig();
    if (!existsSync(join(this.dataDir, 'meta.properties'))) this.format();
    const pid = startDetached(
      'java',
      [
        '-Xms256m',
        '-Xmx512m',
        '-Djava.awt.headless=true',
        `-Dlog4j.configuration=file:${infraFile('local', 'kafka', 'log4j.properties')}`,
        `-Dkafka.logs.dir=${logsDir}`,
        '-cp',
        `${this.libsDir}/*`,
        'kafka.Kafka',
        this.configFile,
      ],
      { logFile: this.logFile, pidFile: this.pidFile },
    );
    await waitUntilHealthy(this.title, () => this.healthy(), {
      timeoutMs: 90_000,
      logFile: `${this.logFile} and ${join(logsDir, 'kafka-server.log')}`,
      pid,
    });
  }

  down(): Promise<'stopped' | 'killed' | 'not running'> {
    return stopFromPidFile(this.pidFile, 30_000);
  }

  async status(): Promise<ComponentStatus> {
    const pid = readPid(this.pidFile);
    return {
      running: pid !== undefined,
      healthy: pid !== undefined && (await this.healthy()),
      pid,
      listening: [
        `Kafka broker ${host}:${ports.kafka} (KRaft controller ${host}:${ports.kafkaController})`,
      ],
    };
  }

  /** The broker answers a metadata request (a port that merely accepts is not enough). */
  private async healthy(): Promise<boolean> {
    const admin = new Kafka({
      clientId: 'cttech-infra-health',
      brokers: [`${host}:${ports.kafka}`],
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1_000,
      retry: { retries: 0 },
    }).admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      return cluster.brokers.length > 0 && cluster.controller !== null;
    } catch {
      return false;
    } finally {
      await admin.disconnect().catch(() => {});
    }
  }

  private writeConfig(): void {
    const template = readFileSync(infraFile('local', 'kafka', 'server.properties'), 'utf8');
    const values: Record<string, string> = {
      HOST: host,
      KAFKA_PORT: String(ports.kafka),
      CONTROLLER_PORT: String(ports.kafkaController),
      LOG_DIRS: this.dataDir,
    };
    writeFileSync(
      this.configFile,
      template.replace(/\$\{([A-Z_]+)\}/g, (match, key: string) => values[key] ?? match),
    );
  }

  /** Formats the KRaft storage once; a formatted folder keeps its cluster id. */
  private format(): void {
    const tools = [
      `-Dlog4j.configuration=file:${infraFile('local', 'kafka', 'tools-log4j.properties')}`,
      '-cp',
      `${this.libsDir}/*`,
      'kafka.tools.StorageTool',
    ];
    const clusterId = run('java', [...tools, 'random-uuid']).trim();
    run('java', [...tools, 'format', '-t', clusterId, '-c', this.configFile]);
  }
}
