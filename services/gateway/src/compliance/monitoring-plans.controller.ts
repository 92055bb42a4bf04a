import { monitoringPlans, stageTitles } from '@cttech/domain';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { roles } from '@cttech/auth';
import { Roles } from '../access/access-rules.ts';

/**
 * The human-rights and gender compliance monitoring plan of each programme outcome: stage by
 * stage, the criteria a reviewer checks and the evidence each needs, so that an officer knows
 * before submitting what the milestone will be reviewed against.
 */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('monitoring-plans')
export class MonitoringPlansController {
  @Get()
  @Roles(...roles)
  @ApiOperation({
    summary: "Each outcome's compliance monitoring plan: criteria and evidence per stage",
  })
  plans() {
    return monitoringPlans().map((plan) => ({
      ...plan,
      stages: plan.stages.map(({ stage, criteria }) => ({
        stage,
        stageTitle: stageTitles[stage],
        criteria: criteria.map(({ id, title, evidenceRequired }) => ({
          criterionId: id,
          title,
          evidenceRequired,
        })),
      })),
    }));
  }
}
