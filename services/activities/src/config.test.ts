import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, describeConfig } from '@cttech/config';
import { PersonalDataCipher, PersonalText } from '@cttech/personal-data';
import { loadActivitiesConfig, sensitiveConfigKeys } from './config.ts';

const key = randomBytes(32).toString('base64');
const environment = {
  DATABASE_URL: 'postgresql://cttech:secret-password@127.0.0.1:55432/activities',
  AUTH_JWKS_URL: 'http://127.0.0.1:53000/.well-known/jwks.json',
  AUTH_ISSUER: 'https://auth.cttech.test',
  AUTH_AUDIENCE: 'cttech-activities',
  PERSONAL_DATA_KEYS: `k1:${key}`,
};

/** The problems a ConfigError lists for this environment. */
function problemsOf(env: Record<string, string | undefined>): readonly string[] {
  try {
    loadActivitiesConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the configuration loaded');
}

describe('the activities configuration', () => {
  it('has the service defaults and turns the keyring into a working cipher', () => {
    const config = loadActivitiesConfig(environment);
    expect(config).toMatchObject({
      HTTP_PORT: 53020,
      KAFKA_BROKERS: ['127.0.0.1:59092'],
      ENGAGEMENT_EVENTS_TOPIC: 'cttech.engagement-events',
      ACTIVITY_EVENTS_TOPIC: 'cttech.activity-events',
      CONSUMER_GROUP: 'activities',
    });
    const cipher = config.PERSONAL_DATA_KEYS;
    expect(cipher).toBeInstanceOf(PersonalDataCipher);
    const sealed = cipher.seal(new PersonalText('a name'), 'participant:p-1:name');
    expect(cipher.open(sealed, 'participant:p-1:name').reveal()).toBe('a name');
  });

  it('names PERSONAL_DATA_KEYS when it is missing', () => {
    expect(problemsOf({ ...environment, PERSONAL_DATA_KEYS: undefined })).toEqual([
      'PERSONAL_DATA_KEYS is required',
    ]);
  });

  it('names PERSONAL_DATA_KEYS and the entry at fault when it is bad, never the key', () => {
    const short = randomBytes(16).toString('base64');
    const problems = problemsOf({ ...environment, PERSONAL_DATA_KEYS: `k2:${key},k1:${short}` });
    expect(problems).toEqual([
      'PERSONAL_DATA_KEYS: keyring entry 2 (k1): the key must be 32 bytes in base64',
    ]);
    expect(problems.join('\n')).not.toContain(short);
    expect(problemsOf({ ...environment, PERSONAL_DATA_KEYS: ' ' })).toEqual([
      'PERSONAL_DATA_KEYS: the keyring holds no key',
    ]);
  });

  it('never prints the keyring or the database password', () => {
    const described = JSON.stringify(
      describeConfig(loadActivitiesConfig(environment), sensitiveConfigKeys),
    );
    expect(described).toContain('"PERSONAL_DATA_KEYS":"***"');
    expect(described).not.toContain(key);
    expect(described).not.toContain('secret-password');
  });
});
