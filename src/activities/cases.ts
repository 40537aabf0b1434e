import type { CaseOpening } from '../domain/case';
import type { DecidingRole } from '../domain/vocabulary';
import type { Database } from '../platform/database';
import { type CaseProgress, saveCaseOpening, saveCaseProgress } from '../records/cases';

export function createCaseActivities(db: Database) {
  return {
    /** Writes the detection and its case once: a retried or replayed call finds the rows and leaves them. */
    async openCaseRecord(opening: CaseOpening, decidingRole: DecidingRole): Promise<void> {
      const { caseId, detection, assessment } = opening;
      await saveCaseOpening(db, opening, decidingRole, {
        eventKey: `${caseId}:opened`,
        caseId,
        actor: opening.openedBy ?? `detector:${detection.source}`,
        action: 'case_opened',
        details: { ...assessment, decidingRole },
      });
    },

    /** Moves the case record along (status, routed role), with its timeline event and any inbox messages. */
    async recordCaseProgress(progress: CaseProgress): Promise<void> {
      await saveCaseProgress(db, progress);
    },
  };
}
