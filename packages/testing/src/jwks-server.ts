// A JSON Web Key Set served on 127.0.0.1, as an issuer's JWKS endpoint serves it: what a
// service under test verifies the tokens of a development issuer against.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface JwksServer {
  /** The endpoint's URL (`http://127.0.0.1:<port>/.well-known/jwks.json`). */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `keys()`, read on each request, on a free loopback port. */
export async function serveJwks(keys: () => unknown): Promise<JwksServer> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(keys()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
