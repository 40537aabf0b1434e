import type { Database } from '../platform/database';

export interface SocialPostRequest {
  /** One post per key, ever: a retried activity finds it delivered and does not post again. */
  idempotencyKey: string;
  title: string;
  text: string;
}

/** The enterprise social network, reached through an incoming webhook (Slack- and Teams-compatible JSON). */
export interface SocialNetwork {
  /** 'posted' once delivered (now or before); 'skipped' when no webhook is configured. */
  post(request: SocialPostRequest): Promise<'posted' | 'skipped'>;
}

export interface SocialNetworkConfig {
  webhookUrl?: string;
  timeoutMs?: number;
}

/**
 * Posts `{ text }` (Slack's and Teams' common field, with the title in bold) to the webhook. A post
 * is recorded before the call and marked delivered after a 2xx, so a failed call (which the
 * receiver rejected) is retried and delivered once. Only a crash between the receiver's 2xx and
 * the database commit, a window of milliseconds, could post twice; the Idempotency-Key header
 * lets receivers that honour it drop that repeat too.
 */
export function createSocialNetwork(db: Database, config: SocialNetworkConfig): SocialNetwork {
  return {
    async post({ idempotencyKey, title, text }) {
      if (!config.webhookUrl) return 'skipped';
      const record = await db.socialPost.upsert({
        where: { idempotencyKey },
        update: { attempts: { increment: 1 } },
        create: { idempotencyKey, title, text, attempts: 1 },
      });
      if (record.deliveredAt) return 'posted';
      const response = await fetch(config.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify({ text: `*${title}*\n\n${text}` }),
        signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
      });
      if (!response.ok) throw new Error(`the social-network webhook answered ${response.status}`);
      await db.socialPost.update({ where: { idempotencyKey }, data: { deliveredAt: new Date() } });
      return 'posted';
    },
  };
}
