import type { InboxAddress } from '../domain/inboxes';
import type { Tx } from './transaction';

export interface InboxMessage {
  /** Unique per message and recipient: a retried activity delivers it once. */
  key: string;
  recipient: InboxAddress;
  subject: string;
  body: string;
  caseId: string | null;
}

/** Puts messages in the recipients' in-app inboxes (`GET /api/me/notifications`). */
export async function deliver(tx: Tx, ...messages: InboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await tx.notification.createMany({
    data: messages.map(({ key, ...message }) => ({ idempotencyKey: `${key}:${message.recipient}`, channel: 'inbox', ...message })),
    skipDuplicates: true,
  });
}

/** Messages to any of these inboxes, newest first: a page of `limit` sent before `before`. */
export function inboxPage(db: Tx, recipients: InboxAddress[], page: { limit: number; before?: string }) {
  return db.notification.findMany({
    where: { recipient: { in: recipients }, sentAt: page.before ? { lt: new Date(page.before) } : undefined },
    orderBy: { sentAt: 'desc' },
    take: page.limit,
    select: { recipient: true, subject: true, body: true, caseId: true, sentAt: true },
  });
}
