import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import {
  engagementSearchAttributes,
  engagementWorkflowId,
  trainingCourseWorkflowId,
} from './contract.ts';

describe('engagementWorkflowId', () => {
  it('is one id per partner state and programme cycle', () => {
    expect(engagementWorkflowId('KE', 2026)).toBe('engagement-KE-2026');
    expect(trainingCourseWorkflowId('engagement-KE-2026', 'osint-1')).toBe(
      'engagement-KE-2026-course-osint-1',
    );
  });

  it('refuses a partner state that is not an ISO code, and a cycle that is not a year', () => {
    expect(() => engagementWorkflowId('Kenya', 2026)).toThrow(/ISO 3166-1 alpha-2/);
    expect(() => engagementWorkflowId('KE', 26)).toThrow(/cycle must be a year/);
  });
});

describe('engagement search attributes', () => {
  it('are the ones the local and Docker infrastructure register, with the same types', () => {
    const registered = JSON.parse(
      readFileSync(
        new URL('../../../infra/temporal/search-attributes.json', import.meta.url),
        'utf8',
      ),
    ) as Record<string, string>;
    const declared = Object.fromEntries(
      Object.values(engagementSearchAttributes).map((key) => [key.name, key.type.toLowerCase()]),
    );
    expect(declared).toEqual(
      Object.fromEntries(
        Object.entries(registered).map(([name, type]) => [name, type.toLowerCase()]),
      ),
    );
  });
});
