import { describe, expect, it } from '@jest/globals';
import {
  cryptoCourse,
  cryptoDelivery,
  darknetCourse,
  darknetDelivery,
  trainingPlan,
} from './sample-engagement.ts';
import { validateSubmission } from './submissions.ts';
import { attendanceTotal, attendanceTotals, checkDeliveryAgainstPlan } from './training.ts';

function planProblems(input: unknown) {
  const result = validateSubmission('TRAINING_PLAN', input);
  return result.ok ? [] : result.problems;
}

function deliveryProblems(input: unknown) {
  const result = validateSubmission('TRAINING_DELIVERY', input);
  return result.ok ? [] : result.problems;
}

describe('training plan', () => {
  it('accepts courses from the catalogue, each scheduled with seats and a venue', () => {
    expect(validateSubmission('TRAINING_PLAN', trainingPlan)).toEqual({
      ok: true,
      value: trainingPlan,
    });
  });

  it.each([
    ['no courses', [], 'courses', 'must have at least 1 entry'],
    [
      'a courseId with capitals',
      [{ ...darknetCourse, courseId: 'Darknet-1' }],
      'courses.0.courseId',
      'must be 3 to 64 lower-case letters, digits or hyphens',
    ],
    [
      'a courseId shorter than 3',
      [{ ...darknetCourse, courseId: 'd1' }],
      'courses.0.courseId',
      'must be 3 to 64 lower-case letters, digits or hyphens',
    ],
    [
      'a courseId longer than 64',
      [{ ...darknetCourse, courseId: 'd'.repeat(65) }],
      'courses.0.courseId',
      'must be 3 to 64 lower-case letters, digits or hyphens',
    ],
    [
      'a course outside the catalogue',
      [{ ...darknetCourse, course: 'FORENSICS' }],
      'courses.0.course',
      expect.stringMatching(/^must be one of: DARKNET_BASIC, /),
    ],
    [
      'a start date that does not exist',
      [{ ...darknetCourse, startDate: '2026-02-29' }],
      'courses.0.startDate',
      'must be a real calendar date written YYYY-MM-DD',
    ],
    [
      'a course ending before it starts',
      [darknetCourse, { ...cryptoCourse, startDate: '2026-06-19', endDate: '2026-06-15' }],
      'courses.1.endDate',
      'must be on or after courses.1.startDate',
    ],
    ['no seats', [{ ...darknetCourse, seats: 0 }], 'courses.0.seats', 'must be at least 1'],
    [
      'more than 200 seats',
      [{ ...darknetCourse, seats: 201 }],
      'courses.0.seats',
      'must be at most 200',
    ],
    [
      'half a seat',
      [{ ...darknetCourse, seats: 10.5 }],
      'courses.0.seats',
      'must be a whole number',
    ],
    [
      'no venue or platform',
      [{ ...darknetCourse, venueOrPlatform: '' }],
      'courses.0.venueOrPlatform',
      'must not be empty',
    ],
    [
      'two courses with the same courseId',
      [darknetCourse, { ...cryptoCourse, courseId: darknetCourse.courseId }],
      'courses.1.courseId',
      'repeats courses.0.courseId: each planned course has its own courseId',
    ],
    [
      'an unknown field on a course',
      [{ ...darknetCourse, trainer: 'J. Doe' }],
      'courses.0.trainer',
      'is not an expected field',
    ],
  ])('refuses %s', (_name, courses, field, message) => {
    expect(planProblems({ courses })).toEqual([{ field, message }]);
  });

  it('accepts a one-day course with exactly 200 seats', () => {
    expect(
      planProblems({
        courses: [{ ...darknetCourse, endDate: darknetCourse.startDate, seats: 200 }],
      }),
    ).toEqual([]);
  });
});

