import { proxyActivities, type RetryPolicy } from '@temporalio/workflow';
import type { Activities } from '../activities';

const retry: RetryPolicy = { initialInterval: '1 second', maximumInterval: '1 minute' };

/** How workflows call their short activities (database writes, notifications): 30 s an attempt, retried with backoff. */
export const activities = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry });

/** How a campaign calls its record activities (database writes, social-network posts). */
export const campaignRecords = proxyActivities<Activities>({ startToCloseTimeout: '2 minutes', retry });

/** Campaign batches heartbeat after every window of e-mails: a dead worker's batch is retried elsewhere within the heartbeat timeout. */
export const campaignBatches = proxyActivities<Activities>({ startToCloseTimeout: '30 minutes', heartbeatTimeout: '20 seconds', retry });

/** A workflow time (Temporal's deterministic clock, in ms) as an ISO 8601 string. */
export const isoAt = (ms: number) => new Date(ms).toISOString();

/** What an activity takes, and what it gives back, as workflow code sees them. */
export type ActivityInput<Name extends keyof Activities> = Parameters<Activities[Name]>[0];
export type ActivityResult<Name extends keyof Activities> = Awaited<ReturnType<Activities[Name]>>;
