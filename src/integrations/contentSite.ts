/** What came of asking a company site to remove a post. */
export type RemovalOutcome = { outcome: 'removed' } | { outcome: 'manual'; reason: string };

/** The company's content sites (CMS, intranet, official accounts), as far as removing a post goes. */
export interface ContentSite {
  remove(request: { caseId: string; url: string; reason: string }): Promise<RemovalOutcome>;
}

export interface ContentSiteConfig {
  baseUrl?: string;
  token?: string;
  timeoutMs?: number;
}

/**
 * The HTTP adapter: `POST {baseUrl}/removals` with `{url, caseId, reason}` and an Idempotency-Key.
 * 2xx confirms the removal, and so do 404 and 410 (the content is already gone). A 5xx, a 429
 * or a network error is thrown, so Temporal retries it. Another 4xx will never succeed: a person
 * has to remove the post, and so without a configured adapter.
 */
export function createContentSite(config: ContentSiteConfig): ContentSite {
  return {
    async remove({ caseId, url, reason }) {
      if (!config.baseUrl) return { outcome: 'manual', reason: 'no content-site adapter is configured' };
      const endpoint = new URL('removals', config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/`);
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': `${caseId}:removal`,
          ...(config.token ? { authorization: `Bearer ${config.token}` } : {}),
        },
        body: JSON.stringify({ url, caseId, reason }),
        signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
      });
      if (response.ok || response.status === 404 || response.status === 410) return { outcome: 'removed' };
      const detail = `the content site answered ${response.status} to the removal of ${url}`;
      if (response.status >= 500 || response.status === 429) throw new Error(detail);
      return { outcome: 'manual', reason: detail };
    },
  };
}
