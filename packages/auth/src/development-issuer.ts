import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JSONWebKeySet } from 'jose';
import type { Principal } from './principal.ts';

/** A seeded demo user for local use: one or more per role, with their partner states. */
export type DemoUser = Principal;

/**
 * The demo users the development issuer mints tokens for (never real people): a programme
 * officer for each partner state of the demo programme (Ghana, Iraq, Kenya, Nigeria,
 * Philippines, Tajikistan, Uzbekistan) and at least two compliance reviewers for each, so that
 * every milestone can be signed off by someone who did not submit it (four eyes).
 */
export const demoUsers: readonly DemoUser[] = [
  {
    userId: 'officer-ke-1',
    name: 'Demo officer (Kenya)',
    roles: ['PROGRAMME_OFFICER'],
    partnerStates: ['KE'],
  },
  {
    userId: 'officer-ng-1',
    name: 'Demo officer (Nigeria)',
    roles: ['PROGRAMME_OFFICER'],
    partnerStates: ['NG'],
  },
  {
    userId: 'officer-gh-1',
    name: 'Demo officer (Ghana)',
    roles: ['PROGRAMME_OFFICER'],
    partnerStates: ['GH'],
  },
  {
    userId: 'officer-iq-1',
    name: 'Demo officer (Iraq)',
    roles: ['PROGRAMME_OFFICER'],
    partnerStates: ['IQ'],
  },
  {
    userId: 'officer-ph-1',
    name: 'Demo officer (Philippines)',
    roles: ['PROGRAMME_OFFICER'],
    partnerStates: ['PH'],
  },
  {
    userId: 'officer-tj-1',
    name: 'Demo officer (Tajikistan)',
    roles: ['PROGRAMME_OFFICER'],
    partnerStates: ['TJ'],
  },
  {
    userId: 'officer-uz-1',
    name: 'Demo officer (Uzbekistan)',
    roles: ['PROGRAMME_OFFICER'],
    partnerStates: ['UZ'],
  },
  {
    userId: 'reviewer-1',
    name: 'Demo compliance reviewer',
    roles: ['COMPLIANCE_REVIEWER'],
    partnerStates: ['KE', 'NG'],
  },
  {
    userId: 'reviewer-2',
    name: 'Demo compliance reviewer (second)',
    roles: ['COMPLIANCE_REVIEWER'],
    partnerStates: ['KE'],
  },
  {
    userId: 'reviewer-3',
    name: 'Demo compliance reviewer (third)',
    roles: ['COMPLIANCE_REVIEWER'],
    partnerStates: ['GH', 'IQ', 'NG', 'PH', 'TJ', 'UZ'],
  },
  {
    userId: 'reviewer-4',
    name: 'Demo compliance reviewer (fourth)',
    roles: ['COMPLIANCE_REVIEWER'],
    partnerStates: ['GH', 'IQ', 'PH', 'TJ', 'UZ'],
  },
  {
    userId: 'manager-1',
    name: 'Demo programme manager',
    roles: ['PROGRAMME_MANAGER'],
    partnerStates: ['*'],
  },
  { userId: 'operator-1', name: 'Demo operator', roles: ['OPERATOR'], partnerStates: ['*'] },
];

export interface DevelopmentIssuerOptions {
  readonly issuer: string;
  readonly audience: string;
}

/**
 * Mints access tokens for the demo users with a key pair made at start (so tokens do not
 * outlive the process). For local use and tests only: a service must refuse to enable it in
 * production.
 */
export class DevelopmentIssuer {
  private readonly privateKey: CryptoKey;
  private readonly keySet: JSONWebKeySet;
  private readonly options: DevelopmentIssuerOptions;
  private readonly keyId: string;

  private constructor(
    privateKey: CryptoKey,
    keySet: JSONWebKeySet,
    keyId: string,
    options: DevelopmentIssuerOptions,
  ) {
    this.privateKey = privateKey;
    this.keySet = keySet;
    this.keyId = keyId;
    this.options = options;
  }

  static async create(options: DevelopmentIssuerOptions): Promise<DevelopmentIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const keyId = `cttech-dev-${Date.now().toString(36)}`;
    const jwk = { ...(await exportJWK(publicKey)), kid: keyId, alg: 'RS256', use: 'sig' };
    return new DevelopmentIssuer(privateKey, { keys: [jwk] }, keyId, options);
  }

  /** The public keys, as served at the issuer's JWKS URL. */
  jwks(): JSONWebKeySet {
    return this.keySet;
  }

  /** A signed access token for the user (a demo user, or any principal in tests). */
  mint(
    user: DemoUser,
    { expiresInSeconds = 3_600 }: { expiresInSeconds?: number } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      name: user.name,
      roles: [...user.roles],
      partner_states: [...user.partnerStates],
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.keyId, typ: 'JWT' })
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setSubject(user.userId)
      .setIssuedAt(now)
      .setExpirationTime(now + expiresInSeconds)
      .sign(this.privateKey);
  }
}

/** The demo user with this id, or undefined. */
export function demoUser(userId: string): DemoUser | undefined {
  return demoUsers.find((user) => user.userId === userId);
}
