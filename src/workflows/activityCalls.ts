import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

/** How workflows call their short activities (database writes, notifications): 30 s an attempt, retried with backoff. */
export const activities = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** A workflow time (Temporal's deterministic clock, in ms) as an ISO 8601 string. */
export const isoAt = (ms: number) => new Date(ms).toISOString();
