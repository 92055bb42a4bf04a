// End to end, over HTTP against the running system (`bash infra/local/start.sh`, or test.sh):
// an officer submits Kenya's kick-off milestone through the gateway, the compliance service
// opens a review from the workflow's event, a reviewer signs it off through the gateway's
// review routes, and the decision travels back through the outbox, Kafka and the bridge until
// the engagement has advanced. Only the gateway is called: it forwards reviews and the audit
// trail to the compliance service with the caller's own token.
import { describe, expect, it } from '@jest/globals';
import { complianceChecklist } from '@cttech/domain';
import { kickOffReport } from '@cttech/domain/samples';
import { waitFor } from '@cttech/testing';
import {
  api,
  call,
  freshEngagement,
  gateway,
  tokenFor,
  type EngagementStatusBody as Status,
} from './running-system.ts';

interface Review {
  id: string;
  engagementId: string;
  status: string;
}
interface AuditEntry {
  action: string;
  actor: string;
  causeId: string;
}

describe('a milestone signed off across the running system', () => {
  it('takes Kenya from kick-off to the needs assessment on a second person’s sign-off', async () => {
    const officer = await tokenFor('officer-ke-1');
    const reviewer = await tokenFor('reviewer-1');
    const operator = await tokenFor('operator-1');

    const opened = await freshEngagement(officer, 'KE');
    const id = opened.engagementId;

    expect(
      (
        await call(
          'PUT',
          `${gateway}/api/v1/engagements/${id}/submissions/KICK_OFF_REPORT`,
          officer,
          kickOffReport,
        )
      ).status,
    ).toBe(200);
    const submitted = await call<Status>(
      'POST',
      `${gateway}/api/v1/engagements/${id}/milestone`,
      officer,
      {},
    );
    expect(submitted.body.state).toBe('AWAITING_REVIEW');

    const review = await waitFor(
      async () => {
        const queue = await call<Review[]>('GET', `${api}/reviews?status=OPEN`, reviewer);
        return queue.body.find((candidate) => candidate.engagementId === id);
      },
      { what: `the compliance review of ${id} in the reviewer's queue` },
    );
    // the officer may not sign off at all (and never their own work)
    expect((await call('POST', `${api}/reviews/${review.id}/decision`, officer, {})).status).toBe(
      403,
    );

    const answers = complianceChecklist('KICK_OFF').map((criterion) => ({
      criterionId: criterion.id,
      verdict: 'MET',
    }));
    const decided = await call<Review>('POST', `${api}/reviews/${review.id}/decision`, reviewer, {
      outcome: 'APPROVED',
      answers,
      findings: [],
    });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('DECIDED');

    const advanced = await waitFor(
      async () => {
        const { body } = await call<Status>('GET', `${gateway}/api/v1/engagements/${id}`, officer);
        return body.stage === 'NEEDS_ASSESSMENT' ? body : undefined;
      },
      { what: `${id} advanced by the decision arriving through Kafka and the bridge` },
    );
    expect(advanced.state).toBe('ACTIVE');
    expect(advanced.history.filter((entry) => entry.by === 'reviewer-1')).toHaveLength(1);

    const audit = await call<AuditEntry[]>('GET', `${api}/engagements/${id}/audit`, reviewer);
    expect(audit.body.map(({ action, actor }) => ({ action, actor }))).toEqual([
      { action: 'REVIEW_OPENED', actor: 'officer-ke-1' },
      { action: 'MILESTONE_DECIDED', actor: 'reviewer-1' },
    ]);
    const verification = await call<{ ok: boolean }>('GET', `${api}/audit/verification`, operator);
    expect(verification.body.ok).toBe(true);
  });
});
