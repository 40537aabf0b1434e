import type { Assessment } from '../domain/assessment';
import type { AcceptedDecision } from '../domain/case';
import type { Decider } from '../domain/decider';
import type { Database } from '../platform/database';
import { audit, type AuditEntry } from './auditTrail';
import { asJson } from './json';
import type { Tx } from './transaction';

export interface DecisionEntry {
  caseId: string;
  accepted: AcceptedDecision;
  /** The act the decision judged: as assessed, or as the decision reclassified it. */
  judged: Assessment;
  reclassified: boolean;
  matrixVersion: number | null;
  priorSanctionedCases: number;
  awaitsApproval: boolean;
}

export interface ApprovalRecord {
  caseId: string;
  decisionId: string;
  approver: Decider;
  approve: boolean;
  rationale: string;
  at: string;
}

/** Records the decision once and moves its case on (to approval, or to carrying it out), with the timeline event. */
export async function saveDecision(db: Database, entry: DecisionEntry, event: AuditEntry): Promise<void> {
  const { caseId, accepted, judged } = entry;
  const { decision, decidedBy } = accepted;
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
        reclassified: entry.reclassified,
        priorSanctionedCases: entry.priorSanctionedCases,
        decidedBy: decidedBy.sub,
        decidedByName: decidedBy.name,
        decidedByRoles: decidedBy.roles,
        matrixVersion: entry.matrixVersion,
        decidedAt: new Date(accepted.decidedAt),
        approvalStatus: entry.awaitsApproval ? 'pending' : 'not_required',
      },
    });
    await tx.case.update({
      where: { id: caseId },
      data: {
        status: entry.awaitsApproval ? 'awaiting_approval' : 'carrying_out',
        category: judged.category,
        severity: judged.severity,
        matrixVersion: entry.matrixVersion,
      },
    });
    await audit(tx, event);
  });
}

/** Records the second approver's verdict once: the decision is approved or refused, the case carried out or sent back. */
export async function saveApproval(db: Database, record: ApprovalRecord, event: AuditEntry): Promise<void> {
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
    await audit(tx, event);
  });
}

export function getDecision(db: Tx, decisionId: string) {
  return db.decision.findUniqueOrThrow({ where: { id: decisionId } });
}
