// The demo users to sign in as, as the gateway's development issuer lists them
// (`GET /dev/users`): in the order of the roles' work (officers, reviewers, the manager, the
// operator), each described by its roles and partner states in words.
import { consoleRoles, type ConsoleRole } from '../session/token-claims.ts';
import { partnerStatesWords, roleTitles } from '../wording/programme-words.ts';

export interface DemoUser {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly partnerStates: readonly string[];
}

export interface SignInChoice {
  readonly userId: string;
  /** 'Programme officer · Kenya' */
  readonly description: string;
}

const roleOrder = (user: DemoUser): number => {
  const places = user.roles
    .map((role) => consoleRoles.indexOf(role as ConsoleRole))
    .filter((place) => place >= 0);
  return places.length === 0 ? consoleRoles.length : Math.min(...places);
};

export function signInChoices(users: readonly DemoUser[]): SignInChoice[] {
  return [...users]
    .sort((a, b) => roleOrder(a) - roleOrder(b) || a.userId.localeCompare(b.userId))
    .map((user) => ({
      userId: user.userId,
      description: `${user.roles
        .map((role) => roleTitles[role as ConsoleRole] ?? role)
        .join(', ')} · ${partnerStatesWords(user.partnerStates)}`,
    }));
}
