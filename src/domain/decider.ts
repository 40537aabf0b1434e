import type { Role } from './vocabulary';

/** The person deciding, approving, editing or reporting: `sub` is their directory id. */
export interface Decider {
  sub: string;
  name: string;
  roles: Role[];
}

/** How a person appears on a timeline: their roles and directory id, e.g. `hr+manager:e-42`. */
export const actorOf = (person: { sub: string; roles: readonly string[] }) => `${person.roles.join('+')}:${person.sub}`;
