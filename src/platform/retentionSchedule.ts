import { type Client, ScheduleOverlapPolicy } from '@temporalio/client';
import { describeCadence, type ReviewCadence } from '../domain/policySchedule';
import type { RetentionRun } from '../workflows/retentionWorkflow';
import { scheduleSpecOf } from './policyReviewSchedule';
import { ensureSchedule, withTemporalClient } from './schedules';

/** The id of the retention run's Temporal Schedule. */
export const RETENTION_SCHEDULE_ID = 'retention-periodic';

export interface RetentionScheduleOptions {
  taskQueue: string;
  cadence: ReviewCadence;
  /** Pinned into each run the schedule starts. */
  run: RetentionRun;
  scheduleId?: string;
}

/** Creates or updates the retention Schedule: one run at a time (a run still going skips the next). */
export function ensureRetentionSchedule(client: Client, options: RetentionScheduleOptions) {
  const scheduleId = options.scheduleId ?? RETENTION_SCHEDULE_ID;
  return ensureSchedule(client, {
    scheduleId,
    spec: scheduleSpecOf(options.cadence),
    action: {
      type: 'startWorkflow',
      workflowType: 'retentionWorkflow',
      workflowId: scheduleId,
      taskQueue: options.taskQueue,
      args: [options.run],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    note: `Retention: pseudonymises closed cases past their retention period, ${describeCadence(options.cadence)} (RETENTION_SCHEDULE, RETENTION_PERIODS, applied at start-up).`,
  });
}

export function ensureRetentionScheduleAt(temporal: { address: string; namespace: string }, options: RetentionScheduleOptions) {
  return withTemporalClient(temporal, (client) => ensureRetentionSchedule(client, options));
}
