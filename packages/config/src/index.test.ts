import { describe, expect, it } from '@jest/globals';
import { ConfigError, describeConfig, loadConfig, variable } from './index.ts';

const serviceVariables = {
  HTTP_PORT: variable.port(),
  DATABASE_URL: variable.url(),
  KAFKA_BROKERS: variable.hostPorts(),
  OTEL_ENABLED: variable.boolean().default(false),
};

describe('loadConfig', () => {
  it('returns typed values when every variable is valid', () => {
    const config = loadConfig(serviceVariables, {
      HTTP_PORT: '8080',
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/compliance',
      KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
    });
    expect(config).toEqual({
      HTTP_PORT: 8080,
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/compliance',
      KAFKA_BROKERS: ['127.0.0.1:9092', '127.0.0.1:9093'],
      OTEL_ENABLED: false,
    });
  });

  it('lists every missing and every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig(serviceVariables, { HTTP_PORT: '99999', KAFKA_BROKERS: 'no-port' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems).toContain('DATABASE_URL is required');
    expect(problems.find((p) => p.startsWith('HTTP_PORT:'))).toMatch(/65535/);
    expect(problems.find((p) => p.startsWith('KAFKA_BROKERS'))).toMatch(/host:port/);
    expect((error as Error).message).toMatch(/3 problems/);
  });
});

describe('describeConfig', () => {
  it('masks sensitive values and keeps the rest', () => {
    expect(describeConfig({ HTTP_PORT: 80, SECRET: 'x' }, ['SECRET'])).toEqual({
      HTTP_PORT: 80,
      SECRET: '***',
    });
  });
});
