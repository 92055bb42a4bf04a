// What the browser tests do through the API rather than the pages, to get quickly to where
// the browser takes over: demo users' tokens (the development issuer), a fresh Kenyan
// engagement, the officer's work recorded and milestones submitted, a reviewer's approval with
// every criterion met, and waiting for the engagement to reach a stage.
import { randomInt } from 'node:crypto';
import {
  complianceChecklist,
  type EngagementStage,
  type MilestoneStage,
  type SubmissionKind,
} from '@cttech/domain';
import { waitFor } from '@cttech/testing';
import type { EngagementStatus, ReviewSummary } from '../src/gateway/api-types.ts';
import { gatewayUrl } from './console-browser.ts';

/** A token from the development issuer for a demo user. */
export async function tokenOf(userId: string): Promise<string> {
  const response = await fetch(`${gatewayUrl}/dev/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (!response.ok) throw new Error(`no token for ${userId}: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** One call to `/api/v1` as the token's user; its JSON answer, or an error saying what failed. */
async function call<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(`${gatewayUrl}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/** The programme cycles the API opens, and the browser tests choose from. */
const firstCycle = 2000;
const lastCycle = 2100;

/**
 * Kenyan cycles no engagement has used on this system yet, in a random order (tests running
 * at the same time take different ones first). None left: the system has been used for very
 * many runs, and the error says so.
 */
export async function unusedKenyanCycles(): Promise<number[]> {
  const token = await tokenOf('officer-ke-1');
  const { engagements } = await call<{ engagements: { cycle: number }[] }>(
    'GET',
    '/engagements?partnerState=KE&limit=200',
    token,
  );
  const used = new Set(engagements.map(({ cycle }) => cycle));
  const unused = [];
  for (let cycle = firstCycle; cycle <= lastCycle; cycle += 1) {
    if (!used.has(cycle)) unused.push(cycle);
  }
  if (unused.length === 0) {
    throw new Error(
      `every Kenyan cycle from ${firstCycle} to ${lastCycle} is used on this system: run the tests on a fresh one (pnpm infra down, then remove .local)`,
    );
  }
  for (let index = unused.length - 1; index > 0; index -= 1) {
    const other = randomInt(index + 1);
    [unused[index], unused[other]] = [unused[other] as number, unused[index] as number];
  }
  return unused;
}

/** A Kenyan engagement no earlier run has touched: opened, and nothing else in its history. */
export async function freshKenyanEngagement(): Promise<string> {
  const token = await tokenOf('officer-ke-1');
  for (const cycle of (await unusedKenyanCycles()).slice(0, 10)) {
    const response = await fetch(`${gatewayUrl}/api/v1/engagements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ partnerState: 'KE', cycle }),
    });
    // another test took the cycle meanwhile (closed: 409; or moved on): the next one is tried
    if (!response.ok) continue;
    const status = (await response.json()) as EngagementStatus;
    if (status.history.length === 1) return status.engagementId;
  }
  throw new Error(
    'no fresh Kenyan engagement could be opened: the cycles this system has not used yet were all taken (run the tests on a fresh system: pnpm infra down, then remove .local)',
  );
}

/** The engagement's status as the officer reads it. */
export function engagementStatus(officer: string, engagementId: string): Promise<EngagementStatus> {
  return call<EngagementStatus>('GET', `/engagements/${engagementId}`, officer);
}

/** Records a piece of the stage's work (`PUT .../submissions/:kind`). */
export async function recordWork(
  officer: string,
  engagementId: string,
  kind: SubmissionKind,
  submission: unknown,
): Promise<void> {
  await call('PUT', `/engagements/${engagementId}/submissions/${kind}`, officer, submission);
}

/** Submits the stage's milestone for review (no findings to answer). */
export async function submitMilestone(officer: string, engagementId: string): Promise<void> {
  await call('POST', `/engagements/${engagementId}/milestone`, officer, {});
}

/**
 * The reviewer finds the stage's open review of the engagement among those they may decide
 * (it reaches the compliance service through Kafka) and approves it, every criterion met.
 */
export async function approveMilestone(
  reviewer: string,
  engagementId: string,
  stage: MilestoneStage,
): Promise<void> {
  const review = await waitFor(
    async () =>
      (await call<ReviewSummary[]>('GET', '/reviews?status=OPEN&mine=true', reviewer)).find(
        (open) => open.engagementId === engagementId && open.stage === stage,
      ),
    {
      what: `the ${stage} review of ${engagementId} in the queue`,
      timeoutMs: 60_000,
      intervalMs: 200,
    },
  );
  await call('POST', `/reviews/${review.id}/decision`, reviewer, {
    outcome: 'APPROVED',
    answers: complianceChecklist(stage).map(({ id }) => ({ criterionId: id, verdict: 'MET' })),
    findings: [],
  });
}

/** Waits until the engagement is at the stage (a decision reaches the workflow through Kafka). */
export async function untilStage(
  officer: string,
  engagementId: string,
  stage: EngagementStage,
): Promise<EngagementStatus> {
  return waitFor(
    async () => {
      const status = await engagementStatus(officer, engagementId);
      return status.stage === stage ? status : undefined;
    },
    { what: `${engagementId} at ${stage}`, timeoutMs: 60_000, intervalMs: 200 },
  );
}

/** The tokens of the officer who records the work and of the reviewer who signs it off. */
export interface People {
  readonly officer: string;
  readonly reviewer: string;
}

/** Takes a stage's milestone through review: submitted by the officer, approved by the reviewer. */
export async function signOffMilestone(
  { officer, reviewer }: People,
  engagementId: string,
  stage: MilestoneStage,
  next: EngagementStage,
): Promise<EngagementStatus> {
  await submitMilestone(officer, engagementId);
  await approveMilestone(reviewer, engagementId, stage);
  return untilStage(officer, engagementId, next);
}
