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
