import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CallerToken, Roles } from '../access/access-rules.ts';
import { COMPLIANCE_MONITORING, type ComplianceMonitoring } from './compliance-monitoring.ts';
import { relay, relayed } from '../services/relay.ts';

const readers = [
  'PROGRAMME_MANAGER',
  'PROGRAMME_OFFICER',
  'COMPLIANCE_REVIEWER',
  'OPERATOR',
] as const;

/**
 * The programme's results, computed from the engagements' events, over the caller's states:
 * the indicators and the timeline of strategy adoptions.
 */
@ApiTags('indicators')
@ApiBearerAuth()
@Controller()
export class IndicatorsController {
  constructor(@Inject(COMPLIANCE_MONITORING) private readonly compliance: ComplianceMonitoring) {}

  @Get('indicators')
  @Roles(...readers)
  @ApiOperation({
    summary: 'Result indicators against their targets, per partner state and in total',
    description: `${relayed} { partnerStates: [{ partnerState, engagements, indicators }], total: { partnerStates, indicators }, strategyAdoptions: [{ engagementId, partnerState, cycle, instrumentType, adoptionDate }] }: the adoptions by adoption date (YYYY-MM-DD), the earliest first; an adoption signed off before its date was kept is counted but not listed.`,
  })
  async indicators(@CallerToken() token: string, @Res() reply: FastifyReply) {
    return relay(reply, await this.compliance.indicators(token, 'json'));
  }

  @Get('indicators.csv')
  @Roles(...readers)
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'The same indicators as a CSV download (one row per indicator and scope)',
    description: `${relayed} The strategy adoptions' timeline is not in it.`,
  })
  async indicatorsCsv(@CallerToken() token: string, @Res() reply: FastifyReply) {
    return relay(reply, await this.compliance.indicators(token, 'csv'));
  }
}
