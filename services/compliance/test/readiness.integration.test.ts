import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventBroker } from '@cttech/messaging';
import { openTestSuite, type TestSuite } from '@cttech/testing';
import { openComplianceHarness, type ComplianceHarness } from './compliance-harness.ts';

describe('readiness when Kafka stops answering', () => {
  let suite: TestSuite;
  let service: ComplianceHarness;
  let kafkaAnswers = true;

  beforeAll(async () => {
    suite = openTestSuite('compliance readiness');
    service = await openComplianceHarness(suite, {
      // the real broker, whose metadata requests fail once Kafka is "down"
      brokerFor: (kafka): EventBroker => ({
        publish: (batches) => kafka.publish(batches),
        subscribe: (options) => kafka.subscribe(options),
        consumerLag: (groupId, topics) => kafka.consumerLag(groupId, topics),
        readTopic: (topic) => kafka.readTopic(topic),
        disconnect: () => kafka.disconnect(),
        ensureTopics: (topics) =>
          kafkaAnswers
            ? kafka.ensureTopics(topics)
            : Promise.reject(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:59092')),
      }),
    });
  });

  afterAll(async () => {
    await service?.close();
    await suite.close();
  });

  it('answers 503 naming Kafka, and ready again once it answers', async () => {
    kafkaAnswers = false;
    const down = await service.app.inject({ method: 'GET', url: '/health/ready' });
    expect(down.statusCode).toBe(503);
    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(down.json()).toMatchObject({
      status: 503,
      code: 'DEPENDENCY_UNAVAILABLE',
      detail: expect.stringContaining('kafka is down: Connection error'),
      errors: [{ field: 'kafka', message: expect.stringContaining('ECONNREFUSED') }],
    });
    // liveness does not depend on Kafka
    for (const url of ['/health', '/health/live']) {
      expect((await service.app.inject({ method: 'GET', url })).statusCode).toBe(200);
    }
    kafkaAnswers = true;
    expect((await service.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(
      200,
    );
  });
});
