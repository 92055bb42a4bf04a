// Who is signed in, read from the access token's claims (the payload of the JWT). The console
// only reads them to choose what to show; the gateway verifies the token on every call.

/** The programme's roles, as the token names them. */
export const consoleRoles = [
  'PROGRAMME_OFFICER',
  'COMPLIANCE_REVIEWER',
  'PROGRAMME_MANAGER',
  'OPERATOR',
] as const;

export type ConsoleRole = (typeof consoleRoles)[number];

/** The signed-in person as their token describes them. */
export interface SignedInUser {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly ConsoleRole[];
  /** ISO 3166-1 alpha-2 codes; `['*']` for the whole programme. */
  readonly partnerStates: readonly string[];
  /** When the token stops being accepted; undefined when it does not say. */
  readonly expiresAt: Date | undefined;
}

export class TokenClaimsError extends Error {
  constructor(reason: string) {
    super(`the access token cannot be read: ${reason}`);
    this.name = 'TokenClaimsError';
  }
}

/** Reads the user from an access token's payload (not verified: the gateway does that). */
export function signedInUserOf(accessToken: string): SignedInUser {
  const parts = accessToken.split('.');
  if (parts.length !== 3 || parts[1] === undefined || parts[1] === '') {
    throw new TokenClaimsError('it is not a JSON Web Token');
  }
  const claims = payloadOf(parts[1]);
  const userId = claims.sub;
  if (typeof userId !== 'string' || userId === '') throw new TokenClaimsError('no subject');
  return {
    userId,
    name: typeof claims.name === 'string' && claims.name !== '' ? claims.name : userId,
    roles: stringsOf(claims.roles).filter(isConsoleRole),
    partnerStates: stringsOf(claims.partner_states),
    expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : undefined,
  };
}

/** Whether the token has expired (a minute early, so that a call does not fail mid-way). */
export function hasExpired(user: SignedInUser, now: Date = new Date()): boolean {
  return user.expiresAt !== undefined && user.expiresAt.getTime() - 60_000 <= now.getTime();
}

export function hasRole(user: SignedInUser, ...roles: readonly ConsoleRole[]): boolean {
  return user.roles.some((role) => roles.includes(role));
}

function isConsoleRole(role: string): role is ConsoleRole {
  return (consoleRoles as readonly string[]).includes(role);
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

function payloadOf(segment: string): Record<string, unknown> {
  let text: string;
  try {
    const base64 = segment.replaceAll('-', '+').replaceAll('_', '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) =>
      c.charCodeAt(0),
    );
    text = new TextDecoder().decode(bytes);
  } catch {
    throw new TokenClaimsError('its payload is not base64url');
  }
  let claims: unknown;
  try {
    claims = JSON.parse(text);
  } catch {
    throw new TokenClaimsError('its payload is not JSON');
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw new TokenClaimsError('its payload is not a JSON object');
  }
  return claims as Record<string, unknown>;
}
