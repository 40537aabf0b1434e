import { workflowInfo } from '@temporalio/workflow';
import type { RetentionPeriods } from '../domain/retention';
import { activities, type ActivityResult } from './activityCalls';

export interface RetentionRun {
  periods: RetentionPeriods;
  batchSize: number;
}

export interface RetentionOutcome {
  pseudonymised: number;
  held: number;
}

/**
 * One retention run, started by the retention Schedule: walks the closed cases in batches and
 * pseudonymises those past their retention period that no legal hold covers.
 */
export async function retentionWorkflow(run: RetentionRun): Promise<RetentionOutcome> {
  const now = workflowInfo().startTime.getTime();
  const outcome: RetentionOutcome = { pseudonymised: 0, held: 0 };
  let after: string | null = null;
  do {
    const batch: ActivityResult<'applyRetentionBatch'> = await activities.applyRetentionBatch({
      periods: run.periods,
      now,
      after,
      batchSize: run.batchSize,
    });
    outcome.pseudonymised += batch.pseudonymised;
    outcome.held += batch.held;
    after = batch.next;
  } while (after !== null);
  return outcome;
}
