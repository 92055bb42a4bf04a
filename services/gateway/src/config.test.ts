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
      auth: { mode: 'development', audience: 'cttech-gateway' },
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
      mode: 'jwks',
      jwksUrl: 'https://id.example.org/.well-known/jwks.json',
      issuer: 'https://id.example.org/',
      audience: 'cttech',
    });
    expect(config.temporal.taskQueue).toBe('engagements-blue');
  });
});
