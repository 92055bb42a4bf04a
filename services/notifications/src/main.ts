#!/usr/bin/env node
// The notifications service process: validates its configuration, starts telemetry before
// anything it should trace is loaded, applies pending migrations, then serves HTTP, consumes
// the events and dead letters, dispatches e-mail and webhooks and runs the daily digest until
// SIGTERM or SIGINT, and closes gracefully.
import { describeConfig } from '@cttech/config';
import { startTelemetry } from '@cttech/telemetry';
import { loadNotificationsConfig, sensitiveConfigKeys } from './config.ts';

const config = loadNotificationsConfig();
const telemetry = startTelemetry({
  serviceName: 'notifications',
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  instrumentHttp: true,
});

const { startNotificationsService } = await import('./notifications-service.ts');
console.log(
  `notifications: starting with ${JSON.stringify(describeConfig(config, sensitiveConfigKeys))}`,
);
const service = await startNotificationsService(config);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    console.log(`notifications: ${signal}, closing`);
    void service
      .close()
      .then(() => telemetry.shutdown())
      .then(
        () => console.log('notifications: stopped'),
        (error: unknown) => {
          console.error('notifications: could not close cleanly', error);
          process.exitCode = 1;
        },
      );
  });
}
