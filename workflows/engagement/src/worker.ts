import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Telemetry } from '@cttech/telemetry';
import { tracingWorkerOptions } from '@cttech/telemetry/temporal';
import { Worker, type NativeConnection } from '@temporalio/worker';
import { createEngagementActivities, type EngagementActivityPorts } from './activities.ts';

const here = fileURLToPath(import.meta.url);
/** The workflows module beside this file: .ts when run from source, .js from the build. */
const workflowsPath = fileURLToPath(new URL(`./workflows${extname(here)}`, import.meta.url));
const runningFromSource = extname(here) === '.ts';

export interface EngagementWorkerOptions {
  readonly connection: NativeConnection;
  readonly namespace: string;
  readonly taskQueue: string;
  readonly ports: EngagementActivityPorts;
  readonly shutdownGraceSeconds: number;
  /** Workflows kept in the sticky cache; the SDK's default (from the heap limit) when unset. */
  readonly maxCachedWorkflows?: number | undefined;
  /** Traces workflows and activities, continuing the trace of whoever started them. */
  readonly telemetry?: Telemetry | undefined;
}

/** The engagement worker: the workflows bundled from source, activities over the given ports. */
export function createEngagementWorker(options: EngagementWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowsPath,
    activities: createEngagementActivities(options.ports),
    shutdownGraceTime: `${options.shutdownGraceSeconds} seconds`,
    ...(options.maxCachedWorkflows === undefined
      ? {}
      : { maxCachedWorkflows: options.maxCachedWorkflows }),
    ...(options.telemetry ? tracingWorkerOptions(options.telemetry) : {}),
    bundlerOptions: runningFromSource
      ? {
          // run from source, workspace packages resolve to their sources too
          webpackConfigHook: (config) => {
            config.resolve ??= {};
            config.resolve.conditionNames = [
              '@cttech/source',
              'import',
              'module',
              'require',
              'default',
            ];
            return config;
          },
        }
      : {},
  });
}
