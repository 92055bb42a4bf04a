import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { createTokenVerifier, demoUsers, roles } from '@cttech/auth';
import { parse } from 'yaml';
import { infraFile, repositoryRoot } from './paths.ts';

// Keycloak cannot run on these machines (no Docker, and not natively either), so the realm
// that docker-compose.yml imports is checked here as data: what it declares, and the access
// token its mappers would make for each demo user, fed to the verifier the services use.

interface ProtocolMapper {
  name: string;
  protocol: string;
  protocolMapper: string;
  config: Record<string, string>;
}
interface Client {
  clientId: string;
  enabled?: boolean;
  publicClient?: boolean;
  standardFlowEnabled?: boolean;
  implicitFlowEnabled?: boolean;
  directAccessGrantsEnabled?: boolean;
  serviceAccountsEnabled?: boolean;
  fullScopeAllowed?: boolean;
  redirectUris?: string[];
  webOrigins?: string[];
  attributes?: Record<string, string>;
  defaultClientScopes?: string[];
  protocolMappers?: ProtocolMapper[];
}
interface User {
  id?: string;
  username: string;
  enabled?: boolean;
  firstName?: string;
  lastName?: string;
  email?: string;
  attributes?: Record<string, string[]>;
  realmRoles?: string[];
  requiredActions?: string[];
  credentials?: { type: string; value: string; temporary?: boolean }[];
}
interface UserProfileAttribute {
  name: string;
  multivalued?: boolean;
  required?: { roles?: string[] };
  permissions?: { view?: string[]; edit?: string[] };
  validations?: Record<string, Record<string, unknown>>;
}
interface Realm {
  realm: string;
  enabled?: boolean;
  editUsernameAllowed?: boolean;
  roles?: { realm?: { name: string }[] };
  clients?: Client[];
  clientScopes?: unknown[];
  scopeMappings?: { client?: string; clientScope?: string; roles: string[] }[];
  users?: User[];
  components?: Record<string, { providerId: string; config: Record<string, string[]> }[]>;
}

const realm = JSON.parse(readFileSync(infraFile('keycloak', 'cttech-realm.json'), 'utf8')) as Realm;
const compose = parse(readFileSync(join(repositoryRoot, 'docker-compose.yml'), 'utf8')) as {
  services: Record<
    string,
    { image?: string; command?: string[]; environment?: Record<string, string>; ports?: string[] }
  >;
  volumes?: unknown;
};
const keycloak = compose.services.keycloak;
const guide = readFileSync(join(repositoryRoot, 'docs', 'identity-provider.md'), 'utf8');

const audience = 'cttech-api';
const issuer = `${keycloak?.environment?.KC_HOSTNAME ?? '(no KC_HOSTNAME)'}/realms/${realm.realm}`;
const programmeRoles = [...roles].sort();
/** What every user of a realm holds besides its own roles: Keycloak's default composite role. */
const keycloakDefaultRoles = [
  `default-roles-${realm.realm}`,
  'offline_access',
  'uma_authorization',
];

function client(clientId: string): Client {
  const found = realm.clients?.find((candidate) => candidate.clientId === clientId);
  if (!found) throw new Error(`the realm has no client ${clientId}`);
  return found;
}

function user(username: string): User {
  const found = realm.users?.find((candidate) => candidate.username === username);
  if (!found) throw new Error(`the realm has no user ${username}`);
  return found;
}

/** The client's mapper that writes this claim into access tokens, if any. */
function accessTokenMapper(clientId: string, claim: string): ProtocolMapper | undefined {
  return client(clientId).protocolMappers?.find(
    (mapper) =>
      mapper.config['access.token.claim'] === 'true' &&
      (mapper.protocolMapper === 'oidc-audience-mapper'
        ? claim === 'aud'
        : mapper.protocolMapper === 'oidc-full-name-mapper'
          ? claim === 'name'
          : mapper.config['claim.name'] === claim),
  );
}

