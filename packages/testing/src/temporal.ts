import {
  bundleWorkflowCode,
  DefaultLogger,
  Runtime,
  type WorkflowBundle,
} from '@temporalio/worker';

let runtimeInstalled = false;

/**
 * Keeps the worker's own log at WARN in tests (state changes and bundler output are noise
 * there). Call before the first worker is created; later calls do nothing.
 */
export function quietTemporalRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // already installed by an earlier suite in this process: keep that one
  }
}

/**
 * Bundles a workflows module once, quietly, for workers created with `workflowBundle`.
 * Workspace packages resolve to their TypeScript sources, as everywhere in tests.
 */
export async function workflowBundle(workflowsPath: string): Promise<WorkflowBundle> {
  quietTemporalRuntime();
  return bundleWorkflowCode({
    workflowsPath,
    logger: new DefaultLogger('WARN'),
    webpackConfigHook: (config) => {
      config.resolve ??= {};
      config.resolve.conditionNames = ['@cttech/source', 'import', 'module', 'require', 'default'];
      return config;
    },
  });
}
