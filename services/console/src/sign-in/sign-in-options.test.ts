// The gateway's sign-in options, checked at the edge: the identity provider, the demo users.
import { describe, expect, it } from '@jest/globals';
import { mayUseHttp, providerName, signInOptionsOf } from './sign-in-options.ts';

const provider = {
  issuer: 'http://127.0.0.1:53040',
  clientId: 'cttech-console',
  scope: 'openid profile',
};

describe('the ways to sign in the gateway offers', () => {
  it('offers the identity provider and the demo users, naming the provider by its host', () => {
    const options = signInOptionsOf({ identityProvider: provider, developmentUsers: true });
    expect(options.developmentUsers).toBe(true);
    expect(options.identityProvider?.issuer.href).toBe('http://127.0.0.1:53040/');
    expect(options.identityProvider?.clientId).toBe('cttech-console');
    expect(options.identityProvider?.scope).toBe('openid profile');
    expect(options.identityProvider && providerName(options.identityProvider)).toBe(
      '127.0.0.1:53040',
    );
  });

  it('offers no identity provider when the gateway names none, and no demo users when off', () => {
    expect(signInOptionsOf({ identityProvider: null, developmentUsers: false })).toEqual({
      identityProvider: undefined,
      developmentUsers: false,
    });
  });

  it('accepts a provider on https with a path, as a Keycloak realm has', () => {
    const options = signInOptionsOf({
      identityProvider: { ...provider, issuer: 'https://login.example.org/realms/cttech' },
      developmentUsers: false,
    });
    expect(options.identityProvider?.issuer.pathname).toBe('/realms/cttech');
  });

  it('names what is wrong with a malformed answer', () => {
    const problemWith = (body: unknown) => {
      try {
        signInOptionsOf(body);
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
      return 'no problem';
    };
    expect(problemWith('<!doctype html>')).toBe(
      'The sign-in options cannot be used: the answer is not a JSON object',
    );
    expect(problemWith({ identityProvider: null })).toContain('"developmentUsers" is not true');
    expect(problemWith({ developmentUsers: true })).toContain('"identityProvider" is missing');
    expect(problemWith({ identityProvider: 'keycloak', developmentUsers: true })).toContain(
      '"identityProvider" is not an object or null',
    );
    const withProvider = (changes: object) =>
      problemWith({ identityProvider: { ...provider, ...changes }, developmentUsers: false });
    expect(withProvider({ issuer: 'login.example.org' })).toContain('not an absolute URL');
    expect(withProvider({ issuer: 'http://login.example.org' })).toContain('not an https URL');
    expect(withProvider({ issuer: 'https://login.example.org/?realm=x' })).toContain(
      'has a query or fragment',
    );
    expect(withProvider({ clientId: ' ' })).toContain('"identityProvider.clientId"');
    expect(withProvider({ scope: 'profile email' })).toContain('with "openid"');
  });

  it('allows plain http only to a provider on this machine', () => {
    expect(mayUseHttp(new URL('http://127.0.0.1:53040'))).toBe(true);
    expect(mayUseHttp(new URL('http://localhost:8080/realms/cttech'))).toBe(true);
    expect(mayUseHttp(new URL('http://login.example.org'))).toBe(false);
    expect(mayUseHttp(new URL('https://login.example.org'))).toBe(false);
  });
});
