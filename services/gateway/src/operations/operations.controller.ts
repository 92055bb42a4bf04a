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
    summary: 'Engagement workflows by execution status and stage, and the latest failed ones',
  })
  workflows() {
    return this.operations.workflowOverview();
  }
}
