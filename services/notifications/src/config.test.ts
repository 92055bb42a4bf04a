// The configuration: defaults, and every bad or missing variable named.
import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@cttech/config';
import { loadNotificationsConfig } from './config.ts';

const required = {
  DATABASE_URL: 'postgresql://cttech:cttech@127.0.0.1:55432/notifications',
  AUTH_JWKS_URL: 'http://127.0.0.1:53000/dev/jwks.json',
  AUTH_ISSUER: 'https://auth.cttech.local',
  AUTH_AUDIENCE: 'cttech-api',
};

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadNotificationsConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('the notifications configuration', () => {
  it('defaults everything but the database and the token issuer; e-mail is off without SMTP_URL', () => {
    const config = loadNotificationsConfig(required);
    expect(config).toMatchObject({
      HTTP_PORT: 53030,
      CONSUMER_GROUP: 'notifications',
      ENGAGEMENT_EVENTS_TOPIC: 'cttech.engagement-events',
      COMPLIANCE_EVENTS_TOPIC: 'cttech.compliance-events',
      ACTIVITY_EVENTS_TOPIC: 'cttech.activity-events',
      DIGEST_CRON: '0 7 * * *',
      MAIL_FROM: 'CT TECH+ notifications <notifications@cttech.example.org>',
      WEBHOOK_TIMEOUT_MS: 10_000,
      DELIVERY_MAX_ATTEMPTS: 8,
    });
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.STAFF_DIRECTORY_FILE).toBeUndefined();
  });

  it('names every missing variable at once', () => {
    expect(problemsOf({})).toEqual([
      'DATABASE_URL is required',
      'AUTH_JWKS_URL is required',
      'AUTH_ISSUER is required',
      'AUTH_AUDIENCE is required',
    ]);
  });

  it('names a bad SMTP URL, sender, cron pattern, timeout and retry settings', () => {
    const problems = problemsOf({
      ...required,
      SMTP_URL: 'http://mail.example.org',
      MAIL_FROM: 'nobody',
      DIGEST_CRON: 'every morning',
      WEBHOOK_TIMEOUT_MS: '5',
      DELIVERY_MAX_ATTEMPTS: '0',
    });
    expect(problems).toEqual([
      'SMTP_URL: expected an smtp:// or smtps:// URL',
      'MAIL_FROM: expected one address, such as Name <address@domain>',
      'DIGEST_CRON: expected a cron pattern such as 0 7 * * *',
      expect.stringMatching(/^WEBHOOK_TIMEOUT_MS: /),
      expect.stringMatching(/^DELIVERY_MAX_ATTEMPTS: /),
    ]);
    expect(
      problemsOf({
        ...required,
        DELIVERY_RETRY_FIRST_DELAY_MS: '5000',
        DELIVERY_RETRY_MAX_DELAY_MS: '1000',
      }),
    ).toEqual(['DELIVERY_RETRY_FIRST_DELAY_MS: must not exceed DELIVERY_RETRY_MAX_DELAY_MS']);
  });

  it('takes an SMTP server with credentials and a digest at another hour', () => {
    const config = loadNotificationsConfig({
      ...required,
      SMTP_URL: 'smtp://user:secret@mail.example.org:587',
      DIGEST_CRON: '30 6 * * 1-5',
    });
    expect(config.SMTP_URL).toBe('smtp://user:secret@mail.example.org:587');
    expect(config.DIGEST_CRON).toBe('30 6 * * 1-5');
  });
});
