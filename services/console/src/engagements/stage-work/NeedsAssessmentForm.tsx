// The needs assessment form: each pillar's readiness and evidence, the gaps, and the training
// needs ranked, checked by the domain's rules before it is sent
// (`PUT .../submissions/NEEDS_ASSESSMENT`); pre-filled from the recorded assessment.
import { assessmentPillars } from '@cttech/domain';
import type { EngagementStatus } from '../../gateway/api-types.ts';
import { courseChoices, pillarTitles } from '../../wording/engagement-words.ts';
import { EntryFieldsets } from './EntryFieldsets.tsx';
import {
  needsAssessmentForm,
  readinessChoices,
  trainingNeedAfter,
  type PillarEntry,
} from './needs-assessment-form.ts';
import {
  ChoiceField,
  FieldGroup,
  NumberField,
  SubmissionForm,
  TextField,
} from './SubmissionForm.tsx';
import { useStageSubmission } from './useStageSubmission.ts';

export function NeedsAssessmentForm({ engagement }: { readonly engagement: EngagementStatus }) {
  const assessment = useStageSubmission(engagement, needsAssessmentForm);
  const { values, change } = assessment;
  return (
    <SubmissionForm submission={assessment}>
      <FieldGroup
        field="pillars"
        legend="Readiness by pillar"
        hint="The national workshop's benchmark: a score from 1 (not ready) to 5 (ready to adopt the technology) and the evidence for it."
      >
        <div className="pillars">
          {assessmentPillars.map((pillar) => {
            const entry = values.pillars[pillar];
            const changePillar = (next: Partial<PillarEntry>) =>
              change({ pillars: { ...values.pillars, [pillar]: { ...entry, ...next } } });
            return (
              <FieldGroup
                key={pillar}
                field={`pillars.${pillar}`}
                legend={`${pillarTitles[pillar]} pillar`}
              >
                <ChoiceField
                  field={`pillars.${pillar}.readinessScore`}
                  label="Readiness"
                  placeholder="Choose a score"
                  choices={readinessChoices}
                  value={entry.readinessScore}
                  onChange={(readinessScore) => changePillar({ readinessScore })}
                />
                <TextField
                  field={`pillars.${pillar}.evidence`}
                  label="Evidence"
                  control="paragraph"
                  value={entry.evidence}
                  onChange={(evidence) => changePillar({ evidence })}
                />
              </FieldGroup>
            );
          })}
        </div>
      </FieldGroup>
      <TextField
        field="gaps"
        label="Gaps"
        hint="One gap per line."
        control="lines"
        value={values.gaps}
        onChange={(gaps) => change({ gaps })}
      />
      <EntryFieldsets
        field="trainingNeeds"
        legend="Training needs"
        hint="Courses from the catalogue, ranked: 1 is the most needed, each rank used once."
        entryTitle="Training need"
        entries={values.trainingNeeds}
        newEntry={trainingNeedAfter}
        addLabel="Add a training need"
        onChange={(trainingNeeds) => change({ trainingNeeds })}
      >
        {(need, index, changeNeed) => (
          <div className="field-row">
            <ChoiceField
              field={`trainingNeeds.${index}.course`}
              label="Course"
              placeholder="Choose a course"
              choices={courseChoices}
              value={need.course}
              onChange={(course) => changeNeed({ course })}
            />
            <NumberField
              field={`trainingNeeds.${index}.rank`}
              label="Rank"
              min={1}
              max={values.trainingNeeds.length}
              value={need.rank}
              onChange={(rank) => changeNeed({ rank })}
            />
          </div>
        )}
      </EntryFieldsets>
    </SubmissionForm>
  );
}