/**
 * The realm roles that reach a client's tokens: all the user's (with Keycloak's default
 * composite) under full scope, else only those the client's scope mappings allow.
 */
function rolesInScope(clientId: string, granted: readonly string[]): string[] {
  if (client(clientId).fullScopeAllowed !== false) return [...granted, ...keycloakDefaultRoles];
  const allowed = new Set(
    (realm.scopeMappings ?? [])
      .filter((mapping) => mapping.client === clientId)
      .flatMap((mapping) => mapping.roles),
  );
  return granted.filter((role) => allowed.has(role));
}

/**
 * The claims Keycloak's mappers put into an access token for the user, modelled on the mapper
 * types this realm uses (Keycloak 26 semantics: `sub` starts as the user's internal id and a
 * mapper whose claim is `sub` replaces it). A mapper type it does not model fails the test.
 */
function accessTokenClaims(clientId: string, username: string): Record<string, unknown> {
  const subject = user(username);
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: issuer,
    sub: subject.id ?? '5d1c7a7e-0000-4000-8000-000000000000',
    azp: clientId,
    typ: 'Bearer',
    iat: now,
    exp: now + 300,
  };
  const audiences: string[] = [];
  const shaped = (mapper: ProtocolMapper, values: readonly string[]): unknown =>
    mapper.config.multivalued === 'true' ? [...values] : values[0];
  for (const mapper of client(clientId).protocolMappers ?? []) {
    if (mapper.config['access.token.claim'] !== 'true') continue;
    const claim = mapper.config['claim.name'] ?? '';
    switch (mapper.protocolMapper) {
      case 'oidc-audience-mapper': {
        const value =
          mapper.config['included.client.audience'] ?? mapper.config['included.custom.audience'];
        if (value) audiences.push(value);
        break;
      }
      case 'oidc-full-name-mapper':
        claims.name = [subject.firstName, subject.lastName].filter(Boolean).join(' ');
        break;
      case 'oidc-usermodel-realm-role-mapper':
        claims[claim] = shaped(mapper, rolesInScope(clientId, subject.realmRoles ?? []));
        break;
      case 'oidc-usermodel-attribute-mapper':
        claims[claim] = shaped(
          mapper,
          subject.attributes?.[mapper.config['user.attribute'] ?? ''] ?? [],
        );
        break;
      case 'oidc-usermodel-property-mapper': {
        const property = mapper.config['user.attribute'] as keyof User;
        const value = subject[property];
        if (typeof value === 'string') claims[claim] = value;
        break;
      }
      default:
        throw new Error(`this test does not model the ${mapper.protocolMapper} mapper`);
    }
  }
  if (audiences.length > 0) claims.aud = audiences;
  return claims;
}

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const keyId = 'realm-test';

