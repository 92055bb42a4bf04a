// Keeping the token in the tab's sessionStorage: restored while valid, dropped otherwise.
import { describe, expect, it } from '@jest/globals';
import { TabStorage } from '../../test/tab-storage.ts';
import { forgetSession, keepSession, restoreSession } from './session-storage.ts';

const tokenFor = (claims: object) =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.signature`;

describe("the tab's session", () => {
  it('restores a kept token while it is valid, and forgets it on signing out', () => {
    const storage = new TabStorage();
    const token = tokenFor({ sub: 'officer-ke-1', exp: Math.floor(Date.now() / 1000) + 3600 });
    expect(keepSession(token, storage).user.userId).toBe('officer-ke-1');
    expect(restoreSession(storage)?.accessToken).toBe(token);
    forgetSession(storage);
    expect(restoreSession(storage)).toBeUndefined();
  });

  it('drops an expired or unreadable token', () => {
    const storage = new TabStorage();
    keepSession(tokenFor({ sub: 'reviewer-1', exp: Math.floor(Date.now() / 1000) - 10 }), storage);
    expect(restoreSession(storage)).toBeUndefined();
    expect(storage.length).toBe(0);
    storage.setItem('cttech.console.accessToken', 'garbage');
    expect(restoreSession(storage)).toBeUndefined();
    expect(storage.length).toBe(0);
  });
});
