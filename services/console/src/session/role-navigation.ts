// What each role finds in the console: its areas, in the order the navigation lists them.
// The first area a user's roles reach is where they land after signing in.
import type { ConsoleRole } from './token-claims.ts';

export type ConsoleArea =
  'engagements' | 'reviews' | 'operations' | 'results' | 'escalations' | 'notifications';

export interface NavigationEntry {
  readonly area: ConsoleArea;
  readonly path: string;
  readonly label: string;
}

const entries: Readonly<Record<ConsoleArea, NavigationEntry>> = {
  engagements: { area: 'engagements', path: '/engagements', label: 'Engagements' },
  reviews: { area: 'reviews', path: '/reviews', label: 'Review queue' },
  operations: { area: 'operations', path: '/operations', label: 'System overview' },
  results: { area: 'results', path: '/results', label: 'Programme results' },
  escalations: { area: 'escalations', path: '/escalations', label: 'Escalations' },
  notifications: { area: 'notifications', path: '/notifications', label: 'Notifications' },
};

/** Each role's areas, its main one first. */
const areasByRole: Readonly<Record<ConsoleRole, readonly ConsoleArea[]>> = {
  PROGRAMME_OFFICER: ['engagements', 'results', 'notifications'],
  COMPLIANCE_REVIEWER: ['reviews', 'engagements', 'results', 'notifications'],
  PROGRAMME_MANAGER: ['results', 'escalations', 'engagements', 'operations', 'notifications'],
  OPERATOR: ['operations', 'notifications'],
};

/** The areas the roles reach, each once, notifications last. */
export function navigationFor(roles: readonly ConsoleRole[]): NavigationEntry[] {
  const areas = new Set(roles.flatMap((role) => areasByRole[role]));
  areas.add('notifications');
  const ordered = [...areas].filter((area) => area !== 'notifications');
  return [...ordered, 'notifications' as const].map((area) => entries[area]);
}

/** Where a user lands after signing in: their first role's main area. */
export function homePathFor(roles: readonly ConsoleRole[]): string {
  return navigationFor(roles)[0]?.path ?? entries.notifications.path;
}

/** Whether the roles may open an area. */
export function mayOpen(roles: readonly ConsoleRole[], area: ConsoleArea): boolean {
  return navigationFor(roles).some((entry) => entry.area === area);
}
