// The gateway serves the built web console under /console/: its files as they are, any other
// path under it as the console's index.html (the console's own pages), and `/` leads there.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DevelopmentIssuer, createTokenVerifier } from '@cttech/auth';
import {
  unusedActivities,
  unusedCompliance,
  unusedEngagements,
  unusedMessages,
  unusedNotifications,
  unusedWorkflows,
} from '../test/unused-ports.ts';
import type { ConsoleSignIn } from './config.ts';
import { createGateway, type Gateway } from './gateway.ts';

/** A gateway serving the console in `consoleDir`, every other port unused. */
async function consoleGateway(
  consoleDir: string,
  options: { consoleSignIn?: ConsoleSignIn; withDevelopmentIssuer?: boolean } = {},
): Promise<Gateway> {
  const issuer = await DevelopmentIssuer.create({ issuer: 'urn:test', audience: 'test' });
  return createGateway({
    ports: {
      verifyToken: createTokenVerifier({
        jwks: issuer.jwks(),
        issuer: 'urn:test',
        audience: 'test',
      }),
      engagements: unusedEngagements,
      compliance: unusedCompliance,
      activities: unusedActivities,
      notifications: unusedNotifications,
      operations: { messages: unusedMessages, workflows: unusedWorkflows },
      dependencies: [],
      developmentIssuer: options.withDevelopmentIssuer === true ? issuer : undefined,
    },
    bodyLimitBytes: 1_024,
    rateLimitPerMinute: 5,
    logger: false,
    consoleDir,
    consoleSignIn: options.consoleSignIn,
  });
}

describe('the web console, served by the gateway', () => {
  const consoleDir = mkdtempSync(join(tmpdir(), 'cttech-console-'));
  let gateway: Gateway;

  beforeAll(async () => {
    mkdirSync(join(consoleDir, 'assets'));
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>CT TECH+</title>');
    writeFileSync(join(consoleDir, 'assets', 'board.js'), 'export const board = 1;');
    writeFileSync(
      join(consoleDir, 'assets', 'results-3f9a.js'),
      `export const rows = '${'row,'.repeat(2_000)}';`,
    );
    gateway = await consoleGateway(consoleDir);
  });

  afterAll(async () => {
    await gateway.app.close();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  const get = (url: string) => gateway.app.inject({ method: 'GET', url });

  it('serves its files without a token, and its pages as index.html', async () => {
    const index = await get('/console/');
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.body).toContain('<title>CT TECH+</title>');
    const script = await get('/console/assets/board.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.body).toBe('export const board = 1;');
    const page = await get('/console/engagements/engagement-KE-2026');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>CT TECH+</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('offers no sign-in through an identity provider unless configured, and connects nowhere else', async () => {
    const options = await get('/console/sign-in-options.json');
    expect(options.statusCode).toBe(200);
    expect(options.json()).toEqual({ identityProvider: null, developmentUsers: false });
    expect((await get('/console/')).headers['content-security-policy']).toMatch(
      /(^|;)connect-src 'self'(;|$)/,
    );
  });

  it('leads / to the console, and keeps the API behind its tokens', async () => {
    const root = await get('/');
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/console/');
    expect((await get('/api/v1/engagements')).statusCode).toBe(401);
  });

  it('lets browsers keep hashed assets for a year, and revalidate the pages', async () => {
    const asset = await get('/console/assets/results-3f9a.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/console/', '/console/index.html', '/console/results']) {
      expect((await get(url)).headers['cache-control']).toBe('no-cache');
    }
  });

  it('sends the files compressed to a browser that accepts it', async () => {
    const compressed = await gateway.app.inject({
      method: 'GET',
      url: '/console/assets/results-3f9a.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(compressed.statusCode).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.rawPayload.length).toBeLessThan(1_000);
    const plain = await get('/console/assets/results-3f9a.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(8_000);
  });

  it('keeps loading the console within the API rate limit', async () => {
    for (let load = 0; load < 10; load += 1) {
      expect((await get('/console/assets/board.js')).statusCode).toBe(200);
    }
    const limited = await Promise.all(Array.from({ length: 6 }, () => get('/api/v1/engagements')));
    expect(limited.map((answer) => answer.statusCode)).toContain(429);
  });

  it('does not serve a file outside the console folder', async () => {
    const escaped = await get('/console/..%2f..%2fetc%2fpasswd');
    expect(escaped.body).not.toContain('root:');
  });
});

describe("the console's sign-in through the identity provider", () => {
  const consoleDir = mkdtempSync(join(tmpdir(), 'cttech-console-'));
  const consoleSignIn = {
    issuer: 'https://id.example.org/realms/cttech',
    clientId: 'cttech-console',
    scope: 'openid profile',
  };
  let gateway: Gateway;

  beforeAll(async () => {
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>CT TECH+</title>');
    gateway = await consoleGateway(consoleDir, { consoleSignIn, withDevelopmentIssuer: true });
  });

  afterAll(async () => {
    await gateway.app.close();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  it('tells the sign-in page the provider and client, and that demo users may sign in', async () => {
    const options = await gateway.app.inject({
      method: 'GET',
      url: '/console/sign-in-options.json',
    });
    expect(options.statusCode).toBe(200);
    expect(options.headers['cache-control']).toBe('no-cache');
    expect(options.json()).toEqual({ identityProvider: consoleSignIn, developmentUsers: true });
  });

  it("lets the console's pages connect to the provider's origin, and nowhere else", async () => {
    const page = await gateway.app.inject({ method: 'GET', url: '/console/signed-in' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(
      /(^|;)connect-src 'self' https:\/\/id\.example\.org(;|$)/,
    );
  });
});
