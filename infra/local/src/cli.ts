#!/usr/bin/env node
// The local infrastructure, without Docker: `up`, `down`, `status`, `logs [server] [--follow]`.
// Runs straight from source (Node's type stripping). See infra/local/README.md.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import type { Component } from './component.ts';
import { applications as applicationProcesses } from './applications.ts';
import { KafkaBroker } from './kafka.ts';
import { endpointsFile, ensureDir, localDir } from './paths.ts';
import { adminUrl, Postgres } from './postgres.ts';
import { InfraError } from './processes.ts';
import { TemporalServer, temporalTestServerPath } from './temporal.ts';
import { host, ports, serviceDatabases } from './versions.ts';

/** The servers, started by `up` unless named otherwise. */
const servers: readonly Component[] = [new Postgres(), new KafkaBroker(), new TemporalServer()];
/**
 * The system's own processes, started by name (`up engagement-worker gateway compliance`);
 * `down` stops them first.
 */
const applications: readonly Component[] = applicationProcesses;
const components: readonly Component[] = [...servers, ...applications];

function select(
  names: readonly string[],
  whenNoneNamed: readonly Component[] = servers,
): readonly Component[] {
  if (names.length === 0) return whenNoneNamed;
  const unknown = names.filter((name) => !components.some((c) => c.name === name));
  if (unknown.length > 0) {
    throw new InfraError(
      `unknown server ${unknown.join(', ')}; choose from ${components.map((c) => c.name).join(', ')}`,
    );
  }
  return components.filter((c) => names.includes(c.name));
}

function writeEndpoints(): void {
  const endpoints = {
    postgresAdminUrl: adminUrl(),
    serviceDatabaseUrls: Object.fromEntries(serviceDatabases.map((db) => [db, adminUrl(db)])),
    kafkaBrokers: [`${host}:${ports.kafka}`],
    temporalAddress: `${host}:${ports.temporal}`,
    temporalNamespace: 'default',
    temporalUiUrl: `http://${host}:${ports.temporalUi}`,
    temporalTestServerPath: temporalTestServerPath(),
  };
  writeFileSync(endpointsFile, `${JSON.stringify(endpoints, null, 2)}\n`);
}

async function up(selected: readonly Component[]): Promise<void> {
  ensureDir(localDir);
  const started = Date.now();
  // fetch first (one at a time: clear output, no competing downloads), then start together
  for (const component of selected) await component.install();
  const results = await Promise.allSettled(selected.map((component) => component.up()));
  const failures = results.flatMap((result, index) =>
    result.status === 'rejected'
      ? [`${selected[index]?.title}: ${(result.reason as Error).message}`]
      : [],
  );
  if (failures.length > 0) throw new InfraError(`could not start:\n  ${failures.join('\n  ')}`);
  if (selected.some((component) => servers.includes(component))) writeEndpoints();
  console.log(`up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await status(selected);
  if (selected.some((component) => servers.includes(component))) {
    console.log(`endpoints for tests and services: ${endpointsFile}`);
  }
}

async function down(selected: readonly Component[]): Promise<void> {
  for (const component of [...selected].reverse()) {
    console.log(`${component.title}: ${await component.down()}`);
  }
}

async function status(selected: readonly Component[]): Promise<boolean> {
  let allHealthy = true;
  for (const component of selected) {
    const state = await component.status();
    const word = state.healthy ? 'healthy' : state.running ? 'running, NOT healthy' : 'stopped';
    allHealthy &&= state.healthy;
    console.log(`${component.title.padEnd(10)} ${word}${state.pid ? ` (pid ${state.pid})` : ''}`);
    for (const line of state.listening) console.log(`           ${line}`);
    if (!state.healthy) console.log(`           log: ${component.logFile}`);
  }
  return allHealthy;
}

function logs(selected: readonly Component[], follow: boolean): Promise<void> {
  const files = selected.map((c) => c.logFile).filter((file) => existsSync(file));
  if (files.length === 0) throw new InfraError('no logs yet: run `pnpm infra up` first');
  const tail = spawn('tail', ['-n', '200', ...(follow ? ['-F'] : []), ...files], {
    stdio: 'inherit',
  });
  return new Promise((resolve) => tail.on('exit', () => resolve()));
}

const usage = `usage: pnpm infra <up|down|status|logs> [postgres|kafka|temporal|identity-provider|engagement-worker|compliance|activities|notifications|gateway ...] [--follow]
  up      fetch what is missing (once), start the servers, wait until healthy
          (the system's own processes only when named: up identity-provider engagement-worker compliance activities notifications gateway)
  down    stop the worker and the servers; nothing is left running
  status  what runs, where it listens, whether it is healthy (exit 1 if not all healthy)
  logs    the last lines of each server's log (--follow to keep reading)`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const names = rest.filter((arg) => !arg.startsWith('--'));
  switch (command) {
    case 'up':
      await up(select(names));
      return 0;
    case 'down':
      await down(select(names, components));
      return 0;
    case 'status':
      return (await status(select(names))) ? 0 : 1;
    case 'logs':
      await logs(select(names, components), rest.includes('--follow') || rest.includes('-f'));
      return 0;
    default:
      console.error(usage);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof InfraError ? `error: ${error.message}` : error);
    process.exit(1);
  },
);
