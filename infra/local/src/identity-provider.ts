// A local OpenID Connect provider standing in for the organisation's own (development only):
// `oidc-provider`, a certified implementation, with the demo users of `@cttech/auth` (the
// password is the username), one public client for the web console (authorization code with
// PKCE, S256), and access tokens as JWTs for the programme's API carrying the claims the
// services verify (aud, sub, name, roles, partner_states). Nothing it keeps outlives the
// process but its signing key; see docs/identity-provider.md.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, type JsonWebKey } from 'node:crypto';
import { demoUser, demoUsers, type DemoUser } from '@cttech/auth';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

/** The console's client, as the gateway tells the console to use it. */
export const consoleClientId = 'cttech-console';

/** The programme's API as a resource server: tokens for it are JWTs with this audience. */
export const programmeApi = { indicator: 'urn:cttech:api', audience: 'cttech-api' } as const;

export interface IdentityProviderOptions {
  /** The issuer: the provider's own base URL, e.g. http://127.0.0.1:53040. */
  readonly issuer: string;
  /** Origins the console is served from (e.g. http://127.0.0.1:53000): redirects and CORS. */
  readonly consoleOrigins: readonly string[];
  /** The private signing key (a JWK with `d`), kept across restarts by the caller. */
  readonly signingKey: JsonWebKey & { kid: string };
  /** How long access tokens live, in seconds. */
  readonly accessTokenSeconds?: number;
}

/** The claims a programme access token carries for this user beside the registered ones. */
export function programmeClaimsOf(user: DemoUser): Record<string, unknown> {
  return { name: user.name, roles: [...user.roles], partner_states: [...user.partnerStates] };
}

