import type { InboxAddress } from '../domain/inboxes';
import type { Prisma } from '../generated/prisma/client';

export type Tx = Prisma.TransactionClient;

export interface AuditEntry {
  /** Unique per event: a retried activity records its event once. */
  eventKey: string;
  /** Null for events of no case (a periodic review, a campaign). */
  caseId: string | null;
  actor: string;
  action: string;
  details?: Prisma.InputJsonValue;
}

export interface InboxMessage {
  /** Unique per message and recipient: a retried activity delivers it once. */
  key: string;
  recipient: InboxAddress;
  subject: string;
  body: string;
  caseId: string | null;
}

export async function audit(tx: Tx, ...entries: AuditEntry[]): Promise<void> {
  await tx.auditEvent.createMany({ data: entries.map((entry) => ({ ...entry, details: entry.details ?? {} })), skipDuplicates: true });
}

/** Puts messages in the recipients' in-app inboxes (`GET /api/me/notifications`). */
export async function deliver(tx: Tx, ...messages: InboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await tx.notification.createMany({
    data: messages.map(({ key, ...message }) => ({ idempotencyKey: `${key}:${message.recipient}`, channel: 'inbox', ...message })),
    skipDuplicates: true,
  });
}

/** How a person appears on the timeline: their roles and directory id. */
export const actorOf = (person: { sub: string; roles: readonly string[] }) => `${person.roles.join('+')}:${person.sub}`;

/** Domain objects are plain JSON data; Prisma's JSON input type cannot see that through their interfaces. */
export const asJson = (value: object): Prisma.InputJsonValue => value as Prisma.InputJsonValue;
