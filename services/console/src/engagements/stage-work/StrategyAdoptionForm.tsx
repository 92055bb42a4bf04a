// The strategy adoption form: the instrument adopted, the Special Rapporteur's recommendations
// it acts on (none or more), women's share in its design as a percentage with a justification
// below the target, and the public-private mechanism; checked by the domain's rules before it
// is sent (`PUT .../submissions/STRATEGY_ADOPTION`), pre-filled from the recorded adoption.
import type { EngagementStatus } from '../../gateway/api-types.ts';
import { EntryFieldsets } from './EntryFieldsets.tsx';
import {
  emptyRecommendation,
  instrumentChoices,
  isBelowWomenShareTarget,
  strategyAdoptionForm,
  womenSharePercentTarget,
} from './strategy-adoption-form.ts';
import {
  CheckboxField,
  ChoiceField,
  FieldGroup,
  NumberField,
  SubmissionForm,
  TextField,
} from './SubmissionForm.tsx';
import { useStageSubmission } from './useStageSubmission.ts';

const recommendationsKey = 'specialRapporteurRecommendationsActedOn';

export function StrategyAdoptionForm({ engagement }: { readonly engagement: EngagementStatus }) {
  const adoption = useStageSubmission(engagement, strategyAdoptionForm);
  const { values, change } = adoption;
  return (
    <SubmissionForm submission={adoption}>
      <div className="field-row">
        <ChoiceField
          field="instrumentType"
          label="Instrument adopted"
          placeholder="Choose a type"
          choices={instrumentChoices}
          value={values.instrumentType}
          onChange={(instrumentType) => change({ instrumentType })}
        />
        <TextField
          field="adoptionDate"
          label="Adoption date"
          control="date"
          value={values.adoptionDate}
          onChange={(adoptionDate) => change({ adoptionDate })}
        />
      </div>
      <TextField
        field="title"
        label="Title"
        value={values.title}
        onChange={(title) => change({ title })}
      />
      <EntryFieldsets
        field={recommendationsKey}
        legend="Special Rapporteur recommendations acted on"
        hint={
          values.recommendations.length === 0
            ? 'None recorded: add each recommendation of the UN Special Rapporteur the instrument acts on, if any.'
            : 'Each recommendation of the UN Special Rapporteur the instrument acts on, by its report and paragraph (A/HRC/40/52 para. 75(b)).'
        }
        entryTitle="Recommendation"
        entries={values.recommendations}
        newEntry={() => emptyRecommendation}
        minimum={0}
        addLabel="Add a recommendation"
        onChange={(recommendations) => change({ recommendations })}
      >
        {(recommendation, index, changeRecommendation) => (
          <>
            <TextField
              field={`${recommendationsKey}.${index}.reference`}
              label="Reference"
              value={recommendation.reference}
              onChange={(reference) => changeRecommendation({ reference })}
            />
            <TextField
              field={`${recommendationsKey}.${index}.summary`}
              label="What was acted on"
              value={recommendation.summary}
              onChange={(summary) => changeRecommendation({ summary })}
            />
          </>
        )}
      </EntryFieldsets>
      <NumberField
        field="womenShareInDesign"
        label="Women's share in the design (%)"
        hint={`Women among the people who designed and adopted the instrument, from 0 to 100 %. The target is ${womenSharePercentTarget} %.`}
        min={0}
        max={100}
        step="any"
        value={values.womenSharePercent}
        onChange={(womenSharePercent) => change({ womenSharePercent })}
      />
      {isBelowWomenShareTarget(values) ? (
        <TextField
          field="womenShareJustification"
          label="Justification of the share"
          hint={`Why women were fewer than ${womenSharePercentTarget} % of the designers.`}
          control="paragraph"
          value={values.womenShareJustification}
          onChange={(womenShareJustification) => change({ womenShareJustification })}
        />
      ) : null}
      <FieldGroup field="publicPrivateMechanism" legend="Public-private mechanism">
        <CheckboxField
          field="publicPrivateMechanism.created"
          label="A public-private mechanism was created"
          checked={values.mechanismCreated}
          onChange={(mechanismCreated) => change({ mechanismCreated })}
        />
        {values.mechanismCreated ? (
          <TextField
            field="publicPrivateMechanism.description"
            label="Description of the mechanism"
            control="paragraph"
            value={values.mechanismDescription}
            onChange={(mechanismDescription) => change({ mechanismDescription })}
          />
        ) : null}
      </FieldGroup>
    </SubmissionForm>
  );
}
