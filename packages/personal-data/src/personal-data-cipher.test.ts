import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { parseKeyring, PersonalDataCipher, PersonalDataError, PersonalText } from './index.ts';

const key = () => randomBytes(32).toString('base64');
const name = 'Amina Wanjiru Otieno';
const context = 'participant:3f0c8a52:name';

describe('PersonalText', () => {
  it('never turns into its value by accident: string, JSON, template, inspection', () => {
    const text = new PersonalText(name);
    expect(String(text)).toBe('[personal data]');
    // eslint-disable-next-line @typescript-eslint/restrict-template-expressions -- the accident this guards against
    expect(`${text}`).toBe('[personal data]');
    expect(JSON.stringify({ participant: 'p-1', name: text })).toBe(
      '{"participant":"p-1","name":"[personal data]"}',
    );
    expect(inspect({ name: text })).not.toContain('Amina');
    expect(text.reveal()).toBe(name);
  });
});

describe('PersonalDataCipher', () => {
  it('seals a value that opens again for the same place, and reveals nothing of it', () => {
    const cipher = new PersonalDataCipher(`k1:${key()}`);
    const sealed = cipher.seal(new PersonalText(name), context);
    expect(sealed).toMatch(/^pd1\.k1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('Amina');
    expect(Buffer.from(sealed.split('.')[4] ?? '', 'base64url').toString()).not.toContain('Amina');
    expect(cipher.open(sealed, context).reveal()).toBe(name);
    // a fresh nonce each time: the same name never seals the same way twice
    expect(cipher.seal(new PersonalText(name), context)).not.toBe(sealed);
  });

  it('refuses a sealed value altered or moved to another place', () => {
    const cipher = new PersonalDataCipher(`k1:${key()}`);
    const sealed = cipher.seal(new PersonalText(name), context);
    const parts = sealed.split('.');
    const data = Buffer.from(parts[4] ?? '', 'base64url');
    data[0] = (data[0] ?? 0) ^ 1;
    const altered = [...parts.slice(0, 4), data.toString('base64url')].join('.');
    expect(() => cipher.open(altered, context)).toThrow(PersonalDataError);
    expect(() => cipher.open(sealed, 'participant:other:name')).toThrow(
      'the sealed value does not open for participant:other:name: altered, or sealed for another place',
    );
    expect(() => cipher.open('plain text', context)).toThrow('not in the pd1 format');
  });

  it('rotates keys: the first key seals, older keys still open what they sealed', () => {
    const old = key();
    const before = new PersonalDataCipher(`k1:${old}`);
    const sealedBefore = before.seal(new PersonalText(name), context);
    const after = new PersonalDataCipher(`k2:${key()},k1:${old}`);
    expect(after.open(sealedBefore, context).reveal()).toBe(name);
    expect(after.needsResealing(sealedBefore)).toBe(true);
    const resealed = after.seal(after.open(sealedBefore, context), context);
    expect(resealed.split('.')[1]).toBe('k2');
    expect(after.needsResealing(resealed)).toBe(false);
    // a keyring without the key that sealed it says which key is missing
    expect(() => new PersonalDataCipher(`k3:${key()}`).open(sealedBefore, context)).toThrow(
      'the sealed value needs key k1, which the keyring lacks',
    );
  });
});

describe('parseKeyring', () => {
  it('names the entry at fault and never the key', () => {
    const short = randomBytes(16).toString('base64');
    const cases: [string, string][] = [
      ['', 'the keyring holds no key'],
      [' , ', 'the keyring holds no key'],
      [short, 'keyring entry 1 must be <id>:<base64 key>'],
      [`k1:${short}`, 'keyring entry 1 (k1): the key must be 32 bytes in base64'],
      [`k1:${key()},k1:${key()}`, 'keyring entry 2: the key id k1 is used twice'],
      [`k1:${key()},bad id:${key()}`, 'keyring entry 2 must be <id>:<base64 key>'],
    ];
    for (const [keyring, message] of cases) {
      let thrown: unknown;
      try {
        parseKeyring(keyring);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(PersonalDataError);
      expect((thrown as Error).message).toContain(message);
      expect((thrown as Error).message).not.toContain(short);
    }
    expect(parseKeyring(`k2:${key()}, k1:${key()}`).map(({ id }) => id)).toEqual(['k2', 'k1']);
  });
});
