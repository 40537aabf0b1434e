export interface SocialPost {
  /** Sent as the Idempotency-Key header, for receivers that honour it. */
  idempotencyKey: string;
  title: string;
  text: string;
}

/** The enterprise social network, reached through an incoming webhook (Slack- and Teams-compatible JSON). */
export interface SocialNetwork {
  /** False when no webhook is configured: nothing can be posted. */
  readonly configured: boolean;
  /** Posts once per call; throws unless the receiver answers 2xx, so Temporal retries. */
  post(post: SocialPost): Promise<void>;
}

export interface SocialNetworkConfig {
  webhookUrl?: string;
  timeoutMs?: number;
}

/**
 * Lessons and policy texts are plain text. In the webhook's mrkdwn `<...>` is a control sequence
 * (`<!channel>` notifies everyone, `<@U123>` mentions someone, `<https://x|label>` is a disguised
 * link) and `&` starts an entity; escaped as Slack documents (and as HTML, for Teams), they show as
 * typed.
 */
export const escapeMrkdwn = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Posts `{ text }` (Slack's and Teams' common field, with the title in bold) to the webhook, escaped. */
export function createSocialNetwork(config: SocialNetworkConfig): SocialNetwork {
  const { webhookUrl } = config;
  if (!webhookUrl) {
    return {
      configured: false,
      post: async () => {
        throw new Error('no social-network webhook is configured (SOCIAL_WEBHOOK_URL)');
      },
    };
  }
  return {
    configured: true,
    async post({ idempotencyKey, title, text }) {
      const response = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify({ text: `*${escapeMrkdwn(title)}*\n\n${escapeMrkdwn(text)}` }),
        signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
      });
      if (!response.ok) throw new Error(`the social-network webhook answered ${response.status}`);
    },
  };
}
