// The training plan form: values → submission, a first plan from the needs, the domain's and
// the engagement's checks (courses delivered stay planned), problems → fields.
import { describe, expect, it } from '@jest/globals';
import {
  darknetCourse,
  darknetDelivery,
  needsAssessment,
  trainingPlan,
} from '@cttech/domain/samples';
import {
  deliveredCourseIds,
  isDeliveredRow,
  trainingPlanFormOf,
  trainingPlanFromNeeds,
  trainingPlanMessages,
  trainingPlanProblems,
  trainingPlanSubmission,
  venueWords,
  type TrainingPlanFormValues,
} from './training-plan-form.ts';

const sample = trainingPlanFormOf(trainingPlan);
const [darknet, crypto] = sample.courses as [
  TrainingPlanFormValues['courses'][number],
  TrainingPlanFormValues['courses'][number],
];

describe('the training plan form', () => {
  it('makes the submission the API takes: text trimmed, seats as a number', () => {
    const typed: TrainingPlanFormValues = {
      courses: [
        { ...darknet, courseId: ` ${darknet.courseId} `, seats: ' 30' },
        { ...crypto, venueOrPlatform: `${crypto.venueOrPlatform}  ` },
      ],
    };
    expect(trainingPlanSubmission(typed)).toEqual(trainingPlan);
    expect(trainingPlanProblems(typed, [])).toEqual([]);
    expect(trainingPlanSubmission(trainingPlanFormOf(trainingPlan))).toEqual(trainingPlan);
    expect(trainingPlanFormOf(undefined).courses).toHaveLength(1);
  });

  it('starts from the needs assessment: one course per need, the most needed first', () => {
    const needs = {
      ...needsAssessment,
      trainingNeeds: [...needsAssessment.trainingNeeds].reverse(),
    };
    const first = trainingPlanFromNeeds(needs);
    expect(first.courses.map(({ courseId, course }) => [courseId, course])).toEqual([
      ['cryptocurrency-investigations-1', 'CRYPTOCURRENCY_INVESTIGATIONS'],
      ['darknet-basic-1', 'DARKNET_BASIC'],
      ['osint-1', 'OSINT'],
    ]);
    // what is left to fill in reads as such, course by course
    expect(trainingPlanMessages(trainingPlanProblems(first, []))).toMatchObject({
      'courses.0.startDate': [
        'Planned course 1: start date must be a real calendar date written YYYY-MM-DD',
      ],
      'courses.0.seats': ['Planned course 1: number of seats is required'],
      'courses.2.venueOrPlatform': ['Planned course 3: venue or platform must not be empty'],
    });
  });

  it("puts the domain's problems next to their fields, in sentences", () => {
    const wrong: TrainingPlanFormValues = {
      courses: [
        { ...darknet, endDate: '2026-05-01', seats: '201' },
        { ...crypto, courseId: darknet.courseId, course: '' },
      ],
    };
    expect(trainingPlanMessages(trainingPlanProblems(wrong, []))).toEqual({
      'courses.0.seats': ['Planned course 1: number of seats must be at most 200'],
      'courses.1.course': ['Planned course 2: course must be chosen'],
      'courses.0.endDate': [
        'Planned course 1: end date must be on or after the start date of planned course 1',
      ],
      'courses.1.courseId': [
        'Planned course 2: course id repeats the course id of planned course 1: each planned course has its own courseId',
      ],
    });
  });

  it('keeps each delivered course in the plan, with a seat for everyone who attended', () => {
    expect(
      trainingPlanMessages(trainingPlanProblems({ courses: [crypto] }, [darknetDelivery])),
    ).toEqual({
      courses: ['The planned courses must keep the courses already delivered: darknet-basic-1'],
    });
    expect(
      trainingPlanMessages(
        trainingPlanProblems({ courses: [{ ...darknet, seats: '20' }, crypto] }, [darknetDelivery]),
      ),
    ).toEqual({
      'courses.0.seats': [
        'Planned course 1: number of seats must be at least 26: the delivery recorded for darknet-basic-1 counts 26 participants',
      ],
    });
    expect(trainingPlanProblems(sample, [darknetDelivery])).toEqual([]);
  });

  it("marks the delivered course's own row, not a later row typed with its id", () => {
    const delivered = deliveredCourseIds([darknetDelivery]);
    const courses = [darknet, crypto, { ...darknet, seats: '5' }];
    expect(courses.map((_, index) => isDeliveredRow(courses, index, delivered))).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('says where a course is given by its format', () => {
    expect(venueWords(darknetCourse.course)).toBe(
      'An online course: the platform it is taught on.',
    );
    expect(venueWords('OSINT')).toBe('Taught in person: the venue and town.');
    expect(venueWords('')).toBe('The venue, or the platform of an online course.');
  });
});
