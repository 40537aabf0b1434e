import type { Tx } from './transaction';

/** Records an attempt at a post (the first attempt creates its row); says whether an earlier one delivered it. */
export async function recordPostAttempt(
  db: Tx,
  post: { idempotencyKey: string; title: string; text: string },
): Promise<{ delivered: boolean }> {
  const { idempotencyKey, title, text } = post;
  const record = await db.socialPost.upsert({
    where: { idempotencyKey },
    update: { attempts: { increment: 1 } },
    create: { idempotencyKey, title, text, attempts: 1 },
  });
  return { delivered: record.deliveredAt !== null };
}

export async function markPostDelivered(db: Tx, idempotencyKey: string): Promise<void> {
  await db.socialPost.update({ where: { idempotencyKey }, data: { deliveredAt: new Date() } });
}
