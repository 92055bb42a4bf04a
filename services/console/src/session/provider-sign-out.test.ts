// Signing out at the identity provider too: the kept end-session endpoint and ID token.
import { describe, expect, it } from '@jest/globals';
import { TabStorage } from '../../test/tab-storage.ts';
import {
  endSessionUrl,
  forgetProviderSignOut,
  keepProviderSignOut,
  takeProviderSignOut,
} from './provider-sign-out.ts';

const signOut = {
  endSessionEndpoint: 'http://127.0.0.1:53040/logout',
  idToken: 'header.payload.signature',
  clientId: 'cttech-console',
};

describe('signing out at the identity provider', () => {
  it('sends the browser to the end-session endpoint with the ID token and the way back', () => {
    const url = new URL(endSessionUrl(signOut, 'http://127.0.0.1:53000/console/'));
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:53040/logout');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      id_token_hint: 'header.payload.signature',
      client_id: 'cttech-console',
      post_logout_redirect_uri: 'http://127.0.0.1:53000/console/',
    });
  });

  it("keeps the endpoint's own parameters", () => {
    const url = new URL(
      endSessionUrl(
        { ...signOut, endSessionEndpoint: 'https://login.example.org/logout?realm=cttech' },
        'https://console.example.org/console/',
      ),
    );
    expect(url.searchParams.get('realm')).toBe('cttech');
    expect(url.searchParams.get('client_id')).toBe('cttech-console');
  });

  it('refuses a kept endpoint that is not a web address, so that signing out stays local', () => {
    expect(() => endSessionUrl({ ...signOut, endSessionEndpoint: 'logout' }, '/console/')).toThrow(
      "the identity provider's end-session endpoint (logout) is not an http(s) URL",
    );
    expect(() =>
      endSessionUrl({ ...signOut, endSessionEndpoint: 'javascript:alert(1)' }, '/console/'),
    ).toThrow('is not an http(s) URL');
  });

  it('is kept in the tab until signing out takes it, once', () => {
    const storage = new TabStorage();
    keepProviderSignOut(signOut, storage);
    expect(takeProviderSignOut(storage)).toEqual(signOut);
    expect(takeProviderSignOut(storage)).toBeUndefined();
    keepProviderSignOut(signOut, storage);
    forgetProviderSignOut(storage);
    expect(storage.length).toBe(0);
  });

  it('drops what it cannot read', () => {
    const storage = new TabStorage();
    storage.setItem('cttech.console.providerSignOut', '{"idToken": 7}');
    expect(takeProviderSignOut(storage)).toBeUndefined();
    storage.setItem('cttech.console.providerSignOut', 'not json');
    expect(takeProviderSignOut(storage)).toBeUndefined();
    expect(storage.length).toBe(0);
  });
});
