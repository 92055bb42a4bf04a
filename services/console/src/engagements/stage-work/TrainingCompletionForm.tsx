// Closing the training, once there is a plan: the investigators trained so far (from the
// deliveries recorded) against the target, and the shortfall justification only when fewer
// were trained.
import { attendanceTotals, investigatorsTrainedTarget } from '@cttech/domain';
import type { EngagementStatus } from '../../gateway/api-types.ts';
import { InPlaceOfForm, SubmissionForm, TextField } from './SubmissionForm.tsx';
import { isShortOfTrainedTarget, trainingCompletionForm } from './training-completion-form.ts';
import { coursesAwaitingDelivery } from './training-delivery-form.ts';
import { useStageSubmission } from './useStageSubmission.ts';

export function TrainingCompletionForm({ engagement }: { readonly engagement: EngagementStatus }) {
  const { trainingPlan, trainingDeliveries } = engagement.record;
  const trained = attendanceTotals(trainingDeliveries);
  const completion = useStageSubmission(engagement, trainingCompletionForm);
  const short = isShortOfTrainedTarget(trained.total);
  const undelivered = coursesAwaitingDelivery(trainingPlan, trainingDeliveries).length;
  if (trainingPlan === undefined) {
    return (
      <InPlaceOfForm heading={trainingCompletionForm.heading}>
        <p className="hint">
          Once the plan&apos;s courses are delivered, the training is closed here, with the
          investigators trained against the target of {investigatorsTrainedTarget}.
        </p>
      </InPlaceOfForm>
    );
  }
  return (
    <SubmissionForm submission={completion}>
      <p>
        Investigators trained so far: <strong>{trained.total}</strong> of the target of{' '}
        {investigatorsTrainedTarget} ({trained.women} women, {trained.men} men,{' '}
        {trained.undisclosed} not disclosed)
        <span className={`mark ${short ? 'mark-short' : 'mark-ok'}`}>
          {short ? 'Below target' : 'Target met'}
        </span>
      </p>
      {undelivered > 0 ? (
        <p className="hint">
          {undelivered === 1
            ? '1 planned course has no delivery recorded yet: '
            : `${undelivered} planned courses have no delivery recorded yet: `}
          the figure counts recorded deliveries only.
        </p>
      ) : null}
      {short ? (
        <TextField
          field="shortfallJustification"
          label="Shortfall justification"
          hint={`Why fewer than ${investigatorsTrainedTarget} investigators were trained.`}
          control="paragraph"
          value={completion.values.shortfallJustification}
          onChange={(shortfallJustification) => completion.change({ shortfallJustification })}
        />
      ) : (
        <p className="hint">The target is met: no shortfall justification is needed.</p>
      )}
    </SubmissionForm>
  );
}
