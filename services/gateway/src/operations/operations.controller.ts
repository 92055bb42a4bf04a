import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOperation,
  ApiQuery,
  ApiTags,
  type SchemaObject,
} from '@nestjs/swagger';
import { Roles } from '../access/access-rules.ts';
import { openApiSchema } from '../engagements/engagement-requests.ts';
import {
  deadLettersQuery,
  replayBody,
  type DeadLettersQuery,
  type ReplayBody,
} from './operation-requests.ts';
import { OperationsService } from './operations.service.ts';
import { knownTopics } from './operations.ts';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('operations')
export class OperationsController {
  constructor(@Inject(OperationsService) private readonly operations: OperationsService) {}

  @Get('dead-letters')
  @Roles('OPERATOR', 'PROGRAMME_MANAGER')
  @ApiOperation({ summary: 'The dead letters of a topic: where each failed, and why' })
  @ApiQuery({ name: 'topic', required: true, enum: knownTopics })
  async deadLetters(@Query({ schema: deadLettersQuery }) query: DeadLettersQuery) {
    return { deadLetters: await this.operations.deadLetters(query.topic) };
  }

  @Post('dead-letters/replay')
  @HttpCode(200)
  @Roles('OPERATOR')
  @ApiOperation({ summary: 'Deliver a dead letter again to the topic it failed on' })
  @ApiBody({ schema: openApiSchema(replayBody) as SchemaObject })
  async replay(@Body({ schema: replayBody }) body: ReplayBody) {
    return { replayed: await this.operations.replayDeadLetter(body) };
  }

  @Get('consumer-lag')
  @Roles('OPERATOR', 'PROGRAMME_MANAGER')
  @ApiOperation({ summary: 'How far each consumer group trails its topics' })
  async consumerLag() {
    return { consumerGroups: await this.operations.consumerLag() };
  }

  @Get('workflows')
  @Roles('OPERATOR', 'PROGRAMME_MANAGER')
  @ApiOperation({
    summary:
      'Engagement workflows by execution status and stage; the latest failed ones with their ' +
      'last error; the running ones stuck on a failing activity or workflow task',
    description: [
      '`byExecutionStatus`: engagement workflows per execution status; `byStage`: running ones',
      'per stage.',
      '',
      '`failed`: the latest (at most 20) that failed, timed out or were terminated, each with',
      '`lastError` read from the close event of its history: the failure (`message`, `type`,',
      '`causes`), that it timed out, or the termination reason.',
      '',
      '`stuck`: running engagements with a pending activity at attempt 2 or later (`activityType`,',
      '`attempt`, `lastError`, `lastAttemptEndedAt`, `nextAttemptAt`) or a workflow task failing',
      'again and again (`failingWorkflowTask`). Only the most recently started running engagements',
      'are examined: `stuckSearch` says how many (`examined`), the bound (`limit`, 200) and',
      'whether all running ones were examined (`complete`).',
      '',
      'Workflow ids, times and error messages only: no payloads, stack traces or personal data.',
      'A 503 problem when Temporal does not answer.',
    ].join('\n'),
  })
  workflows() {
    return this.operations.workflowOverview();
  }
}
