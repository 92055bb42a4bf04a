import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { engagementBundle } from './engagement-harness.ts';
import {
  alteredActivityType,
  alteredHistoriesDirectory,
  alteredHistoryName,
  historiesDirectory,
  readHistory,
  recordedHistories,
  recordedHistoryNames,
} from './history-fixtures.ts';

// Replays the committed histories (test/histories/README.md) through the current workflow
// code: a change that would break the engagements already running fails here.
describe('replaying recorded engagement histories through the current workflow code', () => {
  it('has every recorded history committed', () => {
    const committed = readdirSync(historiesDirectory).filter((file) => file.endsWith('.json'));
    expect(committed.sort()).toEqual(recordedHistoryNames.map((name) => `${name}.json`).sort());
  });

  it('replays each recorded history without a determinism violation', async () => {
    const histories = recordedHistoryNames.map((name) => ({
      workflowId: recordedHistories[name],
      history: readHistory(join(historiesDirectory, `${name}.json`)),
    }));
    const replayed: { workflowId: string; error: unknown }[] = [];
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: await engagementBundle() },
      histories,
    )) {
      replayed.push({ workflowId: result.workflowId, error: result.error });
    }
    expect(replayed).toEqual(
      recordedHistoryNames.map((name) => ({
        workflowId: recordedHistories[name],
        error: undefined,
      })),
    );
  });

  it('fails with a determinism violation on a history whose activity the code does not schedule', async () => {
    const path = join(alteredHistoriesDirectory, `${alteredHistoryName}.json`);
    expect(existsSync(path)).toBe(true);
    const replay = Worker.runReplayHistory(
      { workflowBundle: await engagementBundle() },
      readHistory(path),
      recordedHistories[alteredHistoryName],
    );
    await expect(replay).rejects.toThrow(DeterminismViolationError);
    await expect(replay).rejects.toThrow(alteredActivityType);
  });
});
