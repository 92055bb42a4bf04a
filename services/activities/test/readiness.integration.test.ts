// Readiness on the real servers when Kafka stops answering: a 503 problem naming Kafka, while
// liveness still answers; ready again once Kafka does.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventBroker } from '@cttech/messaging';
import { openTestSuite, type TestSuite } from '@cttech/testing';
import { openActivitiesHarness, type ActivitiesHarness } from './activities-harness.ts';

describe('readiness when Kafka stops answering', () => {
  let suite: TestSuite;
  let service: ActivitiesHarness;
  let kafkaAnswers = true;

  beforeAll(async () => {
    suite = openTestSuite('activities readiness');
    service = await openActivitiesHarness(suite, {
      // the real broker, whose metadata requests fail while Kafka is "down"
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
    const down = await service.request('GET', '/health/ready');
    expect(down.status).toBe(503);
    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(down.body).toMatchObject({
      status: 503,
      code: 'DEPENDENCY_UNAVAILABLE',
      detail: 'not ready: kafka is down: Connection error: connect ECONNREFUSED 127.0.0.1:59092',
      errors: [{ field: 'kafka', message: expect.stringContaining('ECONNREFUSED') }],
    });
    expect((await service.request('GET', '/health/live')).status).toBe(200);
    kafkaAnswers = true;
    expect(await service.request('GET', '/health/ready')).toMatchObject({
      status: 200,
      body: { dependencies: { postgres: 'up', kafka: 'up' } },
    });
  });
});
