#!/usr/bin/env node
// The compliance service process: validates its configuration, starts telemetry before
// anything it should trace is loaded, applies pending migrations, then serves HTTP, consumes
// the engagement events and relays its outbox until SIGTERM or SIGINT, and closes gracefully.
import { describeConfig } from '@cttech/config';
import { startTelemetry } from '@cttech/telemetry';
import { loadComplianceConfig, sensitiveConfigKeys } from './config.ts';

const config = loadComplianceConfig();
const telemetry = startTelemetry({
  serviceName: 'compliance',
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  instrumentHttp: true,
});

const { startComplianceService } = await import('./compliance-service.ts');
console.log(
  `compliance: starting with ${JSON.stringify(describeConfig(config, sensitiveConfigKeys))}`,
);
const service = await startComplianceService(config);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    console.log(`compliance: ${signal}, closing`);
    void service
      .close()
      .then(() => telemetry.shutdown())
      .then(
        () => console.log('compliance: stopped'),
        (error: unknown) => {
          console.error('compliance: could not close cleanly', error);
          process.exitCode = 1;
        },
      );
  });
}
