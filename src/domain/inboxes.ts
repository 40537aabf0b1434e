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

/** Roles whose inbox everyone holding them shares: their job covers every case. A manager's messages come by name. */
const SHARED_INBOX_ROLES: readonly Role[] = ['social_media_lead', 'steering_committee', 'communications', 'hr'];

/** The inboxes a signed-in person reads: their own and those of each of their roles whose inbox is shared. */
export const inboxesOf = (person: { sub: string; roles: readonly Role[] }): InboxAddress[] => [
  employeeInbox(person.sub),
  ...person.roles.filter((role) => SHARED_INBOX_ROLES.includes(role)).map(roleInbox),
];
