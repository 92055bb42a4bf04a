// A participant's name and contact sealed for their own row and field, and opened only there.
import {
  PersonalDataError,
  type PersonalDataCipher,
  type PersonalText,
} from '@cttech/personal-data';
import { ActivitiesError } from '../errors.ts';

/** The participant's fields that hold personal data, sealed at rest. */
export type PersonalField = 'name' | 'contact';

/**
 * Seals and opens a participant's name and contact with the service's keyring. Each value is
 * bound to its participant and field (the cipher's additional authenticated data), so a sealed
 * name copied onto another participant, or into the contact column, does not open.
 */
export class PersonalDetails {
  readonly #cipher: PersonalDataCipher;

  constructor(cipher: PersonalDataCipher) {
    this.#cipher = cipher;
  }

  /** The sealed text to store, or null when there is nothing to keep. */
  seal(
    participantId: string,
    field: PersonalField,
    value: PersonalText | undefined,
  ): string | null {
    return value === undefined ? null : this.#cipher.seal(value, placeOf(participantId, field));
  }

  /**
   * The opened value, or null when nothing is kept (never given, or erased). A value that does
   * not open (altered, moved from another row, or sealed with a key the keyring lacks) is a
   * PERSONAL_DATA_UNREADABLE problem naming the place and why, never the value.
   */
  open(participantId: string, field: PersonalField, sealed: string | null): PersonalText | null {
    if (sealed === null) return null;
    try {
      return this.#cipher.open(sealed, placeOf(participantId, field));
    } catch (error) {
      if (!(error instanceof PersonalDataError)) throw error;
      throw new ActivitiesError('PERSONAL_DATA_UNREADABLE', error.message);
    }
  }
}

function placeOf(participantId: string, field: PersonalField): string {
  return `participant:${participantId}:${field}`;
}
