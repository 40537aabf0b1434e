import type { JudgementBasis } from '../domain/case';
import type { ActivityKind } from '../domain/vocabulary';
import type { Database } from '../platform/database';
import { sanctionPrecedents } from '../records/precedents';
import { priorSanctionCount } from '../records/sanctions';
import { currentSanctionMatrix } from '../records/sanctionMatrix';

export function createJudgementActivities(db: Database) {
  return {
    /** What a decision on this case will be judged against: loaded once, then pinned in the workflow. */
    async loadJudgementBasis(input: { caseId: string; employeeId: string; kind: ActivityKind }): Promise<JudgementBasis> {
      const [matrix, priorSanctionedCases, precedents] = await Promise.all([
        currentSanctionMatrix(db),
        priorSanctionCount(db, input.employeeId, input.caseId),
        input.kind === 'inappropriate' ? sanctionPrecedents(db, input.caseId) : Promise.resolve({}),
      ]);
      return { matrix, priorSanctionedCases, precedents };
    },
  };
}
