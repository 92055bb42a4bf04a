/** The programme's roles (PRODUCT.md). */
export const roles = [
  'PROGRAMME_OFFICER',
  'COMPLIANCE_REVIEWER',
  'PROGRAMME_MANAGER',
  'OPERATOR',
] as const;

export type Role = (typeof roles)[number];

/** Who is calling, as their verified access token says. */
export interface Principal {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** ISO 3166-1 alpha-2 codes of the partner states assigned; `['*']` for the whole programme. */
  readonly partnerStates: readonly string[];
}

/** Whether the principal is assigned to the partner state (or to every state). */
export function mayAccessPartnerState(principal: Principal, partnerState: string): boolean {
  return principal.partnerStates.includes('*') || principal.partnerStates.includes(partnerState);
}

export function hasRole(principal: Principal, ...allowed: readonly Role[]): boolean {
  return principal.roles.some((role) => allowed.includes(role));
}
