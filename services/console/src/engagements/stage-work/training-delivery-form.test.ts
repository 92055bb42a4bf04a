// The delivery form: the courses still to deliver, values → submission, the domain's check on
// its own and against the plan, problems → fields.
import { describe, expect, it } from '@jest/globals';
import { cryptoCourse, darknetDelivery, trainingPlan } from '@cttech/domain/samples';
import {
  coursesAwaitingDelivery,
  emptyTrainingDelivery,
  trainingDeliveryMessages,
  trainingDeliveryProblems,
  trainingDeliverySubmission,
  type TrainingDeliveryFormValues,
} from './training-delivery-form.ts';

const typed: TrainingDeliveryFormValues = {
  courseId: 'darknet-basic-1',
  women: '8',
  men: ' 17 ',
  undisclosed: '1',
  humanRightsModuleDelivered: true,
};

describe('the delivery form', () => {
  it('offers the planned courses whose delivery is not recorded yet', () => {
    expect(coursesAwaitingDelivery(trainingPlan, [])).toEqual(trainingPlan.courses);
    expect(coursesAwaitingDelivery(trainingPlan, [darknetDelivery])).toEqual([cryptoCourse]);
    expect(coursesAwaitingDelivery(undefined, [])).toEqual([]);
  });

  it('makes the submission the API takes: counts by sex as numbers, no names', () => {
    expect(trainingDeliverySubmission(typed)).toEqual(darknetDelivery);
    expect(trainingDeliveryProblems(typed, trainingPlan)).toEqual([]);
  });

  it('says what is missing, next to each field', () => {
    expect(
      trainingDeliveryMessages(trainingDeliveryProblems(emptyTrainingDelivery, trainingPlan)),
    ).toEqual({
      courseId: ['The course must be chosen'],
      'attendance.women': ['The number of women is required'],
      'attendance.men': ['The number of men is required'],
      'attendance.undisclosed': ['The number who did not disclose their sex is required'],
    });
    const nobody = { ...typed, women: '0', men: '0', undisclosed: '0' };
    expect(trainingDeliveryMessages(trainingDeliveryProblems(nobody, trainingPlan))).toEqual({
      attendance: ['The attendance must count at least one participant'],
    });
  });

  it('checks the delivery against the plan: its seats, and a plan first', () => {
    // 30 seats planned: 30 participants fit, 31 do not
    expect(trainingDeliveryProblems({ ...typed, men: '21' }, trainingPlan)).toEqual([]);
    expect(
      trainingDeliveryMessages(trainingDeliveryProblems({ ...typed, men: '22' }, trainingPlan)),
    ).toEqual({
      attendance: [
        'The attendance counts 31 participants, more than the 30 seats planned for darknet-basic-1',
      ],
    });
    expect(trainingDeliveryMessages(trainingDeliveryProblems(typed, undefined))).toEqual({
      '': ['A delivery cannot be recorded before the training plan.'],
    });
  });

  it("places the API's problems", () => {
    expect(
      trainingDeliveryMessages([
        { field: 'attendance.men', message: 'must be at least 0' },
        { field: 'courseId', message: 'is not a course in the training plan' },
        { field: '', message: 'cannot be recorded before the training plan' },
      ]),
    ).toEqual({
      'attendance.men': ['The number of men must be at least 0'],
      courseId: ['The course is not a course in the training plan'],
      '': ['cannot be recorded before the training plan'],
    });
  });
});
