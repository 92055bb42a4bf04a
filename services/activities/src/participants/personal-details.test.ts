import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { PersonalDataCipher, PersonalText } from '@cttech/personal-data';
import { ActivitiesError } from '../errors.ts';
import { PersonalDetails } from './personal-details.ts';

const details = new PersonalDetails(
  new PersonalDataCipher(`k1:${randomBytes(32).toString('base64')}`),
);
const name = new PersonalText('Grace Achieng Mwangi');

describe('PersonalDetails', () => {
  it("seals a participant's name so that it opens for that participant's name only", () => {
    const sealed = details.seal('participant-a', 'name', name);
    expect(sealed).toMatch(/^pd1\.k1\./);
    expect(sealed).not.toContain('Grace');
    expect(details.open('participant-a', 'name', sealed)?.reveal()).toBe('Grace Achieng Mwangi');
    // copied onto another participant, or into the contact field, it does not open
    expect(() => details.open('participant-b', 'name', sealed)).toThrow(ActivitiesError);
    expect(() => details.open('participant-a', 'contact', sealed)).toThrow(
      'the sealed value does not open for participant:participant-a:contact: altered, or sealed for another place',
    );
  });

  it('keeps nothing when nothing is given, and opens nothing when nothing is kept', () => {
    expect(details.seal('participant-a', 'contact', undefined)).toBeNull();
    expect(details.open('participant-a', 'contact', null)).toBeNull();
  });
});
