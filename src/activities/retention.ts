import { type RetentionPeriods, retentionExpired, shortestRetention } from '../domain/retention';
import type { Database } from '../platform/database';
import { pseudonymiseExpiredCase, retentionCandidates } from '../records/pseudonymisation';

export interface RetentionBatch {
  periods: RetentionPeriods;
  /** The run's time (ms): the same for every batch of a run. */
  now: number;
  /** The last case id of the previous batch. */
  after: string | null;
  batchSize: number;
}

export interface RetentionBatchResult {
  pseudonymised: number;
  held: number;
  /** Where the next batch starts; null when the run has seen every candidate. */
  next: string | null;
}

export function createRetentionActivities(db: Database) {
  return {
    /** Pseudonymises the expired, unheld cases of one batch; a retry finds those already done and leaves them. */
    async applyRetentionBatch(batch: RetentionBatch): Promise<RetentionBatchResult> {
      const closedBefore = new Date(batch.now - shortestRetention(batch.periods));
      const candidates = await retentionCandidates(db, closedBefore, batch.after, batch.batchSize);
      let pseudonymised = 0;
      let held = 0;
      for (const candidate of candidates) {
        if (!retentionExpired(candidate.retained, batch.periods, batch.now)) continue;
        if (candidate.held) {
          held += 1;
          continue;
        }
        if (await pseudonymiseExpiredCase(db, candidate.caseId)) pseudonymised += 1;
      }
      const last = candidates[candidates.length - 1];
      return { pseudonymised, held, next: candidates.length === batch.batchSize && last ? last.caseId : null };
    },
  };
}
