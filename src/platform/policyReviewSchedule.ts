import { type Client, ScheduleOverlapPolicy, type ScheduleSpec } from '@temporalio/client';
import type { PolicyReviewOpening, PolicyReviewTiming } from '../domain/policyReview';
import { describeCadence, type ReviewCadence } from '../domain/policySchedule';
import { ensureSchedule, withTemporalClient } from './schedules';

/** The id of the periodic review's Temporal Schedule; each run's workflow id is this id plus the scheduled time. */
export const POLICY_REVIEW_SCHEDULE_ID = 'policy-review-periodic';

export interface PolicyReviewScheduleOptions {
  taskQueue: string;
  cadence: ReviewCadence;
  /** Pinned into each periodic review the schedule starts. */
  timing: PolicyReviewTiming;
  scheduleId?: string;
}

export function scheduleSpecOf(cadence: ReviewCadence): ScheduleSpec {
  return cadence.kind === 'cron' ? { cronExpressions: [cadence.expression] } : { intervals: [{ every: cadence.everyMs }] };
}

/**
 * Creates the periodic review's schedule, or brings an existing one up to date with the
 * configuration (cadence, task queue, durations), so that however often the service starts there
 * is one schedule. A schedule an operator paused stays paused.
 */
export async function ensurePolicyReviewSchedule(
  client: Client,
  options: PolicyReviewScheduleOptions,
): Promise<{ scheduleId: string; created: boolean }> {
  const scheduleId = options.scheduleId ?? POLICY_REVIEW_SCHEDULE_ID;
  const opening: PolicyReviewOpening = { trigger: 'periodic', timing: options.timing };
  return ensureSchedule(client, {
    scheduleId,
    spec: scheduleSpecOf(options.cadence),
    action: {
      type: 'startWorkflow',
      workflowType: 'policyReviewWorkflow',
      workflowId: scheduleId,
      taskQueue: options.taskQueue,
      args: [opening],
    },
    // Each run reviews the lessons since the previous one, so runs may overlap (a review left open
    // never holds the next one back), and a run missed while Temporal was down is caught up within a week.
    policies: { overlap: ScheduleOverlapPolicy.ALLOW_ALL, catchupWindow: '7 days' },
    note: `Periodic policy review, ${describeCadence(options.cadence)} (POLICY_REVIEW_SCHEDULE, applied at start-up).`,
  });
}

/** Connects to Temporal long enough to ensure the schedule: for the worker and the local runner at start-up. */
export function ensurePolicyReviewScheduleAt(
  temporal: { address: string; namespace: string },
  options: PolicyReviewScheduleOptions,
): Promise<{ scheduleId: string; created: boolean }> {
  return withTemporalClient(temporal, (client) => ensurePolicyReviewSchedule(client, options));
}
