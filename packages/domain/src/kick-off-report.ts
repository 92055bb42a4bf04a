import { z } from 'zod';
import { calendarDateSchema } from './calendar-dates.ts';
import { crossFieldRule, nonEmptyTextSchema } from './field-rules.ts';

/** The national agencies a kick-off maps as stakeholders. */
export const stakeholderAgencies = [
  'CT_POLICE_UNIT',
  'PROSECUTION',
  'FINANCIAL_INTELLIGENCE_UNIT',
  'MINISTRY',
  'PRIVATE_SECTOR',
  'OTHER',
] as const;

export type StakeholderAgency = (typeof stakeholderAgencies)[number];

export const stakeholderSchema = z.strictObject({
  agency: z.enum(stakeholderAgencies),
  /** The organisation, never a person: no personal data in the engagement's record. */
  organisation: nonEmptyTextSchema,
  contribution: nonEmptyTextSchema.optional(),
});

/** The kick-off milestone: stakeholders, needs identified and the agreed assistance plan. */
export const kickOffReportSchema = z
  .strictObject({
    stakeholders: z.array(stakeholderSchema).min(1),
    needsIdentified: z.array(nonEmptyTextSchema).min(1),
    assistancePlan: z.strictObject({
      summary: nonEmptyTextSchema,
      periodStart: calendarDateSchema,
      periodEnd: calendarDateSchema,
      plannedOutputs: z.array(nonEmptyTextSchema).min(1),
    }),
  })
  .check(
    crossFieldRule(
      z.object({
        assistancePlan: z.object({
          periodStart: calendarDateSchema,
          periodEnd: calendarDateSchema,
        }),
      }),
      ({ assistancePlan: { periodStart, periodEnd } }, report) => {
        if (periodEnd < periodStart) {
          report(['assistancePlan', 'periodEnd'], 'must be on or after assistancePlan.periodStart');
        }
      },
    ),
  );

export type Stakeholder = z.infer<typeof stakeholderSchema>;
export type KickOffReport = z.infer<typeof kickOffReportSchema>;
