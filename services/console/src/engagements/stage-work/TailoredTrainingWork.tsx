// The tailored training stage's work: the training plan, the deliveries recorded so far (read
// only: each is recorded once, below), recording a delivery, and the training's completion.
import { attendanceTotal, type StageRecord } from '@cttech/domain';
import type { EngagementStatus } from '../../gateway/api-types.ts';
import { courseTitle } from '../../wording/engagement-words.ts';
import { TrainingCompletionForm } from './TrainingCompletionForm.tsx';
import { TrainingDeliveryForm } from './TrainingDeliveryForm.tsx';
import { TrainingPlanForm } from './TrainingPlanForm.tsx';

export function TailoredTrainingWork({ engagement }: { readonly engagement: EngagementStatus }) {
  return (
    <>
      <TrainingPlanForm engagement={engagement} />
      <DeliveriesRecorded record={engagement.record} />
      <TrainingDeliveryForm engagement={engagement} />
      <TrainingCompletionForm engagement={engagement} />
    </>
  );
}

function DeliveriesRecorded({ record }: { readonly record: StageRecord }) {
  const { trainingPlan, trainingDeliveries } = record;
  const courseOf = (courseId: string) =>
    trainingPlan?.courses.find((course) => course.courseId === courseId)?.course;
  return (
    <section aria-labelledby="deliveries-heading" className="submission-form">
      <h3 id="deliveries-heading">Deliveries recorded</h3>
      {trainingDeliveries.length === 0 ? (
        <p className="hint">No delivery is recorded yet.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Course</th>
                <th scope="col" className="number">
                  Women
                </th>
                <th scope="col" className="number">
                  Men
                </th>
                <th scope="col" className="number">
                  Sex not disclosed
                </th>
                <th scope="col" className="number">
                  Participants
                </th>
                <th scope="col">Human-rights module</th>
              </tr>
            </thead>
            <tbody>
              {trainingDeliveries.map(({ courseId, attendance, humanRightsModuleDelivered }) => {
                const course = courseOf(courseId);
                return (
                  <tr key={courseId}>
                    <th scope="row">
                      {course === undefined ? courseId : courseTitle(course)}
                      {course !== undefined ? <span className="hint"> ({courseId})</span> : null}
                    </th>
                    <td className="number">{attendance.women}</td>
                    <td className="number">{attendance.men}</td>
                    <td className="number">{attendance.undisclosed}</td>
                    <td className="number">{attendanceTotal(attendance)}</td>
                    <td>
                      {humanRightsModuleDelivered ? (
                        'Delivered'
                      ) : (
                        <span className="mark mark-short">Not delivered</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
