import { z } from 'zod';
import { calendarDateSchema } from './calendar-dates.ts';
import { crossFieldRule, ifValid, nonEmptyTextSchema } from './field-rules.ts';

export const instrumentTypes = ['STRATEGY', 'POLICY', 'ACTION_PLAN'] as const;

export type InstrumentType = (typeof instrumentTypes)[number];

/** At least this share of women in the instrument's design, or a recorded justification. */
export const womenShareInDesignTarget = 0.2;

export const recommendationActedOnSchema = z.strictObject({
  /** The UN Special Rapporteur's report and paragraph, e.g. 'A/HRC/40/52 para. 75(b)'. */
  reference: nonEmptyTextSchema,
  summary: nonEmptyTextSchema,
});

/** The strategy-adoption milestone: the instrument adopted and what it commits to. */
export const strategyAdoptionSchema = z
  .strictObject({
    instrumentType: z.enum(instrumentTypes),
    title: nonEmptyTextSchema,
    adoptionDate: calendarDateSchema,
    specialRapporteurRecommendationsActedOn: z.array(recommendationActedOnSchema),
    /** 0 to 1: the share of women among the people who designed and adopted the instrument. */
    womenShareInDesign: z.number().min(0).max(1),
    womenShareJustification: nonEmptyTextSchema.optional(),
    publicPrivateMechanism: z.strictObject({
      created: z.boolean(),
      description: nonEmptyTextSchema.optional(),
    }),
  })
  .check(
    crossFieldRule(
      z.object({
        womenShareInDesign: ifValid(z.number().min(0).max(1)),
        womenShareJustification: z.unknown().optional(),
        publicPrivateMechanism: ifValid(
          z.object({ created: z.boolean(), description: z.unknown().optional() }),
        ),
        specialRapporteurRecommendationsActedOn: ifValid(
          z.array(z.object({ reference: ifValid(z.string()) }).catch({ reference: undefined })),
        ),
      }),
      (adoption, report) => {
        const share = adoption.womenShareInDesign;
        if (
          share !== undefined &&
          share < womenShareInDesignTarget &&
          adoption.womenShareJustification === undefined
        ) {
          report(
            ['womenShareJustification'],
            `is required when womenShareInDesign is below ${womenShareInDesignTarget}`,
          );
        }
        const mechanism = adoption.publicPrivateMechanism;
        if (mechanism?.created === true && mechanism.description === undefined) {
          report(
            ['publicPrivateMechanism', 'description'],
            'is required when publicPrivateMechanism.created is true',
          );
        }
        const firstWithReference = new Map<string, number>();
        adoption.specialRapporteurRecommendationsActedOn?.forEach(({ reference }, index) => {
          if (reference === undefined || reference.trim() === '') return;
          const key = reference.trim().replace(/\s+/g, ' ').toLowerCase();
          const first = firstWithReference.get(key);
          if (first === undefined) firstWithReference.set(key, index);
          else {
            report(
              ['specialRapporteurRecommendationsActedOn', index, 'reference'],
              `repeats specialRapporteurRecommendationsActedOn.${first}.reference: each recommendation is counted once`,
            );
          }
        });
      },
    ),
  );

export type RecommendationActedOn = z.infer<typeof recommendationActedOnSchema>;
export type StrategyAdoption = z.infer<typeof strategyAdoptionSchema>;