describe('training delivery', () => {
  it('accepts the attendance by sex and whether the human-rights module was delivered', () => {
    expect(validateSubmission('TRAINING_DELIVERY', darknetDelivery)).toEqual({
      ok: true,
      value: darknetDelivery,
    });
  });

  it.each([
    [
      'a negative count',
      { ...darknetDelivery, attendance: { women: -1, men: 3, undisclosed: 0 } },
      'attendance.women',
      'must be at least 0',
    ],
    [
      'a fractional count',
      { ...darknetDelivery, attendance: { women: 1, men: 2.5, undisclosed: 0 } },
      'attendance.men',
      'must be a whole number',
    ],
    [
      'attendance without the undisclosed count',
      { ...darknetDelivery, attendance: { women: 1, men: 2 } },
      'attendance.undisclosed',
      'is required',
    ],
    [
      'attendance of nobody',
      { ...darknetDelivery, attendance: { women: 0, men: 0, undisclosed: 0 } },
      'attendance',
      'must count at least one participant',
    ],
    [
      'participant names',
      { ...darknetDelivery, attendance: { ...darknetDelivery.attendance, names: ['x'] } },
      'attendance.names',
      'is not an expected field',
    ],
    [
      'no word on the human-rights module',
      { courseId: 'darknet-basic-1', attendance: darknetDelivery.attendance },
      'humanRightsModuleDelivered',
      'is required',
    ],
    [
      'a human-rights module answer that is not true or false',
      { ...darknetDelivery, humanRightsModuleDelivered: 'yes' },
      'humanRightsModuleDelivered',
      'must be true or false',
    ],
    [
      'a bad courseId',
      { ...darknetDelivery, courseId: 'X' },
      'courseId',
      'must be 3 to 64 lower-case letters, digits or hyphens',
    ],
  ])('refuses %s', (_name, input, field, message) => {
    expect(deliveryProblems(input)).toEqual([{ field, message }]);
  });
});

describe('checkDeliveryAgainstPlan', () => {
  it('accepts a delivery of a planned course within its seats', () => {
    expect(checkDeliveryAgainstPlan(trainingPlan, darknetDelivery)).toEqual({
      ok: true,
      value: darknetDelivery,
    });
  });

  it('accepts attendance that fills every seat', () => {
    const full = { ...cryptoDelivery, attendance: { women: 10, men: 9, undisclosed: 1 } };
    expect(checkDeliveryAgainstPlan(trainingPlan, full).ok).toBe(true);
  });

  it('refuses a delivery of a course that is not in the plan', () => {
    expect(
      checkDeliveryAgainstPlan(trainingPlan, { ...darknetDelivery, courseId: 'osint-1' }),
    ).toEqual({
      ok: false,
      problems: [{ field: 'courseId', message: 'is not a course in the training plan' }],
    });
  });

  it('refuses attendance above the seats planned', () => {
    const crowded = { ...cryptoDelivery, attendance: { women: 10, men: 10, undisclosed: 1 } };
    expect(checkDeliveryAgainstPlan(trainingPlan, crowded)).toEqual({
      ok: false,
      problems: [
        {
          field: 'attendance',
          message:
            'counts 21 participants, more than the 20 seats planned for cryptocurrency-investigations-1',
        },
      ],
    });
  });
});

describe('training completion', () => {
  it('accepts a completion with or without a shortfall justification', () => {
    expect(validateSubmission('TRAINING_COMPLETION', {}).ok).toBe(true);
    expect(
      validateSubmission('TRAINING_COMPLETION', {
        shortfallJustification: 'Elections postponed the last course.',
      }).ok,
    ).toBe(true);
  });

  it.each([
    [{ shortfallJustification: '' }, 'shortfallJustification', 'must not be empty'],
    [{ investigatorsTrained: 40 }, 'investigatorsTrained', 'is not an expected field'],
  ])('refuses %j', (input, field, message) => {
    expect(validateSubmission('TRAINING_COMPLETION', input)).toEqual({
      ok: false,
      problems: [{ field, message }],
    });
  });
});

describe('attendance totals', () => {
  it('adds women, men and undisclosed', () => {
    expect(attendanceTotal(darknetDelivery.attendance)).toBe(26);
  });

  it('sums several deliveries by sex and in total, and none as zero', () => {
    expect(attendanceTotals([darknetDelivery, cryptoDelivery])).toEqual({
      women: 13,
      men: 29,
      undisclosed: 1,
      total: 43,
    });
    expect(attendanceTotals([])).toEqual({ women: 0, men: 0, undisclosed: 0, total: 0 });
  });
});
