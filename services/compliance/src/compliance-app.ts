import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LogLevel } from '@nestjs/common';
import { ComplianceModule, type ComplianceRuntime } from './compliance.module.ts';

export type { ComplianceRuntime };

/**
 * The compliance service's HTTP application on Fastify, initialised (its relay and consumer
 * running) but not yet listening: `main` listens, tests use `app.inject`.
 */
export async function createComplianceApp(
  runtime: ComplianceRuntime,
  { logLevels = ['log', 'warn', 'error'] }: { logLevels?: LogLevel[] | false } = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ComplianceModule.register(runtime),
    new FastifyAdapter({ requestIdHeader: 'x-correlation-id', bodyLimit: 1_048_576 }),
    { logger: logLevels === false ? false : logLevels, abortOnError: false },
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
