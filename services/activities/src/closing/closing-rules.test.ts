import { describe, expect, it } from '@jest/globals';
import { attendanceBySex, checkClosing, type ClosingActivity } from './closing-rules.ts';

const course: ClosingActivity = {
  id: 'activity-1',
  kind: 'IN_PERSON_TRAINING',
  status: 'PLANNED',
  seats: 3,
  closedBy: null,
};

/** The refusal's code and status, or the attendance when closing is allowed. */
function outcome(activity: ClosingActivity, attendedBy: Parameters<typeof checkClosing>[1]) {
  const checked = checkClosing(activity, attendedBy);
  return checked.ok
    ? checked.attendance
    : { code: checked.refusal.code, status: checked.refusal.status };
}

describe('attendanceBySex', () => {
  it('counts women, men and undisclosed apart', () => {
    expect(attendanceBySex(['WOMAN', 'MAN', 'WOMAN', 'UNDISCLOSED', 'MAN', 'WOMAN'])).toEqual({
      women: 3,
      men: 2,
      undisclosed: 1,
    });
    expect(attendanceBySex([])).toEqual({ women: 0, men: 0, undisclosed: 0 });
  });
});

describe('checkClosing', () => {
  it('closes a course with its attendance by sex', () => {
    expect(outcome(course, ['WOMAN', 'MAN', 'UNDISCLOSED'])).toEqual({
      women: 1,
      men: 1,
      undisclosed: 1,
    });
    expect(outcome({ ...course, kind: 'ONLINE_COURSE' }, ['WOMAN'])).toEqual({
      women: 1,
      men: 0,
      undisclosed: 0,
    });
  });

  it('refuses a second close and a cancelled course with 409', () => {
    const closed = checkClosing({ ...course, status: 'CLOSED', closedBy: 'officer-ke-1' }, ['MAN']);
    expect(closed.ok).toBe(false);
    if (closed.ok) return;
    expect(closed.refusal).toMatchObject({ code: 'ACTIVITY_CLOSED', status: 409 });
    expect(closed.refusal.message).toContain('closed by officer-ke-1');
    expect(outcome({ ...course, status: 'CANCELLED' }, ['MAN'])).toEqual({
      code: 'ACTIVITY_CANCELLED',
      status: 409,
    });
  });

  it('refuses what is not a course, a course without seats, none attending, more than the seats', () => {
    expect(outcome({ ...course, kind: 'KICK_OFF_MEETING' }, ['MAN'])).toEqual({
      code: 'NOT_A_COURSE',
      status: 422,
    });
    expect(outcome({ ...course, kind: 'NATIONAL_WORKSHOP' }, ['MAN'])).toMatchObject({
      code: 'NOT_A_COURSE',
    });
    expect(outcome({ ...course, seats: null }, ['MAN'])).toEqual({
      code: 'SEATS_UNKNOWN',
      status: 422,
    });
    expect(outcome(course, [])).toEqual({ code: 'NO_ATTENDANCE', status: 422 });
    const over = checkClosing(course, ['WOMAN', 'WOMAN', 'MAN', 'UNDISCLOSED']);
    expect(over.ok).toBe(false);
    if (over.ok) return;
    expect(over.refusal).toMatchObject({ code: 'ATTENDANCE_OVER_SEATS', status: 422 });
    expect(over.refusal.message).toBe(
      '4 participants attended activity activity-1, more than its 3 seats',
    );
    expect(over.refusal.problems).toEqual([
      { field: 'seats', message: 'must be at least 4, the participants who attended' },
    ]);
    // exactly the seats is allowed
    expect(outcome(course, ['WOMAN', 'WOMAN', 'MAN'])).toEqual({
      women: 2,
      men: 1,
      undisclosed: 0,
    });
  });
});
