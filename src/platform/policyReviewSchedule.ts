import { Client, Connection, ScheduleAlreadyRunning, ScheduleOverlapPolicy, type ScheduleSpec } from '@temporalio/client';
import type { PolicyReviewOpening, PolicyReviewTiming } from '../domain/policyReview';
import { describeCadence, type ReviewCadence } from '../domain/policySchedule';
import type { policyReviewWorkflow } from '../workflows/policyReviewWorkflow';

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
  const spec = scheduleSpecOf(options.cadence);
  const action = {
    type: 'startWorkflow' as const,
    workflowType: 'policyReviewWorkflow',
    workflowId: scheduleId,
    taskQueue: options.taskQueue,
    args: [opening] as [PolicyReviewOpening],
  };
  // Each run reviews the lessons since the previous one, so runs may overlap (a review left open
  // never holds the next one back), and a run missed while Temporal was down is caught up within a week.
  const policies = { overlap: ScheduleOverlapPolicy.ALLOW_ALL, catchupWindow: '7 days' as const };
  const note = `Periodic policy review, ${describeCadence(options.cadence)} (POLICY_REVIEW_SCHEDULE, applied at start-up).`;
  try {
    await client.schedule.create<typeof policyReviewWorkflow>({ scheduleId, spec, action, policies, state: { note } });
    return { scheduleId, created: true };
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  await client.schedule.getHandle(scheduleId).update<typeof policyReviewWorkflow>((previous) => ({
    spec,
    action,
    policies,
    state: previous.state.paused ? { paused: true, note: previous.state.note } : { paused: false, note },
  }));
  return { scheduleId, created: false };
}

/** Connects to Temporal long enough to ensure the schedule: for the worker and the local runner at start-up. */
export async function ensurePolicyReviewScheduleAt(
  temporal: { address: string; namespace: string },
  options: PolicyReviewScheduleOptions,
): Promise<{ scheduleId: string; created: boolean }> {
  const connection = await Connection.connect({ address: temporal.address });
  try {
    return await ensurePolicyReviewSchedule(new Client({ connection, namespace: temporal.namespace }), options);
  } finally {
    await connection.close();
  }
}
