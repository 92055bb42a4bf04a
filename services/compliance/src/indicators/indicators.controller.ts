import type { Principal } from '@cttech/auth';
import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Caller, Roles } from '@cttech/service-http';
import { indicatorsCsv } from './indicators-csv.ts';
import { ProgrammeDashboard } from './programme-dashboard.ts';

@Controller()
export class IndicatorsController {
  private readonly dashboard: ProgrammeDashboard;

  constructor(@Inject(ProgrammeDashboard) dashboard: ProgrammeDashboard) {
    this.dashboard = dashboard;
  }

  /**
   * Each result per partner state and in total, and the strategy adoptions' timeline, over the
   * caller's partner states only.
   */
  @Get('indicators')
  @Roles('PROGRAMME_MANAGER', 'PROGRAMME_OFFICER', 'OPERATOR', 'COMPLIANCE_REVIEWER')
  indicators(@Caller() caller: Principal) {
    return this.dashboard.resultsFor(caller);
  }

  /** The indicators' table only (one row per indicator and scope): not the timeline. */
  @Get('indicators.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="indicators.csv"')
  @Roles('PROGRAMME_MANAGER', 'PROGRAMME_OFFICER', 'OPERATOR', 'COMPLIANCE_REVIEWER')
  async indicatorsCsv(@Caller() caller: Principal): Promise<string> {
    return indicatorsCsv(await this.dashboard.resultsFor(caller));
  }
}
