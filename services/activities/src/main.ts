#!/usr/bin/env node
// The activities service process: validates its configuration, starts telemetry before
// anything it should trace is loaded, applies pending migrations, then serves HTTP, consumes
// the engagement events and relays its outbox until SIGTERM or SIGINT, and closes gracefully.
import { describeConfig } from '@cttech/config';
import { startTelemetry } from '@cttech/telemetry';
import { loadActivitiesConfig, sensitiveConfigKeys } from './config.ts';

const config = loadActivitiesConfig();
const telemetry = startTelemetry({
  serviceName: 'activities',
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  instrumentHttp: true,
});

const { startActivitiesService } = await import('./activities-service.ts');
console.log(
  `activities: starting with ${JSON.stringify(describeConfig(config, sensitiveConfigKeys))}`,
);
const service = await startActivitiesService(config);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    console.log(`activities: ${signal}, closing`);
    void service
      .close()
      .then(() => telemetry.shutdown())
      .then(
        () => console.log('activities: stopped'),
        (error: unknown) => {
          console.error('activities: could not close cleanly', error);
          process.exitCode = 1;
        },
      );
  });
}
