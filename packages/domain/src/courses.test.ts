import { describe, expect, it } from '@jest/globals';
import { courseCatalogue, courseCodes, findCourse } from './courses.ts';

describe('course catalogue', () => {
  it('holds every course code once', () => {
    expect(courseCatalogue.map((course) => course.code)).toEqual([...courseCodes]);
  });

  it('offers the basic and intermediate Darknet and virtual-assets courses online', () => {
    expect(
      courseCatalogue.filter((course) => course.format === 'ONLINE').map((course) => course.code),
    ).toEqual([
      'DARKNET_BASIC',
      'DARKNET_INTERMEDIATE',
      'VIRTUAL_ASSETS_BASIC',
      'VIRTUAL_ASSETS_INTERMEDIATE',
    ]);
  });

  it('teaches the special investigative techniques in person', () => {
    expect(
      courseCatalogue
        .filter((course) => course.format === 'IN_PERSON')
        .map((course) => course.code),
    ).toEqual([
      'OSINT',
      'DARKNET_INVESTIGATIONS',
      'CRYPTOCURRENCY_INVESTIGATIONS',
      'AI_FOR_INVESTIGATIONS',
    ]);
  });

  it('gives every course a title', () => {
    for (const course of courseCatalogue) expect(course.title).not.toBe('');
  });

  it('finds a course by code, and nothing for an unknown code', () => {
    expect(findCourse('OSINT')).toEqual({
      code: 'OSINT',
      title: 'Open-source intelligence (OSINT)',
      format: 'IN_PERSON',
    });
    expect(findCourse('FORENSICS')).toBeUndefined();
  });
});
