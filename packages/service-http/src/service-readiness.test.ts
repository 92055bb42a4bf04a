// ServiceReadiness with fakes for probes: every dependency up is ready; one that fails, or one
// that does not answer within the limit, is named in the DEPENDENCY_UNAVAILABLE error.
import { describe, expect, it } from '@jest/globals';
import { ServiceError } from './service-error.ts';
import { ServiceReadiness, type DependencyProbe } from './service-readiness.ts';

const limitMs = 50;

const answers: DependencyProbe = async () => [{ '?column?': 1 }];
const refused: DependencyProbe = async () => {
  throw new Error('Connection error: connect ECONNREFUSED 127.0.0.1:59092');
};
const hangs: DependencyProbe = () => new Promise(() => {});

/** The error `check()` rejects with (the test fails if it resolves). */
async function refusal(readiness: ServiceReadiness): Promise<ServiceError> {
  const error = await readiness.check().then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe('service readiness', () => {
  it('is ready when every probe answers, naming each dependency up', async () => {
    const readiness = new ServiceReadiness({ probes: { postgres: answers, kafka: answers } });
    await expect(readiness.check()).resolves.toEqual({
      status: 'ready',
      dependencies: { postgres: 'up', kafka: 'up' },
    });
  });

  it('names a probe that fails and one that hangs past the limit, with why', async () => {
    const readiness = new ServiceReadiness({
      probes: { postgres: hangs, kafka: refused },
      limitMs,
    });
    const error = await refusal(readiness);
    expect(error).toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
      status: 503,
      title: 'A dependency is unavailable',
      message:
        'not ready: postgres is down: no answer within 50 ms; ' +
        'kafka is down: Connection error: connect ECONNREFUSED 127.0.0.1:59092',
      problems: [
        { field: 'postgres', message: 'down: no answer within 50 ms' },
        {
          field: 'kafka',
          message: 'down: Connection error: connect ECONNREFUSED 127.0.0.1:59092',
        },
      ],
    });
  });

  it('names only the dependencies down', async () => {
    const readiness = new ServiceReadiness({
      probes: { postgres: answers, kafka: refused },
      limitMs,
    });
    expect((await refusal(readiness)).problems.map(({ field }) => field)).toEqual(['kafka']);
  });

  it('counts a slow answer within the limit as up, and a probe that throws as down', async () => {
    const slow: DependencyProbe = () => new Promise((resolve) => setTimeout(resolve, 10));
    const throws: DependencyProbe = () => {
      throw new Error('no client');
    };
    expect(await new ServiceReadiness({ probes: { postgres: slow }, limitMs }).check()).toEqual({
      status: 'ready',
      dependencies: { postgres: 'up' },
    });
    expect((await refusal(new ServiceReadiness({ probes: { kafka: throws } }))).problems).toEqual([
      { field: 'kafka', message: 'down: no client' },
    ]);
  });
});
