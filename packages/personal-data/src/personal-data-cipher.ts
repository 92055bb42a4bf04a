import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { PersonalText } from './personal-text.ts';

const algorithm = 'aes-256-gcm';
const keyBytes = 32;
const ivBytes = 12;
const tagBytes = 16;
const format = 'pd1';
const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;

/** A keyring that cannot be used, or sealed data that cannot be opened; says which and why. */
export class PersonalDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PersonalDataError';
  }
}

interface Key {
  readonly id: string;
  readonly secret: Buffer;
}

/**
 * Reads a keyring from configuration: `id:base64key` entries separated by commas, the first
 * the one that seals, the others only opening what they sealed earlier (key rotation). Each
 * key is 32 random bytes (`openssl rand -base64 32`). Errors name the entry at fault, never a
 * key.
 */
export function parseKeyring(text: string): readonly Key[] {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) throw new PersonalDataError('the keyring holds no key');
  const keys: Key[] = [];
  entries.forEach((entry, index) => {
    const separator = entry.indexOf(':');
    const id = separator < 0 ? '' : entry.slice(0, separator);
    const encoded = separator < 0 ? '' : entry.slice(separator + 1);
    const where = `keyring entry ${index + 1}`;
    if (!keyIdPattern.test(id)) {
      throw new PersonalDataError(
        `${where} must be <id>:<base64 key>, the id 1 to 32 letters, digits, _ or -`,
      );
    }
    const secret = Buffer.from(encoded, 'base64');
    if (secret.length !== keyBytes || secret.toString('base64') !== encoded) {
      throw new PersonalDataError(`${where} (${id}): the key must be 32 bytes in base64`);
    }
    if (keys.some((key) => key.id === id)) {
      throw new PersonalDataError(`${where}: the key id ${id} is used twice`);
    }
    keys.push({ id, secret });
  });
  return keys;
}

/**
 * Seals personal data at rest with AES-256-GCM. Each value is sealed for its place (`context`,
 * e.g. `participant:<id>:name`), which the authentication covers: a sealed value copied to
 * another row or field does not open there. The sealed text names its key, so older keys still
 * open what they sealed after a new key takes over.
 */
export class PersonalDataCipher {
  readonly #keys: readonly Key[];

  constructor(keyring: string) {
    this.#keys = parseKeyring(keyring);
  }

  /** `pd1.<key id>.<iv>.<tag>.<ciphertext>`, each part base64url. */
  seal(value: PersonalText, context: string): string {
    const key = this.#keys[0] as Key;
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv(algorithm, key.secret, iv, { authTagLength: tagBytes });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const sealed = Buffer.concat([cipher.update(value.reveal(), 'utf8'), cipher.final()]);
    return [format, key.id, iv, cipher.getAuthTag(), sealed]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  open(sealed: string, context: string): PersonalText {
    const parts = sealed.split('.');
    const [version, keyId, iv, tag, data] = parts;
    if (parts.length !== 5 || version !== format) {
      throw new PersonalDataError('the sealed value is not in the pd1 format');
    }
    const key = this.#keys.find((candidate) => candidate.id === keyId);
    if (!key) {
      throw new PersonalDataError(`the sealed value needs key ${keyId}, which the keyring lacks`);
    }
    try {
      const decipher = createDecipheriv(algorithm, key.secret, Buffer.from(iv ?? '', 'base64url'), {
        authTagLength: tagBytes,
      });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag ?? '', 'base64url'));
      const opened = Buffer.concat([
        decipher.update(Buffer.from(data ?? '', 'base64url')),
        decipher.final(),
      ]);
      return new PersonalText(opened.toString('utf8'));
    } catch {
      throw new PersonalDataError(
        `the sealed value does not open for ${context}: altered, or sealed for another place`,
      );
    }
  }

  /** Whether the value was sealed with an older key and should be sealed again. */
  needsResealing(sealed: string): boolean {
    return sealed.split('.')[1] !== this.#keys[0]?.id;
  }
}