/** Signs the claims RS256, as the realm's default signature algorithm does. */
function signed(claims: Record<string, unknown>): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const input = `${encode({ alg: 'RS256', typ: 'JWT', kid: keyId })}.${encode(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

const verify = createTokenVerifier({
  jwks: {
    keys: [{ ...publicKey.export({ format: 'jwk' }), kid: keyId, alg: 'RS256', use: 'sig' }],
  },
  issuer,
  audience,
});

describe('the Keycloak realm (infra/keycloak/cttech-realm.json)', () => {
  it('is the cttech realm, and leaves Keycloak its built-in client scopes', () => {
    expect(realm.realm).toBe('cttech');
    expect(realm.enabled).toBe(true);
    // declaring any client scope stops Keycloak creating the built-in ones (basic, profile...)
    expect(realm.clientScopes).toBeUndefined();
    // the username becomes `sub`: nobody may change it
    expect(realm.editUsernameAllowed).toBe(false);
  });

  it('has exactly the programme roles as realm roles', () => {
    expect((realm.roles?.realm ?? []).map((role) => role.name).sort()).toEqual(programmeRoles);
  });

  it('has one user per demo user, with exactly its roles, partner states and name', () => {
    expect((realm.users ?? []).map((candidate) => candidate.username).sort()).toEqual(
      demoUsers.map((demo) => demo.userId).sort(),
    );
    for (const demo of demoUsers) {
      const imported = user(demo.userId);
      expect(imported.enabled).toBe(true);
      expect([...(imported.realmRoles ?? [])].sort()).toEqual([...demo.roles].sort());
      expect(imported.attributes?.partner_states).toEqual(demo.partnerStates);
      expect([imported.firstName, imported.lastName].join(' ')).toBe(demo.name);
    }
  });

  it('lets every demo user sign in at once with the documented development password', () => {
    for (const demo of demoUsers) {
      const imported = user(demo.userId);
      // Keycloak assigns the internal id (a UUID); `sub` comes from the username instead
      expect(imported.id).toBeUndefined();
      expect(imported.requiredActions ?? []).toEqual([]);
      expect(imported.credentials).toEqual([
        { type: 'password', value: demo.userId, temporary: false },
      ]);
    }
    expect(guide).toContain('the password is the username');
  });

  it('declares partner_states in the user profile, which only administrators may change', () => {
    const provider = realm.components?.['org.keycloak.userprofile.UserProfileProvider']?.[0];
    expect(provider?.providerId).toBe('declarative-user-profile');
    const profile = JSON.parse(provider?.config['kc.user.profile.config']?.[0] ?? '{}') as {
      attributes?: UserProfileAttribute[];
      unmanagedAttributePolicy?: string;
    };
    const attribute = (name: string) => profile.attributes?.find((entry) => entry.name === name);
    const partnerStates = attribute('partner_states');
    expect(partnerStates?.multivalued).toBe(true);
    expect(partnerStates?.permissions?.edit).toEqual(['admin']);
    expect(attribute('username')?.permissions?.edit).toEqual(['admin']);
    expect(profile.unmanagedAttributePolicy).toBeUndefined();
    const pattern = new RegExp(String(partnerStates?.validations?.pattern?.pattern));
    for (const demo of demoUsers) {
      for (const state of demo.partnerStates) expect(state).toMatch(pattern);
    }
    expect('Kenya').not.toMatch(pattern);
    // an attribute the profile requires but a demo user lacks would hold up their sign-in
    // (Keycloak's "verify profile" action), which the password grant cannot answer
    for (const entry of profile.attributes ?? []) {
      if (!entry.required?.roles?.includes('user')) continue;
      for (const demo of demoUsers) {
        const value = user(demo.userId)[entry.name as keyof User];
        expect([entry.name, value]).toEqual([entry.name, expect.any(String)]);
      }
    }
    // Keycloak's default person-name check refuses parentheses, as in "officer (Kenya)"
    for (const name of ['firstName', 'lastName']) {
      expect(Object.keys(attribute(name)?.validations ?? {})).not.toContain(
        'person-name-prohibited-characters',
      );
    }
  });
});

describe.each(['cttech-console', 'cttech-cli'])('the %s client', (clientId) => {
  it('maps aud, sub, name, roles and partner_states into access tokens', () => {
    expect(accessTokenMapper(clientId, 'aud')?.config).toMatchObject({
      'included.custom.audience': audience,
      'id.token.claim': 'false',
    });
    expect(accessTokenMapper(clientId, 'aud')?.config['included.client.audience']).toBeUndefined();
    expect(accessTokenMapper(clientId, 'sub')).toMatchObject({
      protocolMapper: 'oidc-usermodel-property-mapper',
      config: { 'user.attribute': 'username', 'jsonType.label': 'String' },
    });
    expect(accessTokenMapper(clientId, 'name')?.protocolMapper).toBe('oidc-full-name-mapper');
    expect(accessTokenMapper(clientId, 'roles')).toMatchObject({
      protocolMapper: 'oidc-usermodel-realm-role-mapper',
      config: { multivalued: 'true', 'jsonType.label': 'String' },
    });
    expect(accessTokenMapper(clientId, 'partner_states')).toMatchObject({
      protocolMapper: 'oidc-usermodel-attribute-mapper',
      config: {
        'user.attribute': 'partner_states',
        multivalued: 'true',
        'jsonType.label': 'String',
      },
    });
    // Keycloak's built-in `basic` scope still runs first (it sets sub before our mapper)
    expect(client(clientId).defaultClientScopes).toContain('basic');
  });

  it("keeps Keycloak's own default roles out of the roles claim", () => {
    expect(client(clientId).fullScopeAllowed).toBe(false);
    expect(rolesInScope(clientId, [...roles, ...keycloakDefaultRoles]).sort()).toEqual(
      programmeRoles,
    );
  });

  it.each(demoUsers.map((demo) => [demo.userId, demo] as const))(
    "issues %s an access token the services' verifier accepts as exactly that user",
    async (username, demo) => {
      const principal = await verify(signed(accessTokenClaims(clientId, username)));
      expect({ ...principal, roles: [...principal.roles].sort() }).toEqual({
        userId: demo.userId,
        name: demo.name,
        roles: [...demo.roles].sort(),
        partnerStates: demo.partnerStates,
      });
    },
  );
});

describe('the clients', () => {
  it('has the console public, authorization code with PKCE S256, no password grant', () => {
    const browserClient = client('cttech-console');
    expect(browserClient).toMatchObject({
      enabled: true,
      publicClient: true,
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      serviceAccountsEnabled: false,
    });
    expect(browserClient.attributes?.['pkce.code.challenge.method']).toBe('S256');
    // the console's own page on the local gateway, exactly, and its origin for the token call
    expect(browserClient.redirectUris).toEqual([
      'http://127.0.0.1:53000/console/signed-in',
      'http://localhost:53000/console/signed-in',
    ]);
    expect(browserClient.webOrigins).toEqual(['http://127.0.0.1:53000', 'http://localhost:53000']);
    expect(browserClient.attributes?.['post.logout.redirect.uris']).toBe(
      'http://127.0.0.1:53000/console/##http://localhost:53000/console/',
    );
  });

  it('keeps the password grant to the development-only cttech-cli client', () => {
    const withPasswordGrant = (realm.clients ?? [])
      .filter((candidate) => candidate.directAccessGrantsEnabled === true)
      .map((candidate) => candidate.clientId);
    expect(withPasswordGrant).toEqual(['cttech-cli']);
    expect(client('cttech-cli')).toMatchObject({
      publicClient: true,
      standardFlowEnabled: false,
      serviceAccountsEnabled: false,
    });
  });
});

describe('the keycloak service in docker-compose.yml', () => {
  it('imports this realm into a pinned Keycloak 26 in development mode, on 127.0.0.1:58080', () => {
    expect(keycloak?.image).toMatch(/^quay\.io\/keycloak\/keycloak:26\.\d+\.\d+$/);
    expect(keycloak?.command).toEqual(['start-dev', '--import-realm']);
    expect(keycloak?.ports).toEqual(['127.0.0.1:58080:8080']);
    expect(JSON.stringify(keycloak)).toContain(
      './infra/keycloak/cttech-realm.json:/opt/keycloak/data/import/',
    );
  });

  it('issues tokens under the issuer and keys the guide gives the services', () => {
    expect(issuer).toBe('http://127.0.0.1:58080/realms/cttech');
    expect(guide).toContain(`AUTH_ISSUER=${issuer}`);
    expect(guide).toContain(`AUTH_JWKS_URL=${issuer}/protocol/openid-connect/certs`);
    expect(guide).toContain(`AUTH_AUDIENCE=${audience}`);
  });
});
