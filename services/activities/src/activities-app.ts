// The activities service's HTTP application on Fastify, initialised but not yet listening.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LogLevel } from '@nestjs/common';
import { ActivitiesModule, type ActivitiesRuntime } from './activities.module.ts';

export type { ActivitiesRuntime };

/**
 * The application with its relay and consumer running: `main` listens, tests use `app.inject`.
 * Fastify's own request logging stays off: request bodies may hold a participant's name.
 */
export async function createActivitiesApp(
  runtime: ActivitiesRuntime,
  { logLevels = ['log', 'warn', 'error'] }: { logLevels?: LogLevel[] | false } = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ActivitiesModule.register(runtime),
    new FastifyAdapter({ requestIdHeader: 'x-correlation-id', bodyLimit: 1_048_576 }),
    { logger: logLevels === false ? false : logLevels, abortOnError: false },
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
