import { describe, expect, it } from '@jest/globals';
import { ServerUnreachableError, TestSuite } from '../src/index.ts';

const nothingListens = {
  postgresAdminUrl: 'postgresql://cttech:secret@127.0.0.1:1/postgres',
  kafkaBrokers: ['127.0.0.1:1'],
  temporalAddress: '127.0.0.1:1',
  temporalNamespace: 'default',
  temporalTestServerPath: '/nonexistent',
};

describe('a server that cannot be reached', () => {
  it('fails with a message naming Kafka, its address and the log to read', async () => {
    const suite = new TestSuite('unreachable kafka', nothingListens);
    const failure = suite.createTopics(['events']);
    await expect(failure).rejects.toBeInstanceOf(ServerUnreachableError);
    await expect(failure).rejects.toThrow(
      /^Kafka at 127\.0\.0\.1:1 is not reachable: .*\.local\/logs\/kafka\.log/s,
    );
  });

  it('fails with a message naming PostgreSQL without revealing the password', async () => {
    const suite = new TestSuite('unreachable postgres', nothingListens);
    const failure = suite.createDatabase();
    await expect(failure).rejects.toThrow(
      /^PostgreSQL at postgresql:\/\/cttech:\*\*\*@127\.0\.0\.1:1\/postgres is not reachable: .*ECONNREFUSED/s,
    );
  });

  it('fails with a message naming Temporal', async () => {
    const suite = new TestSuite('unreachable temporal', nothingListens);
    await expect(suite.temporalConnection()).rejects.toThrow(
      /^Temporal at 127\.0\.0\.1:1 is not reachable/,
    );
  }, 10_000);
});
