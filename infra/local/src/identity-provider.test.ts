// The local identity provider, run in this process: a demo user signs in to the console's client
// with PKCE as a browser would (following redirects by hand, keeping cookies), and the access
// token it issues passes the services' own verifier as exactly that user.
import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTokenVerifier, demoUser } from '@cttech/auth';
import { consoleClientId, createIdentityProvider, programmeApi } from './identity-provider.ts';

const consoleOrigin = 'http://127.0.0.1:53999';
const redirectUri = `${consoleOrigin}/console/signed-in`;
let issuer: string;
let close: () => Promise<void>;

beforeAll(async () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2_048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID() };
  // the issuer must be known before the server listens: take a free port first
  const probe = createIdentityProvider({
    issuer: 'http://127.0.0.1',
    consoleOrigins: [],
    signingKey,
  }).server;
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  issuer = `http://127.0.0.1:${port}`;
  const { server } = createIdentityProvider({
    issuer,
    consoleOrigins: [consoleOrigin],
    signingKey,
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
});

afterAll(() => close());

/** A browser's cookie jar for one origin, enough for the provider's cookies. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  keep(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const [name = '', ...value] = pair.split('=');
      this.cookies.set(name.trim(), value.join('='));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

interface Attempt {
  readonly jar: CookieJar;
  readonly verifier: string;
  readonly state: string;
  /** Where the provider sent the browser first (its sign-in page). */
  readonly signInPage: URL;
}

async function startSignIn(overrides: Record<string, string> = {}): Promise<Attempt> {
  const jar = new CookieJar();
  const verifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(16));
  const authorization = new URL('/auth', issuer);
  const parameters = {
    client_id: consoleClientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile',
    code_challenge: base64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
    state,
    nonce: base64url(randomBytes(16)),
    ...overrides,
  };
  for (const [name, value] of Object.entries(parameters)) {
    authorization.searchParams.set(name, value);
  }
  const response = await fetch(authorization, { redirect: 'manual' });
  jar.keep(response);
  expect(response.status).toBe(303);
  return { jar, verifier, state, signInPage: new URL(response.headers.get('location')!, issuer) };
}

async function submitSignIn(attempt: Attempt, username: string, password: string) {
  const response = await fetch(new URL(`${attempt.signInPage.pathname}/login`, issuer), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie: attempt.jar.header(),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ username, password }).toString(),
  });
  attempt.jar.keep(response);
  return response;
}

/** Follows the provider's redirects until it sends the browser back to the console. */
async function followToConsole(attempt: Attempt, from: Response): Promise<URL> {
  let response = from;
  for (let hop = 0; hop < 5; hop += 1) {
    const location = new URL(response.headers.get('location')!, issuer);
    if (location.origin === consoleOrigin) return location;
    response = await fetch(location, {
      redirect: 'manual',
      headers: { cookie: attempt.jar.header() },
    });
    attempt.jar.keep(response);
    expect([302, 303]).toContain(response.status);
  }
  throw new Error('the provider did not send the browser back to the console');
}

async function exchange(code: string, verifier: string) {
  const response = await fetch(new URL('/token', issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: consoleOrigin },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: consoleClientId,
      redirect_uri: redirectUri,
      code,
      code_verifier: verifier,
    }).toString(),
  });
  return { response, body: (await response.json()) as Record<string, unknown> };
}

describe('the local identity provider', () => {
  it('signs a demo user in to the console and issues an access token the services accept as that user', async () => {
    const attempt = await startSignIn();
    const page = await fetch(attempt.signInPage, { headers: { cookie: attempt.jar.header() } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<label for="password">Password</label>');

    const back = await followToConsole(
      attempt,
      await submitSignIn(attempt, 'officer-ke-1', 'officer-ke-1'),
    );
    expect(back.pathname).toBe('/console/signed-in');
    expect(back.searchParams.get('state')).toBe(attempt.state);
    expect(back.searchParams.get('iss')).toBe(issuer);

    const { response, body } = await exchange(back.searchParams.get('code')!, attempt.verifier);
    expect(response.status).toBe(200);
    // the console reads the token from a script on its own origin
    expect(response.headers.get('access-control-allow-origin')).toBe(consoleOrigin);
    expect(body).toMatchObject({ token_type: 'Bearer', id_token: expect.any(String) });

    const verify = createTokenVerifier({
      jwksUrl: new URL('/jwks', issuer),
      issuer,
      audience: programmeApi.audience,
    });
    const { userId, name, roles, partnerStates } = demoUser('officer-ke-1')!;
    await expect(verify(String(body.access_token))).resolves.toEqual({
      userId,
      name,
      roles,
      partnerStates,
    });
  });

  it('refuses a wrong password on its page and issues nothing', async () => {
    const attempt = await startSignIn();
    const refused = await submitSignIn(attempt, 'reviewer-1', 'not-the-password');
    expect(refused.status).toBe(200);
    expect(await refused.text()).toContain('Unknown username or wrong password.');
    // the same sign-in still goes through with the right password
    const back = await followToConsole(
      attempt,
      await submitSignIn(attempt, 'reviewer-1', 'reviewer-1'),
    );
    expect(back.searchParams.get('code')).toEqual(expect.any(String));
  });

  it('will not exchange a code without the PKCE verifier that started the sign-in', async () => {
    const attempt = await startSignIn();
    const back = await followToConsole(
      attempt,
      await submitSignIn(attempt, 'manager-1', 'manager-1'),
    );
    const { response, body } = await exchange(
      back.searchParams.get('code')!,
      base64url(randomBytes(32)),
    );
    expect(response.status).toBe(400);
    expect(body.error).toBe('invalid_grant');
  });

  it('refuses to start a sign-in without PKCE or for a redirect it does not know', async () => {
    const withoutPkce = await fetch(
      `${issuer}/auth?${new URLSearchParams({
        client_id: consoleClientId,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: 'openid',
      }).toString()}`,
      { redirect: 'manual' },
    );
    expect(new URL(withoutPkce.headers.get('location')!).searchParams.get('error')).toBe(
      'invalid_request',
    );
    const elsewhere = await fetch(
      `${issuer}/auth?${new URLSearchParams({
        client_id: consoleClientId,
        redirect_uri: 'https://attacker.example/console/signed-in',
        response_type: 'code',
        scope: 'openid',
      }).toString()}`,
      { redirect: 'manual' },
    );
    // an unknown redirect is never followed: the provider answers itself
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.headers.get('location')).toBeNull();
  });

  it('sends the user back to the console with access_denied when they cancel', async () => {
    const attempt = await startSignIn();
    const cancelled = await fetch(new URL(`${attempt.signInPage.pathname}/cancel`, issuer), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: attempt.jar.header() },
    });
    attempt.jar.keep(cancelled);
    const back = await followToConsole(attempt, cancelled);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('code')).toBeNull();
  });
});
