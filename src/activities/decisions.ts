import type { Assessment } from '../domain/assessment';
import type { AcceptedDecision } from '../domain/case';
import { effectiveAssessment, needsSecondApprover } from '../domain/decisions';
import type { Database } from '../platform/database';
import { actorOf } from '../domain/decider';
import { type ApprovalRecord, saveApproval, saveDecision } from '../records/decisions';
import { asJson } from '../records/json';

export interface DecisionRecord {
  caseId: string;
  accepted: AcceptedDecision;
  assessment: Assessment;
  matrixVersion: number | null;
  priorSanctionedCases: number;
}

export function createDecisionActivities(db: Database) {
  return {
    async recordDecision(record: DecisionRecord): Promise<void> {
      const { caseId, accepted, matrixVersion } = record;
      const { decision, decidedBy } = accepted;
      const judged = effectiveAssessment(record.assessment, decision);
      const awaitsApproval = needsSecondApprover(decision);
      const entry = { ...record, judged, reclassified: judged !== record.assessment, awaitsApproval };
      await saveDecision(db, entry, {
        eventKey: `${accepted.id}:decided`,
        caseId,
        actor: actorOf(decidedBy),
        action: 'decision_taken',
        details: asJson({ decision, judgedAs: judged, matrixVersion, awaitsApproval }),
      });
    },

    async recordApproval(record: ApprovalRecord): Promise<void> {
      await saveApproval(db, record, {
        eventKey: `${record.decisionId}:approval`,
        caseId: record.caseId,
        actor: actorOf(record.approver),
        action: record.approve ? 'decision_approved' : 'decision_sent_back',
        details: { rationale: record.rationale },
      });
    },
  };
}
