import { describe, expect, it } from '@jest/globals';
import type { EventBroker } from './broker.ts';
import { EventFlow } from './event-flow.ts';

describe('a service’s event flow', () => {
  it('creates its topics before relaying and consuming, and stops the consumer before the relay', async () => {
    const steps: string[] = [];
    const broker = {
      ensureTopics: async (specs: readonly { topic: string; partitions?: number }[]) => {
        steps.push(
          `topics ${specs.map(({ topic, partitions }) => `${topic}/${partitions}`).join(' ')}`,
        );
      },
    } as unknown as EventBroker;
    const flow = new EventFlow({
      broker,
      topics: ['cttech.engagement-events', 'cttech.activity-events'],
      relay: {
        start: () => steps.push('relay started'),
        stop: async () => {
          steps.push('relay stopped');
        },
      },
      consumer: {
        start: async () => {
          steps.push('consumer started');
        },
        stop: async () => {
          steps.push('consumer stopped');
        },
      },
    });
    await flow.start();
    await flow.stop();
    expect(steps).toEqual([
      'topics cttech.engagement-events/3 cttech.activity-events/3',
      'relay started',
      'consumer started',
      'consumer stopped',
      'relay stopped',
    ]);
  });
});
