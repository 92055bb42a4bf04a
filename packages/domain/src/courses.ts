import { z } from 'zod';

export const courseCodes = [
  'DARKNET_BASIC',
  'DARKNET_INTERMEDIATE',
  'VIRTUAL_ASSETS_BASIC',
  'VIRTUAL_ASSETS_INTERMEDIATE',
  'OSINT',
  'DARKNET_INVESTIGATIONS',
  'CRYPTOCURRENCY_INVESTIGATIONS',
  'AI_FOR_INVESTIGATIONS',
] as const;

export type CourseCode = (typeof courseCodes)[number];

export const courseCodeSchema = z.enum(courseCodes);

export const courseFormats = ['ONLINE', 'IN_PERSON'] as const;

export type CourseFormat = (typeof courseFormats)[number];

export interface Course {
  readonly code: CourseCode;
  readonly title: string;
  readonly format: CourseFormat;
}

/**
 * The course catalogue: online basic and intermediate courses, and the special investigative
 * techniques taught in person. Every course includes a human-rights module.
 */
export const courseCatalogue: readonly Course[] = [
  { code: 'DARKNET_BASIC', title: 'Darknet (basic)', format: 'ONLINE' },
  { code: 'DARKNET_INTERMEDIATE', title: 'Darknet (intermediate)', format: 'ONLINE' },
  { code: 'VIRTUAL_ASSETS_BASIC', title: 'Virtual assets (basic)', format: 'ONLINE' },
  {
    code: 'VIRTUAL_ASSETS_INTERMEDIATE',
    title: 'Virtual assets (intermediate)',
    format: 'ONLINE',
  },
  { code: 'OSINT', title: 'Open-source intelligence (OSINT)', format: 'IN_PERSON' },
  { code: 'DARKNET_INVESTIGATIONS', title: 'Darknet investigations', format: 'IN_PERSON' },
  {
    code: 'CRYPTOCURRENCY_INVESTIGATIONS',
    title: 'Cryptocurrency investigations',
    format: 'IN_PERSON',
  },
  {
    code: 'AI_FOR_INVESTIGATIONS',
    title: 'Artificial intelligence for investigations',
    format: 'IN_PERSON',
  },
];

export function findCourse(code: string): Course | undefined {
  return courseCatalogue.find((course) => course.code === code);
}
