import { describe, expect, it } from '@jest/globals';
import { courseCatalogue } from '@cttech/domain';
import { courseActivity, courseOrigin, isCourse } from './activity-kinds.ts';

describe('courseActivity', () => {
  it('makes the online courses online courses and the investigative techniques in-person training', () => {
    expect(courseActivity('DARKNET_BASIC')).toEqual({
      kind: 'ONLINE_COURSE',
      title: 'Darknet (basic)',
    });
    expect(courseActivity('VIRTUAL_ASSETS_INTERMEDIATE').kind).toBe('ONLINE_COURSE');
    expect(courseActivity('OSINT')).toEqual({
      kind: 'IN_PERSON_TRAINING',
      title: 'Open-source intelligence (OSINT)',
    });
    expect(courseActivity('AI_FOR_INVESTIGATIONS').kind).toBe('IN_PERSON_TRAINING');
  });

  it('gives every course of the catalogue a course kind, following its format', () => {
    for (const course of courseCatalogue) {
      const { kind } = courseActivity(course.code);
      expect(isCourse(kind)).toBe(true);
      expect(kind === 'ONLINE_COURSE').toBe(course.format === 'ONLINE');
    }
    expect(isCourse('KICK_OFF_MEETING')).toBe(false);
    expect(isCourse('NATIONAL_WORKSHOP')).toBe(false);
  });

  it('refuses a code the catalogue does not have', () => {
    expect(() => courseActivity('KNITTING')).toThrow('KNITTING is not a course of the catalogue');
  });

  it('keys a course activity by its course id', () => {
    expect(courseOrigin('osint-nairobi-1')).toBe('course:osint-nairobi-1');
  });
});
