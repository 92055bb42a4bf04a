// The kick-off report form: the national stakeholders (agency and organisation), the needs
// identified and the agreed assistance plan, checked by the domain's rules before it is sent
// (`PUT .../submissions/KICK_OFF_REPORT`); each problem, the console's or the API's, is shown
// next to its field and in a summary above the form.
import type { EngagementStatus } from '../../gateway/api-types.ts';
import { agencyTitles } from '../../wording/engagement-words.ts';
import { EntryFieldsets } from './EntryFieldsets.tsx';
import { agencyChoices, emptyStakeholder, kickOffForm } from './kick-off-form.ts';
import { ChoiceField, FieldGroup, SubmissionForm, TextField } from './SubmissionForm.tsx';
import { useStageSubmission } from './useStageSubmission.ts';

const agencies = agencyChoices.map((agency) => ({ value: agency, title: agencyTitles[agency] }));

export function KickOffReportForm({ engagement }: { readonly engagement: EngagementStatus }) {
  const report = useStageSubmission(engagement, kickOffForm);
  const { values, change } = report;
  return (
    <SubmissionForm submission={report}>
      <EntryFieldsets
        field="stakeholders"
        legend="National stakeholders"
        hint="Organisations only, never a person's name."
        entryTitle="Stakeholder"
        entries={values.stakeholders}
        newEntry={() => emptyStakeholder}
        addLabel="Add a stakeholder"
        onChange={(stakeholders) => change({ stakeholders })}
      >
        {(stakeholder, index, changeStakeholder) => (
          <>
            <div className="field-row">
              <ChoiceField
                field={`stakeholders.${index}.agency`}
                label="Agency"
                placeholder="Choose an agency"
                choices={agencies}
                value={stakeholder.agency}
                onChange={(agency) => changeStakeholder({ agency })}
              />
              <TextField
                field={`stakeholders.${index}.organisation`}
                label="Organisation"
                value={stakeholder.organisation}
                onChange={(organisation) => changeStakeholder({ organisation })}
              />
            </div>
            <TextField
              field={`stakeholders.${index}.contribution`}
              label={
                <>
                  Contribution <span className="optional">(optional)</span>
                </>
              }
              value={stakeholder.contribution}
              onChange={(contribution) => changeStakeholder({ contribution })}
            />
          </>
        )}
      </EntryFieldsets>
      <TextField
        field="needsIdentified"
        label="Needs identified"
        hint="One capacity-building need per line."
        control="lines"
        value={values.needsIdentified}
        onChange={(needsIdentified) => change({ needsIdentified })}
      />
      <FieldGroup field="assistancePlan" legend="Agreed assistance plan">
        <TextField
          field="assistancePlan.summary"
          label="Summary"
          control="paragraph"
          value={values.summary}
          onChange={(summary) => change({ summary })}
        />
        <div className="field-row">
          <TextField
            field="assistancePlan.periodStart"
            label="Period start"
            control="date"
            value={values.periodStart}
            onChange={(periodStart) => change({ periodStart })}
          />
          <TextField
            field="assistancePlan.periodEnd"
            label="Period end"
            control="date"
            value={values.periodEnd}
            onChange={(periodEnd) => change({ periodEnd })}
          />
        </div>
        <TextField
          field="assistancePlan.plannedOutputs"
          label="Planned outputs"
          hint="One output per line."
          control="lines"
          value={values.plannedOutputs}
          onChange={(plannedOutputs) => change({ plannedOutputs })}
        />
      </FieldGroup>
    </SubmissionForm>
  );
}