function configuration(options: IdentityProviderOptions): Configuration {
  const { consoleOrigins, signingKey, accessTokenSeconds = 3_600 } = options;
  return {
    clients: [
      {
        client_id: consoleClientId,
        client_name: 'CT TECH+ engagement console',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: consoleOrigins.map((origin) => `${origin}/console/signed-in`),
        post_logout_redirect_uris: consoleOrigins.map((origin) => `${origin}/console/`),
      },
    ],
    pkce: { required: () => true },
    jwks: { keys: [{ ...signingKey, alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], profile: ['name'] },
    scopes: ['openid', 'profile'],
    ttl: {
      AccessToken: accessTokenSeconds,
      AuthorizationCode: 60,
      IdToken: accessTokenSeconds,
      Interaction: 600,
      Session: 8 * 3_600,
      Grant: 8 * 3_600,
    },
    findAccount: (_context, sub) => {
      const user = demoUser(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: () => ({ sub, name: user.name }) };
    },
    extraTokenClaims: (_context, token) => {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const user = demoUser(token.accountId);
      return user ? programmeClaimsOf(user) : undefined;
    },
    // the console is the programme's own client: users are not asked to consent to it
    loadExistingGrant: async (context: KoaContextWithOIDC) => {
      const { client, session, result } = context.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return context.oidc.provider.Grant.find(grantId);
      const grant = new context.oidc.provider.Grant({
        accountId: session.accountId,
        clientId: client.clientId,
      });
      grant.addOIDCScope('openid profile');
      grant.addResourceScope(programmeApi.indicator, 'api');
      await grant.save();
      return grant;
    },
    clientBasedCORS: (_context, origin) => consoleOrigins.includes(origin),
    interactions: { url: (_context, interaction) => `/interaction/${interaction.uid}` },
    renderError: (context, out) => {
      context.type = 'html';
      context.body = page(
        'Sign-in failed',
        `<h1>Sign-in failed</h1><p class="problem" role="alert">${escaped(String(out.error_description ?? out.error))}</p>
<p>Go back to the console and sign in again.</p>`,
      );
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (context, form) => {
          context.body = page(
            'Sign out',
            `<h1>Sign out</h1><p>Sign out of the identity provider too, so that the next sign-in asks for your password?</p>
${form}<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button>`,
          );
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => programmeApi.indicator,
        useGrantedResource: () => true,
        getResourceServerInfo: (_context, indicator) => {
          if (indicator !== programmeApi.indicator) throw new errors.InvalidTarget();
          return {
            scope: 'api',
            audience: programmeApi.audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: accessTokenSeconds,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
  };
}

const escapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escaped = (text: string) => text.replace(/[&<>"']/g, (character) => escapes[character]!);

/** A page of the provider's own, in its plain style. */
function page(title: string, main: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escaped(title)}: CT TECH+ identity provider (development)</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
label{display:block;margin-top:1rem;font-weight:600}input{font:inherit;padding:.4rem;width:100%;box-sizing:border-box}
button{font:inherit;margin-top:1.2rem;margin-right:.5rem;padding:.5rem 1rem}.problem{color:#a30000;font-weight:600}
details{margin-top:1.5rem}</style></head>
<body><main>${main}</main></body></html>`;
}

/** The sign-in page: username and password, the demo users listed (development only). */
function signInPage(uid: string, clientName: string, problem?: string, username = ''): string {
  const users = demoUsers
    .map((user) => `<li><code>${escaped(user.userId)}</code>: ${escaped(user.name)}</li>`)
    .join('');
  return page(
    'Sign in',
    `<h1>Sign in</h1>
<p>to <strong>${escaped(clientName)}</strong>. This is the local development identity provider:
the demo users' password is their username.</p>
${problem ? `<p class="problem" role="alert">${escaped(problem)}</p>` : ''}
<form method="post" action="/interaction/${escaped(uid)}/login">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" required${username ? ` value="${escaped(username)}"` : ' autofocus'}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${username ? ' autofocus' : ''}>
<button type="submit">Sign in</button>
</form>
<form method="post" action="/interaction/${escaped(uid)}/cancel"><button type="submit">Cancel</button></form>
<details><summary>Demo users</summary><ul>${users}</ul></details>`,
  );
}

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > 8_192) throw new errors.InvalidRequest('the form is too large');
  }
  return new URLSearchParams(body);
}

/**
 * The provider and its sign-in pages on one HTTP server (not yet listening). Pages the
 * provider does not own (`/interaction/...`) are answered here; everything else by it.
 */
export function createIdentityProvider(options: IdentityProviderOptions): {
  provider: Provider;
  server: Server;
} {
  const provider = new Provider(options.issuer, configuration(options));
  // behind nothing: the issuer's own http://127.0.0.1 URL is what the browser sees
  const handleByProvider = provider.callback();
  const formAction = ["'self'", ...options.consoleOrigins].join(' ');

  async function handleInteraction(
    request: IncomingMessage,
    response: ServerResponse,
    uid: string,
    step: string | undefined,
  ): Promise<void> {
    const details = await provider.interactionDetails(request, response);
    if (details.uid !== uid) throw new errors.SessionNotFound('the sign-in has expired');
    const client = await provider.Client.find(String(details.params.client_id));
    const clientName = client?.clientName ?? String(details.params.client_id);
    const showSignIn = (problem?: string, username?: string) => {
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
      });
      response.end(signInPage(uid, clientName, problem, username));
    };
    if (request.method === 'GET' && step === undefined) {
      if (details.prompt.name === 'login') return showSignIn();
      // consent to the programme's own console is implied (see loadExistingGrant)
      const grant = await loadOrCreateGrant(provider, details);
      await provider.interactionFinished(
        request,
        response,
        { consent: { grantId: grant } },
        { mergeWithLastSubmission: true },
      );
      return;
    }
    if (request.method === 'POST' && step === 'login') {
      const form = await formOf(request);
      const username = form.get('username')?.trim() ?? '';
      const user = demoUser(username);
      // development only: a demo user's password is their username
      if (!user || form.get('password') !== user.userId) {
        return showSignIn('Unknown username or wrong password.', username);
      }
      await provider.interactionFinished(
        request,
        response,
        { login: { accountId: user.userId } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (request.method === 'POST' && step === 'cancel') {
      await provider.interactionFinished(
        request,
        response,
        { error: 'access_denied', error_description: 'the user cancelled signing in' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    response.writeHead(405, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('method not allowed');
  }

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', options.issuer).pathname;
    const interaction = /^\/interaction\/([\w-]+)(?:\/(login|cancel))?$/.exec(path);
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (path === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'ok' }));
      return;
    }
    if (!interaction) {
      void handleByProvider(request, response);
      return;
    }
    handleInteraction(request, response, interaction[1]!, interaction[2]).catch(
      (error: unknown) => {
        const expired = error instanceof errors.SessionNotFound;
        if (!response.headersSent) {
          response.writeHead(expired ? 400 : 500, { 'content-type': 'text/plain; charset=utf-8' });
        }
        response.end(
          expired
            ? 'This sign-in has expired or was already used: go back to the console and sign in again.'
            : 'The sign-in could not be completed.',
        );
        if (!expired) console.error('identity provider: interaction failed', error);
      },
    );
  });
  return { provider, server };
}

type InteractionDetails = Awaited<ReturnType<Provider['interactionDetails']>>;

/** The grant behind a consent prompt for the console: existing, or made for it. */
async function loadOrCreateGrant(provider: Provider, details: InteractionDetails): Promise<string> {
  const accountId = details.session?.accountId;
  if (!accountId) throw new errors.SessionNotFound('no one is signed in');
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
  if (!grant) throw new errors.SessionNotFound('the grant has expired');
  grant.addOIDCScope('openid profile');
  grant.addResourceScope(programmeApi.indicator, 'api');
  return grant.save();
}
