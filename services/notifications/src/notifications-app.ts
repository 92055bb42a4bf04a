// The notifications service's HTTP application on Fastify, initialised (its consumer and
// dispatcher running) but not yet listening: `main` listens, tests inject or listen.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LogLevel } from '@nestjs/common';
import { NotificationsModule, type NotificationsRuntime } from './notifications.module.ts';

export type { NotificationsRuntime };

export async function createNotificationsApp(
  runtime: NotificationsRuntime,
  { logLevels = ['log', 'warn', 'error'] }: { logLevels?: LogLevel[] | false } = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    NotificationsModule.register(runtime),
    // open live streams are closed with the server rather than holding it open
    new FastifyAdapter({
      requestIdHeader: 'x-correlation-id',
      bodyLimit: 1_048_576,
      forceCloseConnections: true,
    }),
    { logger: logLevels === false ? false : logLevels, abortOnError: false },
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
