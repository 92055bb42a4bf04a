// What callers may send about activities, participants and attendance, checked at the
// gateway's edge for shape (strict: unknown properties refused by name). The activities service
// checks them again with the engagement's rules (seats, dates against the schedule, who is
// registered) and answers with the problem.
import { calendarDateSchema, maxSeatsPerCourse } from '@cttech/domain';
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);

/** `activity-<uuid>`, `participant-<uuid>`, `session-<uuid>`: as the activities service made them. */
export const activityIdSchema = z.string().regex(/^activity-[0-9a-f-]{36}$/, 'an activity id');
export const participantIdSchema = z
  .string()
  .regex(/^participant-[0-9a-f-]{36}$/, 'a participant id');
export const sessionIdSchema = z.string().regex(/^session-[0-9a-f-]{36}$/, 'a session id');

export const scheduleChangeBody = z.strictObject({
  startDate: calendarDateSchema.optional(),
  endDate: calendarDateSchema.optional(),
  venueOrPlatform: text(500).optional(),
  seats: z.int().min(1).max(maxSeatsPerCourse).optional(),
  /** Each trainer's name or organisation. */
  trainers: z.array(text(200)).max(30).optional(),
});

/**
 * A trainee: sex, agency and role; a name and contact only where needed. The name and contact
 * are personal data: the activities service seals them and they never reach an event or a log.
 */
export const registerParticipantBody = z.strictObject({
  sex: z.enum(['WOMAN', 'MAN', 'UNDISCLOSED']),
  agency: text(200),
  role: text(200),
  name: text(200).optional(),
  contact: text(320).optional(),
});

export const addSessionBody = z.strictObject({ date: calendarDateSchema, title: text(300) });

export const recordAttendanceBody = z.strictObject({
  participantIds: z.array(participantIdSchema).max(maxSeatsPerCourse),
});

export const closeCourseBody = z.strictObject({ humanRightsModuleDelivered: z.boolean() });
