// Recording one planned course's delivery: the course (among those not yet delivered), its
// attendance by sex (numbers only, never names) and its human-rights module; checked by the
// domain's rules and against the plan before it is sent. Once saved, the form is empty again.
import type { EngagementStatus } from '../../gateway/api-types.ts';
import { courseTitle } from '../../wording/engagement-words.ts';
import {
  CheckboxField,
  ChoiceField,
  FieldGroup,
  InPlaceOfForm,
  NumberField,
  SubmissionForm,
} from './SubmissionForm.tsx';
import {
  coursesAwaitingDelivery,
  trainingDeliveryForm,
  type TrainingDeliveryFormValues,
} from './training-delivery-form.ts';
import { useStageSubmission } from './useStageSubmission.ts';

const counts = [
  ['women', 'Women'],
  ['men', 'Men'],
  ['undisclosed', 'Sex not disclosed'],
] as const satisfies readonly (readonly [keyof TrainingDeliveryFormValues, string])[];

export function TrainingDeliveryForm({ engagement }: { readonly engagement: EngagementStatus }) {
  const { trainingPlan, trainingDeliveries } = engagement.record;
  const delivery = useStageSubmission(engagement, trainingDeliveryForm);
  const { values, change } = delivery;
  const awaiting = coursesAwaitingDelivery(trainingPlan, trainingDeliveries);
  const chosen = awaiting.find((course) => course.courseId === values.courseId);
  if (trainingPlan === undefined || awaiting.length === 0) {
    return (
      <InPlaceOfForm heading={trainingDeliveryForm.heading}>
        <p className="hint">
          {trainingPlan === undefined
            ? "Deliveries are recorded against the training plan's courses: save the plan first."
            : 'Every planned course has its delivery recorded.'}
        </p>
        <p role="status" className="saved">
          {delivery.saved ? trainingDeliveryForm.savedText : ''}
        </p>
      </InPlaceOfForm>
    );
  }
  return (
    <SubmissionForm submission={delivery}>
      <ChoiceField
        field="courseId"
        label="Planned course"
        hint="The planned courses whose delivery is not recorded yet."
        placeholder="Choose a planned course"
        choices={awaiting.map(({ courseId, course }) => ({
          value: courseId,
          title: `${courseTitle(course)} (${courseId})`,
        }))}
        value={values.courseId}
        onChange={(courseId) => change({ courseId })}
      />
      <FieldGroup
        field="attendance"
        legend="Attendance"
        hint={`Participants counted by sex: numbers only, never names or other personal details.${chosen === undefined ? '' : ` ${chosen.seats} seats were planned.`}`}
      >
        <div className="field-row">
          {counts.map(([field, label]) => (
            <NumberField
              key={field}
              field={`attendance.${field}`}
              label={label}
              min={0}
              max={chosen?.seats}
              value={values[field]}
              onChange={(count) => change({ [field]: count })}
            />
          ))}
        </div>
      </FieldGroup>
      <CheckboxField
        field="humanRightsModuleDelivered"
        label="The human-rights module was delivered"
        hint="Every course includes it; tick only if it was taught in this delivery."
        checked={values.humanRightsModuleDelivered}
        onChange={(humanRightsModuleDelivered) => change({ humanRightsModuleDelivered })}
      />
    </SubmissionForm>
  );
}
