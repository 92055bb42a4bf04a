// The gateway as an application: NestJS on Fastify, REST under /api/v1, the OpenAPI document,
// security headers, a body limit and a rate limit. main.ts serves it; tests build it too.
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import rateLimit from '@fastify/rate-limit';
import type { LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { ConsoleSignIn } from './config.ts';
import { GatewayModule, type GatewayPorts } from './gateway.module.ts';
import { GatewayError } from './problem.ts';

export const apiPrefix = 'api/v1';
export const openApiPath = `/${apiPrefix}/openapi.json`;

export interface GatewayOptions {
  readonly ports: GatewayPorts;
  readonly bodyLimitBytes: number;
  readonly rateLimitPerMinute: number;
  /** Nest's log levels, or a logger; tests pass ['error']. */
  readonly logger?: LogLevel[] | LoggerService | false | undefined;
  /** The built web console (its `dist/`), served under /console/; none unless given. */
  readonly consoleDir?: string | undefined;
  /** The identity provider the console signs in through (OIDC); none: demo users only. */
  readonly consoleSignIn?: ConsoleSignIn | undefined;
}

/** What the console's sign-in page offers, as `GET /console/sign-in-options.json` answers. */
export interface SignInOptions {
  readonly identityProvider: ConsoleSignIn | null;
  /** Whether the development issuer's demo users may sign in (local use only). */
  readonly developmentUsers: boolean;
}

/** Where the web console is served. */
export const consolePath = '/console/';

/** A route as Fastify registered it. */
export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
}

export interface Gateway {
  readonly app: NestFastifyApplication;
  /** Every route registered on the Fastify instance, as it registered them. */
  readonly routes: readonly RegisteredRoute[];
}

/** Builds and initialises the gateway (not yet listening). */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimitBytes,
    genReqId: () => randomUUID(),
    logger: false,
  });
  const routes: RegisteredRoute[] = [];
  adapter.getInstance().addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });

  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule.with(options.ports),
    adapter,
    { logger: options.logger ?? ['log', 'warn', 'error'], abortOnError: false },
  );
  // the console fetches the identity provider's discovery document and token endpoint
  const identityProviderOrigin = options.consoleSignIn
    ? new URL(options.consoleSignIn.issuer).origin
    : undefined;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        connectSrc: ["'self'", ...(identityProviderOrigin ? [identityProviderOrigin] : [])],
      },
    },
  });
  // JSON and the console's files travel compressed (never the live event streams); a low
  // Brotli quality keeps the CPU cost of dynamic answers small.
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } },
  });
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) =>
      new GatewayError(
        'RATE_LIMITED',
        `more than ${context.max} requests a minute; retry after ${context.after}`,
      ),
  });
  if (options.consoleDir) {
    await serveConsole(app, options.consoleDir, {
      identityProvider: options.consoleSignIn ?? null,
      developmentUsers: options.ports.developmentIssuer !== undefined,
    });
  }
  app.setGlobalPrefix(apiPrefix, {
    exclude: ['health', 'health/ready', 'dev/jwks.json', 'dev/tokens', 'dev/users'],
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('CT TECH+ engagement orchestrator')
      .setDescription(
        "The public API: partner states' engagements from kick-off to strategy adoption. " +
          'Every route needs a bearer access token and one of the roles it names; errors are ' +
          'RFC 9457 problems (application/problem+json).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(`${apiPrefix}/docs`, app, document, {
    ui: false,
    raw: ['json'],
    jsonDocumentUrl: openApiPath,
  });
  await app.init();
  return { app, routes };
}

/**
 * Serves the console's files under /console/: its hashed assets cached for a year (a rebuild
 * gives changed files new names), everything else, and any path that is not a file (one of the
 * console's own pages, routed in the browser), as index.html, which is always revalidated.
 * Files are looked up on each request, so a rebuilt console needs no restart. The console's
 * files are outside the API's rate limit: one page load fetches several. `/` leads there. The
 * sign-in page asks what it may offer at `sign-in-options.json` (public, like the files).
 */
async function serveConsole(
  app: NestFastifyApplication,
  root: string,
  signInOptions: SignInOptions,
): Promise<void> {
  const consoleRoot = resolve(root);
  await app.register(fastifyStatic, { root: consoleRoot, serve: false });
  const fastify = app.getHttpAdapter().getInstance();
  const unlimited = { config: { rateLimit: false } } as const;
  fastify.get(`${consolePath}sign-in-options.json`, unlimited, (_request, reply) =>
    reply.header('cache-control', 'no-cache').send(signInOptions),
  );
  fastify.get<{ Params: { '*': string } }>(`${consolePath}*`, unlimited, async (request, reply) => {
    const file = await consoleFileOf(consoleRoot, request.params['*']);
    if (file?.startsWith(`assets${sep}`)) {
      return reply.sendFile(file, consoleRoot, { maxAge: '365d', immutable: true });
    }
    return reply
      .header('cache-control', 'no-cache')
      .sendFile(file ?? 'index.html', consoleRoot, { cacheControl: false });
  });
  fastify.get('/', unlimited, (_request, reply) => reply.redirect(consolePath));
}

/** The console file a request path names (relative to the console's folder), if there is one. */
async function consoleFileOf(root: string, requested: string): Promise<string | undefined> {
  const path = resolve(root, requested);
  const file = relative(root, path);
  if (file === '' || file.startsWith('..')) return undefined;
  const found = await stat(path).catch(() => undefined);
  return found?.isFile() === true ? file : undefined;
}
