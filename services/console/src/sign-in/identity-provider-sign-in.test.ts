// Signing in through the identity provider: leaving with PKCE, state and nonce, coming back,
// exchanging the code and refusing any answer that does not belong to this tab's sign-in.
import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { TabStorage } from '../../test/tab-storage.ts';
import {
  finishSignIn,
  IdentityProviderSignInError,
  signInAttemptKey,
  startSignIn,
  wantedPathOf,
  type SignInBrowser,
} from './identity-provider-sign-in.ts';
import { signInOptionsOf } from './sign-in-options.ts';

const issuer = 'http://127.0.0.1:53040';
const consoleOrigin = 'http://127.0.0.1:53000';
const provider = signInOptionsOf({
  identityProvider: { issuer, clientId: 'cttech-console', scope: 'openid profile' },
  developmentUsers: false,
}).identityProvider!;

const discovery = {
  issuer,
  authorization_endpoint: `${issuer}/authorize`,
  token_endpoint: `${issuer}/token`,
  end_session_endpoint: `${issuer}/logout`,
  jwks_uri: `${issuer}/jwks`,
  code_challenge_methods_supported: ['S256'],
  id_token_signing_alg_values_supported: ['RS256'],
};

const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A JWT as the token endpoint issues it (its signature is not checked on this channel). */
const jwt = (claims: object) => `${segment({ alg: 'RS256', typ: 'JWT' })}.${segment(claims)}.sig`;
const now = () => Math.floor(Date.now() / 1000);
const accessToken = jwt({ sub: 'officer-ke-1', aud: 'cttech-api', roles: ['PROGRAMME_OFFICER'] });

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * A browser tab with a provider behind its fetch: the discovery document, and a token endpoint
 * answering with `tokenAnswer` (given the attempt's nonce). Records where the tab was sent and
 * each token request's form.
 */
function tabWithProvider(tokenAnswer: (nonce: string) => Response = issuedTokens) {
  const storage = new TabStorage();
  const sentTo: URL[] = [];
  const tokenRequests: URLSearchParams[] = [];
  const browser: SignInBrowser = {
    storage,
    origin: consoleOrigin,
    assign: (url) => sentTo.push(new URL(url)),
    fetch: async (url, init) => {
      if (url === `${issuer}/.well-known/openid-configuration`) return json(discovery);
      if (url === `${issuer}/token` && init.method === 'POST') {
        tokenRequests.push(new URLSearchParams(init.body as URLSearchParams));
        return tokenAnswer(sentTo.at(-1)?.searchParams.get('nonce') ?? '');
      }
      return new Response('not found', { status: 404 });
    },
  };
  const callback = (parameters: Record<string, string>) =>
    `${consoleOrigin}/console/signed-in?${new URLSearchParams(parameters).toString()}`;
  const leftWith = () => {
    const url = sentTo.at(-1);
    if (url === undefined) throw new Error('the tab was not sent to the provider');
    return url.searchParams;
  };
  return { storage, browser, sentTo, tokenRequests, callback, leftWith };
}

function issuedTokens(nonce: string, claims: object = {}): Response {
  return json({
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: 300,
    id_token: jwt({
      iss: issuer,
      aud: 'cttech-console',
      sub: 'officer-ke-1',
      iat: now(),
      exp: now() + 300,
      nonce,
      ...claims,
    }),
  });
}

async function failureOf(finishing: Promise<unknown>): Promise<string> {
  try {
    await finishing;
  } catch (error) {
    expect(error).toBeInstanceOf(IdentityProviderSignInError);
    return (error as Error).message;
  }
  throw new Error('the sign-in went through');
}

describe('starting to sign in with the identity provider', () => {
  it('sends the tab to the authorisation endpoint with an S256 challenge, state and nonce', async () => {
    const tab = tabWithProvider();
    await startSignIn(provider, '/engagements/eng-1', tab.browser);

    const sent = tab.sentTo[0]!;
    expect(sent.origin + sent.pathname).toBe(`${issuer}/authorize`);
    const kept = JSON.parse(tab.storage.getItem(signInAttemptKey)!) as Record<string, string>;
    expect(Object.fromEntries(sent.searchParams)).toEqual({
      client_id: 'cttech-console',
      redirect_uri: 'http://127.0.0.1:53000/console/signed-in',
      response_type: 'code',
      scope: 'openid profile',
      code_challenge: createHash('sha256').update(kept.codeVerifier!).digest('base64url'),
      code_challenge_method: 'S256',
      state: kept.state,
      nonce: kept.nonce,
    });
    expect(kept.codeVerifier!.length).toBeGreaterThanOrEqual(43);
    expect(kept.state).not.toBe(kept.nonce);
    expect(kept.wantedPath).toBe('/engagements/eng-1');
  });

  it('keeps nothing and goes nowhere when the provider does not answer its discovery', async () => {
    const tab = tabWithProvider();
    const unknownProvider = { ...provider, issuer: new URL('http://127.0.0.1:53041') };
    const message = await failureOf(startSignIn(unknownProvider, '/', tab.browser));
    expect(message).toBe(
      'The identity provider at 127.0.0.1:53041 answered HTTP 404 for its discovery document (http://127.0.0.1:53041/.well-known/openid-configuration)',
    );
    expect(tab.storage.length).toBe(0);
    expect(tab.sentTo).toEqual([]);
  });

  it('refuses a discovery document that names another issuer', async () => {
    const tab = tabWithProvider();
    const browser: SignInBrowser = {
      ...tab.browser,
      fetch: async () => json({ ...discovery, issuer: 'http://127.0.0.1:9999' }),
    };
    const message = await failureOf(startSignIn(provider, '/', browser));
    expect(message).toContain(
      'The discovery document of the identity provider at 127.0.0.1:53040 (http://127.0.0.1:53040/.well-known/openid-configuration) cannot be used',
    );
    expect(message).toContain('issuer');
    expect(tab.sentTo).toEqual([]);
  });

  it('refuses a provider that does not offer PKCE with S256, or no web address to sign in at', async () => {
    const tab = tabWithProvider();
    const answering = (document: object): SignInBrowser => ({
      ...tab.browser,
      fetch: async () => json({ ...discovery, ...document }),
    });
    expect(
      await failureOf(
        startSignIn(provider, '/', answering({ code_challenge_methods_supported: ['plain'] })),
      ),
    ).toBe(
      'The identity provider at 127.0.0.1:53040 does not offer PKCE with S256 (it lists plain)',
    );
    expect(
      await failureOf(
        startSignIn(provider, '/', answering({ authorization_endpoint: 'javascript:alert(1)' })),
      ),
    ).toContain('names no usable authorization_endpoint');
    expect(tab.sentTo).toEqual([]);
    expect(tab.storage.length).toBe(0);
  });

  it('says when the provider cannot be reached at all', async () => {
    const tab = tabWithProvider();
    const browser: SignInBrowser = {
      ...tab.browser,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    };
    expect(await failureOf(startSignIn(provider, '/', browser))).toBe(
      'The identity provider at 127.0.0.1:53040 could not be reached for its discovery document: Failed to fetch',
    );
  });
});

describe('coming back from the identity provider', () => {
  it('exchanges the code with the verifier and gives the token, the wanted page and the way out', async () => {
    const tab = tabWithProvider();
    await startSignIn(provider, '/reviews', tab.browser);
    const { state } = Object.fromEntries(tab.leftWith());

    const finished = await finishSignIn(
      tab.callback({ code: 'code-1', state: state!, iss: issuer }),
      tab.browser,
    );

    expect(finished.accessToken).toBe(accessToken);
    expect(finished.wantedPath).toBe('/reviews');
    expect(finished.providerSignOut).toEqual({
      endSessionEndpoint: `${issuer}/logout`,
      idToken: expect.stringMatching(/^ey/),
      clientId: 'cttech-console',
    });
    expect(tab.tokenRequests).toHaveLength(1);
    expect(Object.fromEntries(tab.tokenRequests[0]!)).toEqual({
      grant_type: 'authorization_code',
      code: 'code-1',
      redirect_uri: 'http://127.0.0.1:53000/console/signed-in',
      code_verifier: expect.any(String),
      client_id: 'cttech-console',
    });
    expect(tab.storage.length).toBe(0);
  });

  it('cannot be replayed: the attempt is gone once finished', async () => {
    const tab = tabWithProvider();
    await startSignIn(provider, undefined, tab.browser);
    const back = tab.callback({ code: 'code-1', state: tab.leftWith().get('state')! });
    await finishSignIn(back, tab.browser);
    expect(await failureOf(finishSignIn(back, tab.browser))).toContain(
      'No sign-in was started in this tab',
    );
    expect(tab.tokenRequests).toHaveLength(1);
  });

  it('refuses an answer whose state is not this tab’s, without exchanging its code', async () => {
    const tab = tabWithProvider();
    await startSignIn(provider, '/', tab.browser);
    const message = await failureOf(
      finishSignIn(tab.callback({ code: 'stolen', state: 'someone-else' }), tab.browser),
    );
    expect(message).toContain('its state does not match');
    expect(tab.tokenRequests).toEqual([]);
    expect(tab.storage.length).toBe(0);
  });

  it("says in words why the provider did not sign the user in, with the provider's reason", async () => {
    const tab = tabWithProvider();
    await startSignIn(provider, '/', tab.browser);
    const state = tab.leftWith().get('state')!;
    expect(
      await failureOf(
        finishSignIn(
          tab.callback({ error: 'access_denied', error_description: 'User cancelled', state }),
          tab.browser,
        ),
      ),
    ).toBe(
      'The identity provider at 127.0.0.1:53040 did not sign you in: User cancelled (access_denied)',
    );
    expect(tab.storage.length).toBe(0);

    await startSignIn(provider, '/', tab.browser);
    expect(
      await failureOf(
        finishSignIn(
          tab.callback({ error: 'login_required', state: tab.leftWith().get('state')! }),
          tab.browser,
        ),
      ),
    ).toContain('you need to sign in at the identity provider first (login_required)');
  });

  it('refuses an ID token whose nonce is not the one sent', async () => {
    const tab = tabWithProvider(() => issuedTokens('another-nonce'));
    await startSignIn(provider, '/', tab.browser);
    const message = await failureOf(
      finishSignIn(tab.callback({ code: 'c', state: tab.leftWith().get('state')! }), tab.browser),
    );
    expect(message).toContain('The tokens from 127.0.0.1:53040 could not be accepted');
    expect(message).toContain('nonce');
  });

  it('refuses an ID token issued to another client', async () => {
    const tab = tabWithProvider((nonce) => issuedTokens(nonce, { aud: 'another-client' }));
    await startSignIn(provider, '/', tab.browser);
    const message = await failureOf(
      finishSignIn(tab.callback({ code: 'c', state: tab.leftWith().get('state')! }), tab.browser),
    );
    expect(message).toContain('audience');
  });

  it('says when the provider refuses the code at its token endpoint', async () => {
    const tab = tabWithProvider(() =>
      json({ error: 'invalid_grant', error_description: 'Code not valid' }, 400),
    );
    await startSignIn(provider, '/', tab.browser);
    expect(
      await failureOf(
        finishSignIn(tab.callback({ code: 'c', state: tab.leftWith().get('state')! }), tab.browser),
      ),
    ).toBe(
      'The identity provider at 127.0.0.1:53040 refused to exchange the sign-in code: Code not valid (invalid_grant)',
    );
  });

  it('offers no provider sign-out when the discovery names no end-session endpoint', async () => {
    const tab = tabWithProvider();
    const { end_session_endpoint: _, ...withoutEndSession } = discovery;
    const fetchDiscovery = tab.browser.fetch;
    const browser: SignInBrowser = {
      ...tab.browser,
      fetch: async (url, init) =>
        url.endsWith('/openid-configuration') ? json(withoutEndSession) : fetchDiscovery(url, init),
    };
    await startSignIn(provider, '/', browser);
    const finished = await finishSignIn(
      tab.callback({ code: 'c', state: tab.leftWith().get('state')! }),
      browser,
    );
    expect(finished.providerSignOut).toBeUndefined();
  });
});

describe('the page to return to after signing in', () => {
  it('is a path inside the console, never another site or the sign-in pages', () => {
    expect(wantedPathOf('/engagements/eng-1')).toBe('/engagements/eng-1');
    expect(wantedPathOf('//evil.example.org/x')).toBeUndefined();
    expect(wantedPathOf('/\\evil.example.org')).toBeUndefined();
    expect(wantedPathOf('https://evil.example.org')).toBeUndefined();
    expect(wantedPathOf('/sign-in')).toBeUndefined();
    expect(wantedPathOf('/signed-in')).toBeUndefined();
    expect(wantedPathOf(undefined)).toBeUndefined();
  });
});
