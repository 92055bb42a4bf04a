import { Inject, Injectable } from '@nestjs/common';
import { mayAccessPartnerState, type Principal } from '@cttech/auth';
import { refusalForProblems, validateSubmission, type SubmissionKind } from '@cttech/domain';
import type { EngagementStatus, EngagementTransition } from '@cttech/engagement-workflow';
import { GatewayError } from '../problem.ts';
import { scopedEngagementId } from './engagement-scope.ts';
import type {
  EngagementListQuery,
  OpenEngagementBody,
  SubmitMilestoneBody,
} from './engagement-requests.ts';

type FindingResponses = NonNullable<SubmitMilestoneBody>['findingResponses'];
import {
  ENGAGEMENT_WORKFLOWS,
  type EngagementSummary,
  type EngagementWorkflows,
  type UpdateOptions,
} from './engagement-workflows.ts';

/**
 * What callers do with engagements, scoped to their partner states. The caller is always
 * the one who acts (`by`); an engagement of a state they are not assigned to does not exist
 * for them (404, so its existence is not revealed).
 */
/** The answer to an open with `Prefer: return=minimal`: which engagement, nothing more. */
export interface OpenedEngagement {
  readonly engagementId: string;
  readonly partnerState: string;
  readonly cycle: number;
}

@Injectable()
export class EngagementsService {
  constructor(@Inject(ENGAGEMENT_WORKFLOWS) private readonly workflows: EngagementWorkflows) {}

  /**
   * Opens the engagement (or finds it open) and answers with its status, which waits for the
   * worker's first workflow task; `minimal` answers as soon as Temporal has the workflow.
   */
  async open(
    caller: Principal,
    body: OpenEngagementBody,
    answer: 'status' | 'minimal' = 'status',
  ): Promise<EngagementStatus | OpenedEngagement> {
    if (!mayAccessPartnerState(caller, body.partnerState)) {
      throw new GatewayError(
        'FORBIDDEN',
        `you are not assigned to partner state ${body.partnerState}`,
        [{ field: 'partnerState', message: 'is not one of your partner states' }],
      );
    }
    const engagementId = await this.workflows.open({ ...body, openedBy: caller.userId });
    if (answer === 'minimal') {
      return { engagementId, partnerState: body.partnerState, cycle: body.cycle };
    }
    return this.workflows.status(engagementId);
  }

  list(caller: Principal, query: EngagementListQuery): Promise<EngagementSummary[]> {
    const { partnerState, limit, ...filters } = query;
    if (partnerState !== undefined && !mayAccessPartnerState(caller, partnerState)) {
      return Promise.resolve([]);
    }
    const partnerStates = partnerState !== undefined ? [partnerState] : caller.partnerStates;
    if (partnerStates.length === 0) return Promise.resolve([]);
    return this.workflows.list({ ...filters, partnerStates, limit });
  }

  status(caller: Principal, engagementId: string): Promise<EngagementStatus> {
    return this.workflows.status(this.scoped(caller, engagementId));
  }

  async history(caller: Principal, engagementId: string): Promise<readonly EngagementTransition[]> {
    return (await this.status(caller, engagementId)).history;
  }

  recordWork(
    caller: Principal,
    engagementId: string,
    kind: SubmissionKind,
    submission: unknown,
    idempotencyKey?: string,
  ): Promise<EngagementStatus> {
    const scoped = this.scoped(caller, engagementId);
    // checked here too, so that a bad submission is refused before it reaches the workflow
    const checked = validateSubmission(kind, submission);
    if (!checked.ok) {
      throw new GatewayError(
        'INVALID_REQUEST',
        refusalForProblems('INVALID_SUBMISSION', checked.problems).message,
        checked.problems,
      );
    }
    return this.workflows.recordWork(
      scoped,
      { kind, submission, by: caller.userId },
      updateOptions(caller, `recordWork:${kind}`, idempotencyKey),
    );
  }

  submitMilestone(
    caller: Principal,
    engagementId: string,
    findingResponses: FindingResponses,
    idempotencyKey?: string,
  ): Promise<EngagementStatus> {
    return this.workflows.submitMilestone(
      this.scoped(caller, engagementId),
      { by: caller.userId, findingResponses },
      updateOptions(caller, 'submitMilestone', idempotencyKey),
    );
  }

  suspend(caller: Principal, engagementId: string, reason: string, idempotencyKey?: string) {
    return this.workflows.suspend(
      this.scoped(caller, engagementId),
      { by: caller.userId, reason },
      updateOptions(caller, 'suspend', idempotencyKey),
    );
  }

  resume(caller: Principal, engagementId: string, idempotencyKey?: string) {
    return this.workflows.resume(
      this.scoped(caller, engagementId),
      caller.userId,
      updateOptions(caller, 'resume', idempotencyKey),
    );
  }

  cancel(caller: Principal, engagementId: string, reason: string, idempotencyKey?: string) {
    return this.workflows.cancel(
      this.scoped(caller, engagementId),
      { by: caller.userId, reason },
      updateOptions(caller, 'cancel', idempotencyKey),
    );
  }

  /** The engagement id, if it names an engagement of one of the caller's partner states. */
  private scoped(caller: Principal, engagementId: string): string {
    return scopedEngagementId(caller, engagementId);
  }
}

/** A retried request with the same key is the same update: keyed per caller and action. */
function updateOptions(caller: Principal, action: string, key: string | undefined): UpdateOptions {
  return key ? { idempotencyKey: `${caller.userId}:${action}:${key}` } : {};
}
