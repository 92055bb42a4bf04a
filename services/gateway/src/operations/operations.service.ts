import { Inject, Injectable } from '@nestjs/common';
import {
  MESSAGE_OPERATIONS,
  WORKFLOW_OPERATIONS,
  type MessageOperations,
  type WorkflowOperations,
} from './operations.ts';
import type { ReplayBody } from './operation-requests.ts';

/** What operators look at and do: dead letters, consumer lag, the workflows' overview. */
@Injectable()
export class OperationsService {
  constructor(
    @Inject(MESSAGE_OPERATIONS) private readonly messages: MessageOperations,
    @Inject(WORKFLOW_OPERATIONS) private readonly workflows: WorkflowOperations,
  ) {}

  deadLetters(topic: string) {
    return this.messages.deadLetters(topic);
  }

  replayDeadLetter({ topic, partition, offset }: ReplayBody) {
    return this.messages.replayDeadLetter(topic, { partition, offset });
  }

  consumerLag() {
    return this.messages.consumerLag();
  }

  workflowOverview() {
    return this.workflows.overview();
  }
}
