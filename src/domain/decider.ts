import type { Role } from './vocabulary';

/** The person deciding, approving, editing or reporting: `sub` is their directory id. */
export interface Decider {
  sub: string;
  name: string;
  roles: Role[];
}
