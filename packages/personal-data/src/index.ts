export { parseKeyring, PersonalDataCipher, PersonalDataError } from './personal-data-cipher.ts';
export { PersonalText } from './personal-text.ts';
