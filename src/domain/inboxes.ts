import type { Role } from './vocabulary';

/** An in-app inbox address: one person (`employee:<id>`), everyone holding a role, or a named team. */
export type InboxAddress = `employee:${string}` | `role:${string}` | `team:${string}`;

/** The words of a notice put in an inbox. */
export interface Notice {
  subject: string;
  body: string;
}

export const employeeInbox = (employeeId: string): InboxAddress => `employee:${employeeId}`;
export const roleInbox = (role: Role): InboxAddress => `role:${role}`;
export const teamInbox = (team: string): InboxAddress => `team:${team}`;

/** The inboxes a signed-in person reads: their own and those of each of their roles. */
export const inboxesOf = (person: { sub: string; roles: readonly Role[] }): InboxAddress[] => [
  employeeInbox(person.sub),
  ...person.roles.map(roleInbox),
];
