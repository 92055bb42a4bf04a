import { z } from 'zod';
import { complianceChecklist } from './compliance-checklist.ts';
import { crossFieldRule, ifValid, nonEmptyTextSchema } from './field-rules.ts';
import type { Problem, Validated } from './refusals.ts';
import type { MilestoneStage } from './stages.ts';
import { isMilestoneStage, stageTitles } from './stages.ts';
import { validateWith } from './validation-problems.ts';

export const reviewOutcomes = ['APPROVED', 'CHANGES_REQUESTED'] as const;

export type ReviewOutcome = (typeof reviewOutcomes)[number];

export const criterionVerdicts = ['MET', 'NOT_MET', 'NOT_APPLICABLE'] as const;

export type CriterionVerdict = (typeof criterionVerdicts)[number];

export const criterionAnswerSchema = z.strictObject({
  criterionId: z.string().min(1),
  verdict: z.enum(criterionVerdicts),
  comment: nonEmptyTextSchema.optional(),
});

export const reviewFindingSchema = z.strictObject({
  criterionId: z.string().min(1).optional(),
  text: nonEmptyTextSchema,
});

const answerParts = z
  .object({ criterionId: ifValid(z.string().min(1)), verdict: ifValid(z.enum(criterionVerdicts)) })
  .catch({ criterionId: undefined, verdict: undefined });

const findingParts = z
  .object({ criterionId: ifValid(z.string().min(1)) })
  .catch({ criterionId: undefined });

/**
 * A compliance reviewer's decision on a milestone: a verdict per criterion, findings, and the
 * outcome. These rules hold whatever the stage; {@link validateReviewDecision} adds the stage's
 * checklist.
 */
export const reviewDecisionSchema = z
  .strictObject({
    outcome: z.enum(reviewOutcomes),
    answers: z.array(criterionAnswerSchema),
    findings: z.array(reviewFindingSchema),
  })
  .check(
    crossFieldRule(
      z.object({
        outcome: ifValid(z.enum(reviewOutcomes)),
        answers: ifValid(
          z.array(
            z
              .object({
                criterionId: ifValid(z.string().min(1)),
                verdict: ifValid(z.enum(criterionVerdicts)),
                comment: z.unknown().optional(),
              })
              .catch({ criterionId: undefined, verdict: undefined, comment: undefined }),
          ),
        ),
        findings: ifValid(z.array(z.unknown())),
      }),
      ({ outcome, answers = [], findings }, report) => {
        answers.forEach(({ verdict, comment }, index) => {
          if ((verdict === 'NOT_MET' || verdict === 'NOT_APPLICABLE') && comment === undefined) {
            report(['answers', index, 'comment'], `is required when the verdict is ${verdict}`);
          }
        });
        const notMet = answers.flatMap(({ criterionId, verdict }, index) =>
          verdict === 'NOT_MET' ? [criterionId ?? `answers.${index}`] : [],
        );
        if (outcome === 'APPROVED' && notMet.length > 0) {
          report(
            ['outcome'],
            `cannot be APPROVED while a criterion is NOT_MET: ${notMet.join(', ')}`,
          );
        }
        if (outcome === 'CHANGES_REQUESTED' && findings?.length === 0) {
          report(
            ['findings'],
            'must hold at least one finding when the outcome is CHANGES_REQUESTED',
          );
        }
      },
    ),
  );

export type CriterionAnswer = z.infer<typeof criterionAnswerSchema>;
export type ReviewFinding = z.infer<typeof reviewFindingSchema>;
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

const schemasByStage = new Map<MilestoneStage, z.ZodType<ReviewDecision>>();

/** The review decision's schema for one stage: its rules plus that stage's checklist. */
export function reviewDecisionSchemaFor(stage: MilestoneStage): z.ZodType<ReviewDecision> {
  let schema = schemasByStage.get(stage);
  if (schema === undefined) {
    schema = stageReviewDecisionSchema(stage);
    schemasByStage.set(stage, schema);
  }
  return schema;
}

function stageReviewDecisionSchema(stage: MilestoneStage): z.ZodType<ReviewDecision> {
  const checklist = complianceChecklist(stage);
  const criterionIds = new Set<string>(checklist.map((criterion) => criterion.id));
  const notInChecklist = `is not a criterion of the ${stageTitles[stage]} checklist`;
  return reviewDecisionSchema.check(
    crossFieldRule(
      z.object({
        answers: ifValid(z.array(answerParts)),
        findings: ifValid(z.array(findingParts)),
      }),
      ({ answers, findings = [] }, report) => {
        if (answers !== undefined) {
          const firstAnswer = new Map<string, number>();
          answers.forEach(({ criterionId }, index) => {
            if (criterionId === undefined) return;
            if (!criterionIds.has(criterionId)) {
              report(['answers', index, 'criterionId'], notInChecklist);
              return;
            }
            const first = firstAnswer.get(criterionId);
            if (first === undefined) firstAnswer.set(criterionId, index);
            else {
              report(
                ['answers', index, 'criterionId'],
                `repeats answers.${first}.criterionId: each criterion is answered once`,
              );
            }
          });
          for (const criterion of checklist) {
            if (!firstAnswer.has(criterion.id)) {
              report(['answers'], `must answer criterion ${criterion.id} (${criterion.title})`);
            }
          }
        }
        findings.forEach(({ criterionId }, index) => {
          if (criterionId !== undefined && !criterionIds.has(criterionId)) {
            report(['findings', index, 'criterionId'], notInChecklist);
          }
        });
      },
    ),
  );
}

/**
 * Validates a reviewer's decision on a stage's milestone: every criterion of the stage's
 * checklist answered exactly once, comments where a criterion is not met or not applicable,
 * no approval over a criterion not met, findings when changes are requested.
 */
export function validateReviewDecision(
  stage: MilestoneStage,
  input: unknown,
): Validated<ReviewDecision> {
  if (!isMilestoneStage(stage)) {
    const problem: Problem = {
      field: '',
      message: `cannot be decided at stage ${String(stage)}: only a milestone stage is reviewed`,
    };
    return { ok: false, problems: [problem] };
  }
  return validateWith(reviewDecisionSchemaFor(stage), input);
}
