import { z } from 'zod';
import { courseCodeSchema } from './courses.ts';
import { crossFieldRule, ifValid, nonEmptyTextSchema } from './field-rules.ts';

/** The pillars a national workshop benchmarks readiness across. */
export const assessmentPillars = ['policy', 'legal', 'institutional', 'technical'] as const;

export type AssessmentPillar = (typeof assessmentPillars)[number];

export const pillarReadinessSchema = z.strictObject({
  /** 1 (not ready) to 5 (ready to adopt the technology). */
  readinessScore: z.int().min(1).max(5),
  evidence: nonEmptyTextSchema,
});

export const trainingNeedSchema = z.strictObject({
  course: courseCodeSchema,
  /** 1 is the most needed. */
  rank: z.int().min(1),
});

/** The needs-assessment milestone: readiness per pillar, gaps, and training needs ranked. */
export const needsAssessmentSchema = z
  .strictObject({
    pillars: z.strictObject({
      policy: pillarReadinessSchema,
      legal: pillarReadinessSchema,
      institutional: pillarReadinessSchema,
      technical: pillarReadinessSchema,
    }),
    gaps: z.array(nonEmptyTextSchema).min(1),
    trainingNeeds: z.array(trainingNeedSchema).min(1),
  })
  .check(
    crossFieldRule(
      z.object({
        trainingNeeds: z.array(
          z
            .object({ course: ifValid(courseCodeSchema), rank: ifValid(z.int().min(1)) })
            .catch({ course: undefined, rank: undefined }),
        ),
      }),
      ({ trainingNeeds }, report) => {
        const needs = trainingNeeds.length;
        const ranking = `ranks run from 1 to ${needs}, each used once`;
        const firstWithCourse = new Map<string, number>();
        const firstWithRank = new Map<number, number>();
        trainingNeeds.forEach(({ course, rank }, index) => {
          if (course !== undefined) {
            const first = firstWithCourse.get(course);
            if (first === undefined) firstWithCourse.set(course, index);
            else {
              report(
                ['trainingNeeds', index, 'course'],
                `repeats trainingNeeds.${first}.course: each course is ranked once`,
              );
            }
          }
          if (rank !== undefined) {
            const first = firstWithRank.get(rank);
            if (rank > needs) {
              report(['trainingNeeds', index, 'rank'], `must be at most ${needs}: ${ranking}`);
            } else if (first === undefined) firstWithRank.set(rank, index);
            else {
              report(
                ['trainingNeeds', index, 'rank'],
                `repeats trainingNeeds.${first}.rank: ${ranking}`,
              );
            }
          }
        });
      },
    ),
  );

export type PillarReadiness = z.infer<typeof pillarReadinessSchema>;
export type TrainingNeed = z.infer<typeof trainingNeedSchema>;
export type NeedsAssessment = z.infer<typeof needsAssessmentSchema>;
