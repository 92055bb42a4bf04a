import { beforeAll, describe, expect, it } from '@jest/globals';
import { base64url, exportJWK, generateKeyPair, SignJWT } from 'jose';
import {
  AuthenticationError,
  createTokenVerifier,
  demoUser,
  DevelopmentIssuer,
  mayAccessPartnerState,
  type Principal,
} from './index.ts';

const issuer = 'https://auth.cttech.test';
const audience = 'cttech-api';
const officer = demoUser('officer-ke-1') as Principal;

describe('access tokens', () => {
  let developmentIssuer: DevelopmentIssuer;
  let verify: (token: string) => Promise<Principal>;

  beforeAll(async () => {
    developmentIssuer = await DevelopmentIssuer.create({ issuer, audience });
    verify = createTokenVerifier({ jwks: developmentIssuer.jwks(), issuer, audience });
  });

  const refusal = (token: string) =>
    verify(token).then(
      () => 'accepted',
      (error: unknown) => (error instanceof AuthenticationError ? error.message : String(error)),
    );

  it('gives back the caller a valid token names, with their roles and partner states', async () => {
    expect(await verify(await developmentIssuer.mint(officer))).toEqual({
      userId: 'officer-ke-1',
      name: 'Demo officer (Kenya)',
      roles: ['PROGRAMME_OFFICER'],
      partnerStates: ['KE'],
    });
  });

  it('refuses a token signed by another key', async () => {
    const impostor = await DevelopmentIssuer.create({ issuer, audience });
    expect(await refusal(await impostor.mint(officer))).toMatch(
      /signed with an unknown key|signature does not verify/,
    );
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await developmentIssuer.mint(officer)).split('.');
    const payload = base64url.encode(
      JSON.stringify({
        sub: 'officer-ke-1',
        name: 'x',
        roles: ['PROGRAMME_MANAGER'],
        partner_states: ['*'],
        iss: issuer,
        aud: audience,
        exp: Math.floor(Date.now() / 1000) + 600,
      }),
    );
    expect(await refusal(`${header}.${payload}.${signature}`)).toBe(
      "the token's signature does not verify",
    );
  });

  it('refuses an unsigned token (alg none)', async () => {
    const encode = (value: object) => base64url.encode(JSON.stringify(value));
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({
      sub: 'manager-1',
      name: 'x',
      roles: ['PROGRAMME_MANAGER'],
      partner_states: ['*'],
      iss: issuer,
      aud: audience,
      exp: Math.floor(Date.now() / 1000) + 600,
    })}.`;
    expect(await refusal(unsigned)).toMatch(/algorithm is not accepted|malformed/);
  });

  it('refuses a shared-secret (HS256) token even with a key the verifier knows nothing of', async () => {
    const secret = new TextEncoder().encode('a secret anyone could guess, 32 bytes+');
    const token = await new SignJWT({ name: 'x', roles: ['OPERATOR'], partner_states: ['*'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('operator-1')
      .setExpirationTime('10m')
      .sign(secret);
    expect(await refusal(token)).toBe("the token's algorithm is not accepted");
  });

  it('refuses an expired token', async () => {
    expect(await refusal(await developmentIssuer.mint(officer, { expiresInSeconds: -60 }))).toBe(
      'the token has expired',
    );
  });

  it('refuses a token for another audience or from another issuer', async () => {
    const elsewhere = await DevelopmentIssuer.create({ issuer, audience: 'another-api' });
    const verifyElsewhere = createTokenVerifier({ jwks: elsewhere.jwks(), issuer, audience });
    await expect(verifyElsewhere(await elsewhere.mint(officer))).rejects.toThrow(
      "the token's aud claim is not accepted",
    );
    const foreign = await DevelopmentIssuer.create({ issuer: 'https://evil.test', audience });
    const verifyForeign = createTokenVerifier({ jwks: foreign.jwks(), issuer, audience });
    await expect(verifyForeign(await foreign.mint(officer))).rejects.toThrow(
      "the token's iss claim is not accepted",
    );
  });

  it('refuses a well-signed token without the programme claims, naming them', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k', alg: 'RS256' }] };
    const token = await new SignJWT({ name: 'x', roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('someone')
      .setExpirationTime('10m')
      .sign(privateKey);
    await expect(createTokenVerifier({ jwks, issuer, audience })(token)).rejects.toThrow(
      'the token lacks valid claims: roles, partner_states',
    );
  });

  it('refuses what is not a token at all', async () => {
    expect(await refusal('not-a-jwt')).toBe('the token is malformed');
  });
});

describe('trusting two issuers (the identity provider and, locally, the development issuer)', () => {
  const providerName = 'https://id.cttech.test/realms/cttech';
  let provider: DevelopmentIssuer;
  let development: DevelopmentIssuer;
  let verify: (token: string) => Promise<Principal>;

  beforeAll(async () => {
    provider = await DevelopmentIssuer.create({ issuer: providerName, audience });
    development = await DevelopmentIssuer.create({ issuer, audience });
    verify = createTokenVerifier({
      issuer: providerName,
      jwks: provider.jwks(),
      audience,
      alsoTrusted: [{ issuer, jwks: development.jwks() }],
    });
  });

  it("accepts each one's tokens as the same user", async () => {
    expect(await verify(await provider.mint(officer))).toEqual(officer);
    expect(await verify(await development.mint(officer))).toEqual(officer);
  });

  it("checks a token against the keys of the issuer it names, not the other's", async () => {
    // signed by the development issuer's key but claiming to come from the provider
    const masquerade = await DevelopmentIssuer.create({ issuer: providerName, audience });
    await expect(verify(await masquerade.mint(officer))).rejects.toThrow(
      /signed with an unknown key|signature does not verify/,
    );
  });

  it('refuses a token from an issuer trusted by neither', async () => {
    const foreign = await DevelopmentIssuer.create({ issuer: 'https://evil.test', audience });
    await expect(verify(await foreign.mint(officer))).rejects.toThrow(
      "the token's iss claim is not accepted (not a trusted issuer)",
    );
    await expect(verify('not-a-jwt')).rejects.toThrow('the token is malformed');
  });
});

describe('partner-state scope', () => {
  it('lets a user reach only the states assigned, or all with *', () => {
    expect(mayAccessPartnerState(officer, 'KE')).toBe(true);
    expect(mayAccessPartnerState(officer, 'NG')).toBe(false);
    expect(mayAccessPartnerState(demoUser('manager-1') as Principal, 'NG')).toBe(true);
  });
});
