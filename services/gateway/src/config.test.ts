import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@cttech/config';
import { loadGatewayConfig } from './config.ts';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadGatewayConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('loadGatewayConfig', () => {
  it('runs locally with the development issuer and the defaults', () => {
    const config = loadGatewayConfig({ AUTH_DEV_ISSUER: 'true' });
    expect(config).toMatchObject({
      production: false,
      http: { host: '127.0.0.1', port: 53_000, bodyLimitBytes: 262_144 },
      temporal: { address: '127.0.0.1:57233', namespace: 'default', taskQueue: 'engagements' },
      auth: {
        audience: 'cttech-gateway',
        identityProvider: undefined,
        alsoTrusted: [],
        developmentIssuer: 'urn:cttech:development-issuer',
      },
      consoleSignIn: undefined,
    });
  });

  it('reaches the services and Kafka locally, and watches the known consumer groups', () => {
    const config = loadGatewayConfig({ AUTH_DEV_ISSUER: 'true' });
    expect(config.complianceUrl).toBe('http://127.0.0.1:53010');
    expect(config.activitiesUrl).toBe('http://127.0.0.1:53020');
    expect(config.notificationsUrl).toBe('http://127.0.0.1:53030');
    expect(config.kafka).toEqual({
      brokers: ['127.0.0.1:59092'],
      consumerGroups: [
        {
          groupId: 'engagement-bridge',
          topics: ['cttech.compliance-events', 'cttech.activity-events'],
        },
        { groupId: 'compliance', topics: ['cttech.engagement-events', 'cttech.activity-events'] },
        { groupId: 'activities', topics: ['cttech.engagement-events'] },
        {
          groupId: 'notifications',
          topics: [
            'cttech.engagement-events',
            'cttech.compliance-events',
            'cttech.activity-events',
            'cttech.engagement-events.dead-letter',
            'cttech.compliance-events.dead-letter',
            'cttech.activity-events.dead-letter',
          ],
        },
      ],
    });
    const elsewhere = loadGatewayConfig({
      AUTH_DEV_ISSUER: 'true',
      COMPLIANCE_URL: 'http://compliance.internal:8080',
      KAFKA_BROKERS: 'kafka-1:9092,kafka-2:9092',
      COMPLIANCE_GROUP: 'compliance-blue',
    });
    expect(elsewhere.complianceUrl).toBe('http://compliance.internal:8080');
    expect(elsewhere.kafka.brokers).toEqual(['kafka-1:9092', 'kafka-2:9092']);
    expect(elsewhere.kafka.consumerGroups[1]?.groupId).toBe('compliance-blue');
  });

  it('refuses the development issuer in production', () => {
    expect(problemsOf({ AUTH_DEV_ISSUER: 'true', NODE_ENV: 'production' })).toEqual([
      'AUTH_DEV_ISSUER: the development issuer is for local use and is refused in production',
    ]);
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({ HTTP_PORT: '0', TEMPORAL_ADDRESS: 'nowhere' });
    expect(problems).toHaveLength(4);
    expect(problems).toContain('AUTH_JWKS_URL is required (or AUTH_DEV_ISSUER=true locally)');
    expect(problems).toContain('AUTH_ISSUER is required (or AUTH_DEV_ISSUER=true locally)');
    expect(problems.find((problem) => problem.startsWith('HTTP_PORT'))).toBeDefined();
    expect(problems.find((problem) => problem.startsWith('TEMPORAL_ADDRESS'))).toMatch(/host:port/);
  });

  it("checks tokens against the identity provider's keys when configured", () => {
    const config = loadGatewayConfig({
      AUTH_JWKS_URL: 'https://id.example.org/.well-known/jwks.json',
      AUTH_ISSUER: 'https://id.example.org/',
      AUTH_AUDIENCE: 'cttech',
      TEMPORAL_TASK_QUEUE: 'engagements-blue',
    });
    expect(config.auth).toEqual({
      audience: 'cttech',
      identityProvider: {
        issuer: 'https://id.example.org/',
        jwksUrl: 'https://id.example.org/.well-known/jwks.json',
      },
      alsoTrusted: [],
      developmentIssuer: undefined,
    });
    expect(config.temporal.taskQueue).toBe('engagements-blue');
  });

  it('trusts the identity provider and, locally, the development issuer beside it', () => {
    const config = loadGatewayConfig({
      AUTH_DEV_ISSUER: 'true',
      AUTH_ISSUER: 'http://127.0.0.1:53040',
      AUTH_JWKS_URL: 'http://127.0.0.1:53040/jwks',
      AUTH_ALSO_TRUSTED: 'https://old-id.example.org https://old-id.example.org/jwks',
    });
    expect(config.auth).toMatchObject({
      identityProvider: {
        issuer: 'http://127.0.0.1:53040',
        jwksUrl: 'http://127.0.0.1:53040/jwks',
      },
      alsoTrusted: [
        { issuer: 'https://old-id.example.org', jwksUrl: 'https://old-id.example.org/jwks' },
      ],
      developmentIssuer: 'urn:cttech:development-issuer',
    });
    expect(problemsOf({ AUTH_DEV_ISSUER: 'true', AUTH_ISSUER: 'http://127.0.0.1:53040' })).toEqual([
      'AUTH_JWKS_URL is required (both, or neither with AUTH_DEV_ISSUER=true)',
    ]);
    expect(problemsOf({ AUTH_DEV_ISSUER: 'true', AUTH_ALSO_TRUSTED: 'just-an-issuer' })).toEqual([
      'AUTH_ALSO_TRUSTED: expected "<issuer> <jwks-url>" for each trusted issuer, got "just-an-issuer"',
    ]);
  });

  it("tells the console to sign in through the identity provider when given the console's client", () => {
    const provider = {
      AUTH_ISSUER: 'https://id.example.org/realms/cttech',
      AUTH_JWKS_URL: 'https://id.example.org/realms/cttech/protocol/openid-connect/certs',
    };
    expect(loadGatewayConfig(provider).consoleSignIn).toBeUndefined();
    expect(
      loadGatewayConfig({ ...provider, CONSOLE_OIDC_CLIENT_ID: 'cttech-console' }).consoleSignIn,
    ).toEqual({
      issuer: 'https://id.example.org/realms/cttech',
      clientId: 'cttech-console',
      scope: 'openid profile',
    });
    expect(
      problemsOf({ AUTH_DEV_ISSUER: 'true', CONSOLE_OIDC_CLIENT_ID: 'cttech-console' }),
    ).toEqual([
      'CONSOLE_OIDC_CLIENT_ID needs AUTH_ISSUER: the console signs in through that identity provider',
    ]);
    expect(
      problemsOf({
        ...provider,
        CONSOLE_OIDC_CLIENT_ID: 'cttech-console',
        CONSOLE_OIDC_SCOPE: 'openid  "profile"',
      }),
    ).toEqual(['CONSOLE_OIDC_SCOPE: expected scopes separated by single spaces']);
    expect(
      problemsOf({
        ...provider,
        CONSOLE_OIDC_CLIENT_ID: 'cttech-console',
        CONSOLE_OIDC_SCOPE: 'profile',
      }),
    ).toEqual(['CONSOLE_OIDC_SCOPE: must include openid']);
  });
});
