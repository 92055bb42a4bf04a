// The training plan form: the planned courses, added and removed; with no plan yet, a first
// one drawn from the needs assessment. A course whose delivery is recorded stays in the plan
// under its course id (the workflow refuses a plan without it), so it cannot be removed.
import { maxSeatsPerCourse } from '@cttech/domain';
import type { EngagementStatus } from '../../gateway/api-types.ts';
import { courseChoices, courseStatusTitles } from '../../wording/engagement-words.ts';
import { EntryFieldsets } from './EntryFieldsets.tsx';
import { ChoiceField, NumberField, SubmissionForm, TextField } from './SubmissionForm.tsx';
import {
  deliveredCourseIds,
  emptyPlannedCourse,
  isDeliveredRow,
  trainingPlanForm,
  trainingPlanFromNeeds,
  venueWords,
} from './training-plan-form.ts';
import { useStageSubmission } from './useStageSubmission.ts';

export function TrainingPlanForm({ engagement }: { readonly engagement: EngagementStatus }) {
  const { trainingPlan, trainingDeliveries, needsAssessment } = engagement.record;
  const plan = useStageSubmission(engagement, trainingPlanForm);
  const { values, change } = plan;
  const delivered = deliveredCourseIds(trainingDeliveries);
  const progressOf = (courseId: string) =>
    engagement.trainingCourses.find((course) => course.courseId === courseId)?.status;
  return (
    <SubmissionForm submission={plan}>
      {trainingPlan === undefined && needsAssessment !== undefined ? (
        <div className="toolbar">
          <button
            type="button"
            className="button secondary"
            onClick={() => change(trainingPlanFromNeeds(needsAssessment))}
          >
            Start from the needs assessment
          </button>
          <p className="hint">
            One planned course per training need, the most needed first, in place of the courses
            below; the dates, seats and venues are yours to fill in.
          </p>
        </div>
      ) : null}
      <EntryFieldsets
        field="courses"
        legend="Planned courses"
        hint={`Each planned course has its own course id: 3 to 64 lower-case letters, digits or hyphens (darknet-basic-1); deliveries are recorded against it. From 1 to ${maxSeatsPerCourse} seats a course.`}
        entryTitle="Planned course"
        entries={values.courses}
        newEntry={() => emptyPlannedCourse}
        keptBecause={(_, index) =>
          isDeliveredRow(values.courses, index, delivered)
            ? 'Its delivery is recorded: it stays in the plan, under the same course id.'
            : undefined
        }
        addLabel="Add a planned course"
        onChange={(courses) => change({ courses })}
      >
        {(course, index, changeCourse) => {
          const key = (field: string) => `courses.${index}.${field}`;
          const progress = progressOf(course.courseId);
          return (
            <>
              {progress === undefined ? null : (
                <p className="hint">Progress: {courseStatusTitles[progress]}</p>
              )}
              <div className="field-row">
                <TextField
                  field={key('courseId')}
                  label="Course id"
                  readOnly={isDeliveredRow(values.courses, index, delivered)}
                  value={course.courseId}
                  onChange={(courseId) => changeCourse({ courseId })}
                />
                <ChoiceField
                  field={key('course')}
                  label="Course"
                  placeholder="Choose a course"
                  choices={courseChoices}
                  value={course.course}
                  onChange={(choice) => changeCourse({ course: choice })}
                />
              </div>
              <div className="field-row">
                <TextField
                  field={key('startDate')}
                  label="Start date"
                  control="date"
                  value={course.startDate}
                  onChange={(startDate) => changeCourse({ startDate })}
                />
                <TextField
                  field={key('endDate')}
                  label="End date"
                  control="date"
                  value={course.endDate}
                  onChange={(endDate) => changeCourse({ endDate })}
                />
                <NumberField
                  field={key('seats')}
                  label="Seats"
                  min={1}
                  max={maxSeatsPerCourse}
                  value={course.seats}
                  onChange={(seats) => changeCourse({ seats })}
                />
              </div>
              <TextField
                field={key('venueOrPlatform')}
                label="Venue or platform"
                hint={venueWords(course.course)}
                value={course.venueOrPlatform}
                onChange={(venueOrPlatform) => changeCourse({ venueOrPlatform })}
              />
            </>
          );
        }}
      </EntryFieldsets>
    </SubmissionForm>
  );
}
