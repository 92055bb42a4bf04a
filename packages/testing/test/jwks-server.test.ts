// The loopback JWKS endpoint: serves the keys as JSON at its URL, read on each request.
import { describe, expect, it } from '@jest/globals';
import { serveJwks } from '../src/jwks-server.ts';

describe('the loopback JWKS endpoint', () => {
  it('serves the current keys as JSON until it is closed', async () => {
    let keys = { keys: [{ kid: 'first' }] };
    const jwks = await serveJwks(() => keys);
    try {
      expect(jwks.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\.well-known\/jwks\.json$/);
      const first = await fetch(jwks.url);
      expect(first.headers.get('content-type')).toBe('application/json');
      expect(await first.json()).toEqual({ keys: [{ kid: 'first' }] });
      keys = { keys: [{ kid: 'second' }] };
      expect(await (await fetch(jwks.url)).json()).toEqual({ keys: [{ kid: 'second' }] });
    } finally {
      await jwks.close();
    }
    await expect(fetch(jwks.url)).rejects.toThrow();
  });
});
