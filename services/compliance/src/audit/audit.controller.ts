import type { Principal } from '@cttech/auth';
import { Controller, Get, Inject, Param } from '@nestjs/common';
import { Caller, Roles } from '@cttech/service-http';
import { AuditQueries } from './audit-queries.ts';

@Controller()
export class AuditController {
  private readonly audit: AuditQueries;

  constructor(@Inject(AuditQueries) audit: AuditQueries) {
    this.audit = audit;
  }

  @Get('engagements/:engagementId/audit')
  @Roles('COMPLIANCE_REVIEWER', 'PROGRAMME_MANAGER', 'OPERATOR')
  entries(@Caller() caller: Principal, @Param('engagementId') engagementId: string) {
    return this.audit.entriesOf(caller, engagementId);
  }

  /** Walks the whole chain; `ok: false` names the first altered entry. */
  @Get('audit/verification')
  @Roles('OPERATOR', 'PROGRAMME_MANAGER')
  verification() {
    return this.audit.verify();
  }
}
