// Runs the local development identity provider (`pnpm infra up identity-provider`): its
// signing key is kept in .local so that tokens it issued still verify after a restart.
import { generateKeyPairSync, randomUUID, type JsonWebKey } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIdentityProvider } from './identity-provider.ts';
import { ensureDir, localDir } from './paths.ts';
import { host, identityProvider, ports } from './versions.ts';

type SigningKey = JsonWebKey & { kid: string };

function signingKey(): SigningKey {
  const file = join(ensureDir(join(localDir, 'identity-provider')), 'signing-key.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as SigningKey;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2_048 });
  const key: SigningKey = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID() };
  writeFileSync(file, JSON.stringify(key), { mode: 0o600 });
  return key;
}

const { server } = createIdentityProvider({
  issuer: identityProvider.issuer,
  consoleOrigins: identityProvider.consoleOrigins,
  signingKey: signingKey(),
});
server.listen(ports.identityProvider, host, () => {
  console.log(`identity provider: listening on ${identityProvider.issuer} (development only)`);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close(() => console.log('identity provider: stopped'));
    server.closeAllConnections();
  });
}
