import type { SocialNetwork, SocialPost } from '../integrations/socialNetwork';
import type { Database } from '../platform/database';
import { markPostDelivered, recordPostAttempt } from '../records/socialPosts';

/**
 * Posts to the enterprise social network once per key, ever: 'posted' once delivered (now or
 * before), 'skipped' when no webhook is configured. A post is recorded before the call and marked
 * delivered after a 2xx, so a failed call (which the receiver rejected) is retried and delivered
 * once. Only a crash between the receiver's 2xx and the database commit, a window of milliseconds,
 * could post twice; the Idempotency-Key header lets receivers that honour it drop that repeat too.
 */
export async function postOnce(db: Database, network: SocialNetwork, post: SocialPost): Promise<'posted' | 'skipped'> {
  if (!network.configured) return 'skipped';
  const { delivered } = await recordPostAttempt(db, post);
  if (delivered) return 'posted';
  await network.post(post);
  await markPostDelivered(db, post.idempotencyKey);
  return 'posted';
}
