import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiHeader,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
  type SchemaObject,
} from '@nestjs/swagger';
import type { Principal } from '@cttech/auth';
import type { FastifyReply } from 'fastify';
import { submissionKinds, type SubmissionKind } from '@cttech/domain';
import { Caller, Roles } from '../access/access-rules.ts';
import { GatewayError } from '../problem.ts';
import {
  engagementIdSchema,
  engagementListQuery,
  openApiSchema,
  openEngagementBody,
  prefersMinimalReturn,
  anySubmission,
  reasonBody,
  resumeBody,
  submissionKindParam,
  submitMilestoneBody,
  type SubmitMilestoneBody,
  type EngagementListQuery,
  type OpenEngagementBody,
} from './engagement-requests.ts';
import { EngagementsService } from './engagements.service.ts';

const everyRole = [
  'PROGRAMME_OFFICER',
  'COMPLIANCE_REVIEWER',
  'PROGRAMME_MANAGER',
  'OPERATOR',
] as const;

const idempotencyKeyPattern = /^[A-Za-z0-9_.:-]{1,128}$/;

/** The optional Idempotency-Key header: a retried request with the same key applies once. */
function idempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!idempotencyKeyPattern.test(header)) {
    throw new GatewayError('INVALID_REQUEST', 'the Idempotency-Key header is not valid', [
      { field: 'Idempotency-Key', message: 'must be 1 to 128 letters, digits or _.:-' },
    ]);
  }
  return header;
}

const idempotencyHeader = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Retrying with the same key applies the change once.',
});
const engagementIdParam = ApiParam({
  name: 'id',
  description: 'engagement-<ISO 3166-1 alpha-2 code>-<cycle year>, e.g. engagement-KE-2026',
});
const asSchema = (schema: Parameters<typeof openApiSchema>[0]) =>
  openApiSchema(schema) as SchemaObject;

@ApiTags('engagements')
@ApiBearerAuth()
@Controller('engagements')
export class EngagementsController {
  constructor(@Inject(EngagementsService) private readonly engagements: EngagementsService) {}

  @Post()
  @Roles('PROGRAMME_OFFICER', 'PROGRAMME_MANAGER')
  @ApiOperation({
    summary:
      "Open a partner state's engagement for a cycle (the same request twice finds the first)",
  })
  @ApiBody({ schema: asSchema(openEngagementBody) })
  @ApiHeader({
    name: 'Prefer',
    required: false,
    description:
      'return=minimal: answer with the engagement id, partner state and cycle as soon as it is ' +
      "open, without waiting for the workflow's first step (the status is at the Location)",
  })
  async open(
    @Caller() caller: Principal,
    @Body({ schema: openEngagementBody }) body: OpenEngagementBody,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const minimal = prefersMinimalReturn(prefer);
    const opened = await this.engagements.open(caller, body, minimal ? 'minimal' : 'status');
    void reply.header('location', `/api/v1/engagements/${opened.engagementId}`);
    if (minimal) void reply.header('preference-applied', 'return=minimal');
    return opened;
  }

  @Get()
  @Roles(...everyRole)
  @ApiOperation({ summary: 'Engagements of your partner states, filtered' })
  @ApiQuery({ name: 'partnerState', required: false })
  @ApiQuery({ name: 'cycle', required: false })
  @ApiQuery({ name: 'state', required: false })
  @ApiQuery({ name: 'stage', required: false })
  @ApiQuery({ name: 'awaitingReview', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'overdue', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'limit', required: false })
  async list(
    @Caller() caller: Principal,
    @Query({ schema: engagementListQuery }) query: EngagementListQuery,
  ) {
    return { engagements: await this.engagements.list(caller, query) };
  }

  @Get(':id')
  @Roles(...everyRole)
  @ApiOperation({ summary: "The engagement's status: stage, state, pending work, deadlines" })
  @engagementIdParam
  status(@Caller() caller: Principal, @Param('id', { schema: engagementIdSchema }) id: string) {
    return this.engagements.status(caller, id);
  }

  @Get(':id/history')
  @Roles(...everyRole)
  @ApiOperation({ summary: 'Every transition of the engagement: who did what, when' })
  @engagementIdParam
  async history(
    @Caller() caller: Principal,
    @Param('id', { schema: engagementIdSchema }) id: string,
  ) {
    return { history: await this.engagements.history(caller, id) };
  }

  @Put(':id/submissions/:kind')
  @Roles('PROGRAMME_OFFICER')
  @ApiOperation({ summary: "Record a piece of the current stage's work" })
  @engagementIdParam
  @ApiParam({ name: 'kind', enum: submissionKinds })
  @ApiBody({
    description: 'The submission of that kind (kick-off report, needs assessment, ...)',
    schema: asSchema(anySubmission),
  })
  @idempotencyHeader
  recordWork(
    @Caller() caller: Principal,
    @Param('id', { schema: engagementIdSchema }) id: string,
    @Param('kind', { schema: submissionKindParam }) kind: SubmissionKind,
    @Body() submission: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.engagements.recordWork(caller, id, kind, submission, idempotencyKey(key));
  }

  @Post(':id/milestone')
  @HttpCode(200)
  @Roles('PROGRAMME_OFFICER')
  @ApiOperation({ summary: "Submit the current stage's milestone for compliance review" })
  @engagementIdParam
  @idempotencyHeader
  @ApiBody({
    required: false,
    description:
      'After changes requested: an answer to every open finding, by its place (from 0) in openFindings',
    schema: asSchema(submitMilestoneBody.unwrap()),
  })
  submitMilestone(
    @Caller() caller: Principal,
    @Param('id', { schema: engagementIdSchema }) id: string,
    @Body({ schema: submitMilestoneBody }) body: SubmitMilestoneBody,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.engagements.submitMilestone(
      caller,
      id,
      body?.findingResponses,
      idempotencyKey(key),
    );
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Roles('PROGRAMME_MANAGER')
  @ApiOperation({ summary: 'Suspend the engagement, with a reason; its deadlines stop' })
  @engagementIdParam
  @ApiBody({ schema: asSchema(reasonBody) })
  @idempotencyHeader
  suspend(
    @Caller() caller: Principal,
    @Param('id', { schema: engagementIdSchema }) id: string,
    @Body({ schema: reasonBody }) body: { reason: string },
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.engagements.suspend(caller, id, body.reason, idempotencyKey(key));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles('PROGRAMME_MANAGER')
  @ApiOperation({ summary: 'Resume a suspended engagement where it stood' })
  @engagementIdParam
  @idempotencyHeader
  resume(
    @Caller() caller: Principal,
    @Param('id', { schema: engagementIdSchema }) id: string,
    @Body({ schema: resumeBody }) _body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.engagements.resume(caller, id, idempotencyKey(key));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('PROGRAMME_MANAGER')
  @ApiOperation({ summary: 'Cancel the engagement, with a reason' })
  @engagementIdParam
  @ApiBody({ schema: asSchema(reasonBody) })
  @idempotencyHeader
  cancel(
    @Caller() caller: Principal,
    @Param('id', { schema: engagementIdSchema }) id: string,
    @Body({ schema: reasonBody }) body: { reason: string },
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.engagements.cancel(caller, id, body.reason, idempotencyKey(key));
  }
}
