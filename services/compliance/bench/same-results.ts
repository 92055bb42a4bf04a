// Before anything is timed: both sides of each operation give the same answer, or leave the
// same rows behind, so that the benchmark compares like with like.
import { deepStrictEqual, equal } from 'node:assert/strict';
import {
  milestoneSubmitted,
  queueFilter,
  received,
  stageAdvanced,
  type Ours,
  type Raw,
} from './hot-paths.ts';
import { reviewers, type Seeded, type SeededEngagement } from './seed.ts';

/** What was compared, for the benchmark to print. */
export interface Compared {
  /** Rows in each demo reviewer's queue. */
  readonly queueRows: Readonly<Record<string, number>>;
  readonly reviewsRead: number;
  readonly withAnswers: number;
  readonly withFindings: number;
}

type Row = Record<string, unknown>;

function without(row: Row | undefined, ...keys: readonly string[]): Row {
  if (!row) throw new Error('a row the check expected is missing');
  return Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key)));
}

export async function checkSameResults(
  ours: Ours,
  raw: Raw,
  seeded: Seeded,
  reviewsToRead = 200,
): Promise<Compared> {
  const queueRows: Record<string, number> = {};
  for (const reviewer of reviewers) {
    const filter = queueFilter(reviewer);
    const [mine, theirs] = [await ours.list(filter), await raw.list(filter)];
    deepStrictEqual(theirs, mine, `${reviewer.userId}'s queue differs`);
    queueRows[reviewer.userId] = mine.length;
  }

  let withAnswers = 0;
  let withFindings = 0;
  const ids = seeded.reviewIds.slice(0, reviewsToRead);
  for (const id of ids) {
    const [mine, theirs] = [await ours.find(id), await raw.find(id)];
    deepStrictEqual(theirs, mine, `review ${id} differs`);
    if (mine && mine.answers.length > 0) withAnswers += 1;
    if (mine && mine.findings.length > 0) withFindings += 1;
  }
  const unknown = '00000000-0000-4000-8000-000000000000';
  deepStrictEqual([await ours.find(unknown), await raw.find(unknown)], [undefined, undefined]);

  // one milestone submitted each way for the same engagement, then delivered a second time
  const [engagement] = seeded.engagements;
  if (!engagement) throw new Error('nothing was seeded');
  const submitted = (side: 'ours' | 'raw') =>
    received(milestoneSubmitted(engagement, `check-${side}-submitted`), 0);
  equal(await ours.consume(submitted('ours')), true, 'ours: a new event applied');
  equal(await raw.consume(submitted('raw')), true, 'raw: a new event applied');
  equal(await ours.consume(submitted('ours')), false, 'ours: a second delivery absorbed');
  equal(await raw.consume(submitted('raw')), false, 'raw: a second delivery absorbed');
  const { rows: opened } = await raw.pool.query<Row>(
    `SELECT * FROM review WHERE review_request_id = ANY($1) ORDER BY review_request_id`,
    [['check-ours-submitted', 'check-raw-submitted']],
  );
  equal(opened.length, 2, 'one review opened each way');
  deepStrictEqual(
    without(opened[1], 'id', 'review_request_id'),
    without(opened[0], 'id', 'review_request_id'),
    'the reviews opened differ',
  );
  const { rows: entries } = await raw.pool.query<Row>(
    `SELECT * FROM audit_entry WHERE cause_id = ANY($1) ORDER BY cause_id`,
    [['check-ours-submitted', 'check-raw-submitted']],
  );
  equal(entries.length, 2, 'one audit entry each way');
  const comparable = (entry: Row | undefined) => {
    const { reviewId: _, reviewRequestId: __, ...payload } = (entry?.payload ?? {}) as Row;
    return {
      ...without(entry, 'sequence', 'cause_id', 'previous_hash', 'hash', 'payload'),
      payload,
    };
  };
  deepStrictEqual(comparable(entries[1]), comparable(entries[0]), 'the audit entries differ');

  // a stage advanced each way on an engagement new to the facts, then again, then redelivered
  const fresh = (side: 'ours' | 'raw'): SeededEngagement => ({
    engagementId: `check-${side}-advanced`,
    partnerState: 'KE',
    cycle: 2026,
  });
  for (const n of [0, 1]) {
    for (const side of ['ours', 'raw'] as const) {
      const message = received(stageAdvanced(fresh(side), `check-${side}-advanced-${n}`, n), n);
      const consumer = side === 'ours' ? ours : raw;
      equal(await consumer.consume(message), true, `${side}: a new event applied`);
      equal(await consumer.consume(message), false, `${side}: a second delivery absorbed`);
    }
  }
  const { rows: facts } = await raw.pool.query<Row>(
    `SELECT * FROM indicator_engagement WHERE engagement_id = ANY($1) ORDER BY engagement_id`,
    [['check-ours-advanced', 'check-raw-advanced']],
  );
  equal(facts.length, 2, 'one engagement fact each way');
  deepStrictEqual(
    without(facts[1], 'engagement_id'),
    without(facts[0], 'engagement_id'),
    'the indicator facts differ',
  );

  return { queueRows, reviewsRead: ids.length, withAnswers, withFindings };
}
