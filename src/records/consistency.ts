import type { CaseTiming } from '../domain/case';
import type { CaseAwaitingDecision, DecisionInForce, Escalation } from '../domain/consistencyReport';
import type { DecidingRole, DecisionOutcome, Sanction } from '../domain/vocabulary';
import type { Tx } from './transaction';

/** Decisions taken in [from, to) that stand: not sent back by an approver and not awaiting one. */
export async function decisionsInForce(db: Tx, from: Date, to: Date): Promise<DecisionInForce[]> {
  const decisions = await db.decision.findMany({
    where: { decidedAt: { gte: from, lt: to }, approvalStatus: { in: ['approved', 'not_required'] } },
    include: { case: { select: { department: true, decidingRole: true, openedAt: true } } },
    orderBy: [{ decidedAt: 'asc' }, { id: 'asc' }],
  });
  return decisions.map((decision) => ({
    caseId: decision.caseId,
    outcome: decision.outcome as DecisionOutcome,
    sanction: decision.sanction as Sanction | null,
    category: decision.category,
    severity: decision.severity,
    department: decision.case.department,
    decidingRole: decision.case.decidingRole as DecidingRole,
    justification: decision.justification,
    priorSanctionedCases: decision.priorSanctionedCases,
    openedAt: decision.case.openedAt,
    decidedAt: decision.decidedAt,
  }));
}

/** Every open case waiting on a decision, with when its current wait began (opened, escalated or sent back). */
export async function casesAwaitingDecision(db: Tx): Promise<CaseAwaitingDecision[]> {
  const cases = await db.case.findMany({
    where: { status: 'awaiting_decision' },
    select: {
      id: true,
      department: true,
      decidingRole: true,
      timing: true,
      openedAt: true,
      auditEvents: {
        where: { action: { in: ['case_opened', 'escalated', 'decision_sent_back'] } },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        take: 1,
        select: { at: true },
      },
    },
  });
  return cases.map((record) => ({
    caseId: record.id,
    department: record.department,
    decidingRole: record.decidingRole as DecidingRole,
    waitingSince: record.auditEvents[0]?.at ?? record.openedAt,
    timing: record.timing as CaseTiming | null,
  }));
}

/** The cases that went one level up in [from, to), and between which roles. */
export async function escalationsBetween(db: Tx, from: Date, to: Date): Promise<Escalation[]> {
  const events = await db.auditEvent.findMany({
    where: { action: 'escalated', caseId: { not: null }, at: { gte: from, lt: to } },
    select: { caseId: true, details: true, at: true },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
  return events.map((event) => {
    const details = event.details as { from?: string; to?: string };
    return { caseId: event.caseId!, from: details.from ?? 'unknown', to: details.to ?? 'unknown', at: event.at };
  });
}
