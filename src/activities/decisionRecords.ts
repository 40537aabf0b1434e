import type { AcceptedDecision } from '../domain/case';
import type { Assessment } from '../domain/assessment';
import { effectiveAssessment, needsSecondApprover } from '../domain/decisions';
import type { Decider } from '../domain/decider';
import type { Database } from '../platform/database';
import { actorOf, asJson, audit } from './records';

export interface DecisionRecord {
  caseId: string;
  accepted: AcceptedDecision;
  assessment: Assessment;
  matrixVersion: number | null;
  priorSanctionedCases: number;
}

export interface ApprovalRecord {
  caseId: string;
  decisionId: string;
  approver: Decider;
  approve: boolean;
  rationale: string;
  at: string;
}

export function createDecisionRecordActivities(db: Database) {
  return {
    async recordDecision(record: DecisionRecord): Promise<void> {
      const { caseId, accepted } = record;
      const { decision, decidedBy } = accepted;
      const judged = effectiveAssessment(record.assessment, decision);
      const awaitsApproval = needsSecondApprover(decision);
      await db.$transaction(async (tx) => {
        await tx.decision.upsert({
          where: { id: accepted.id },
          update: {},
          create: {
            id: accepted.id,
            caseId,
            outcome: decision.outcome,
            rationale: decision.rationale,
            sanction: decision.outcome === 'sanction' ? decision.sanction : null,
            contentAction: decision.outcome === 'sanction' ? decision.content.action : null,
            contentRationale: decision.outcome === 'sanction' ? decision.content.rationale : null,
            justification: decision.outcome === 'sanction' ? (decision.justification ?? null) : null,
            plan: decision.outcome === 'capitalize' ? asJson(decision.plan) : undefined,
            category: judged.category,
            severity: judged.severity,
            reclassified: judged !== record.assessment,
            priorSanctionedCases: record.priorSanctionedCases,
            decidedBy: decidedBy.sub,
            decidedByName: decidedBy.name,
            decidedByRoles: decidedBy.roles,
            matrixVersion: record.matrixVersion,
            decidedAt: new Date(accepted.decidedAt),
            approvalStatus: awaitsApproval ? 'pending' : 'not_required',
          },
        });
        await tx.case.update({
          where: { id: caseId },
          data: {
            status: awaitsApproval ? 'awaiting_approval' : 'carrying_out',
            category: judged.category,
            severity: judged.severity,
            matrixVersion: record.matrixVersion,
          },
        });
        await audit(tx, {
          eventKey: `${accepted.id}:decided`,
          caseId,
          actor: actorOf(decidedBy),
          action: 'decision_taken',
          details: asJson({ decision, judgedAs: judged, matrixVersion: record.matrixVersion, awaitsApproval }),
        });
      });
    },

    async recordApproval(record: ApprovalRecord): Promise<void> {
      const { caseId, decisionId, approver } = record;
      await db.$transaction(async (tx) => {
        await tx.approval.upsert({
          where: { id: `${decisionId}-approval` },
          update: {},
          create: {
            id: `${decisionId}-approval`,
            caseId,
            decisionId,
            approvedBy: approver.sub,
            approverName: approver.name,
            approve: record.approve,
            rationale: record.rationale,
            at: new Date(record.at),
          },
        });
        await tx.decision.update({ where: { id: decisionId }, data: { approvalStatus: record.approve ? 'approved' : 'refused' } });
        await tx.case.update({ where: { id: caseId }, data: { status: record.approve ? 'carrying_out' : 'awaiting_decision' } });
        await audit(tx, {
          eventKey: `${decisionId}:approval`,
          caseId,
          actor: actorOf(approver),
          action: record.approve ? 'decision_approved' : 'decision_sent_back',
          details: { rationale: record.rationale },
        });
      });
    },
  };
}
