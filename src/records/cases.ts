import type { Prisma } from '../generated/prisma/client';
import type { CaseScope } from '../domain/access';
import type { EmployeeIdentifiers } from '../domain/anonymisation';
import type { CaseOpening } from '../domain/case';
import { APPROVER_ROLES } from '../domain/decisions';
import type { CaseListQuery } from '../domain/schemas/cases';
import { type CaseStatus, DECIDING_ROLES, type DecidingRole, type Role } from '../domain/vocabulary';
import type { Database } from '../platform/database';
import { caseScopeWhere } from './access';
import { audit, type AuditEntry } from './auditTrail';
import { deliver, type InboxMessage } from './inbox';
import { asJson } from './json';
import type { Tx } from './transaction';

export interface CaseProgress {
  caseId: string;
  status?: CaseStatus;
  decidingRole?: DecidingRole;
  event: Omit<AuditEntry, 'caseId'>;
  messages?: Omit<InboxMessage, 'caseId'>[];
}

/** Writes the detection and its case once, with the case's first event: a repeated call finds the rows and leaves them. */
export async function saveCaseOpening(db: Database, opening: CaseOpening, decidingRole: DecidingRole, event: AuditEntry): Promise<void> {
  const { caseId, detection, employee, assessment } = opening;
  await db.$transaction(async (tx) => {
    const activity = await tx.detectedActivity.upsert({
      where: { source_sourceRef: { source: detection.source, sourceRef: detection.sourceRef } },
      update: {},
      create: { ...detection, detectedAt: new Date(detection.detectedAt), employeeId: employee.id, ...assessment },
    });
    await tx.case.upsert({
      where: { id: caseId },
      update: {},
      create: {
        id: caseId,
        activityId: activity.id,
        employeeId: employee.id,
        ...assessment,
        status: 'awaiting_decision',
        decidingRole,
        department: employee.department,
        timing: asJson(opening.timing),
      },
    });
    await audit(tx, event);
  });
}

/** Moves the case record along (status, routed role), with its timeline event and any inbox messages. */
export async function saveCaseProgress(db: Database, progress: CaseProgress): Promise<void> {
  const { caseId } = progress;
  await db.$transaction(async (tx) => {
    if (progress.status || progress.decidingRole) {
      await tx.case.update({
        where: { id: caseId },
        data: {
          status: progress.status,
          decidingRole: progress.decidingRole,
          closedAt: progress.status === 'closed' ? new Date() : undefined,
        },
      });
    }
    await audit(tx, { ...progress.event, caseId });
    if (progress.messages?.length) await deliver(tx, ...progress.messages.map((message) => ({ ...message, caseId })));
  });
}

/** The case with its detected activity and employee: what its explanation is written from. */
export function getCaseFacts(db: Tx, caseId: string) {
  return db.case.findUniqueOrThrow({ where: { id: caseId }, include: { activity: true, employee: true } });
}

/** What identifies the employee of a case: the anonymiser looks for it in every lesson. */
export function identifiersOf(facts: Awaited<ReturnType<typeof getCaseFacts>>): EmployeeIdentifiers {
  return {
    employeeId: facts.employee.id,
    name: facts.employee.name,
    email: facts.employee.email,
    handles: facts.employee.handles,
    postUrl: facts.activity.url,
    postContent: facts.activity.content,
  };
}

export function findCase(db: Tx, caseId: string) {
  return db.case.findUnique({ where: { id: caseId } });
}

export async function caseExists(db: Tx, caseId: string): Promise<boolean> {
  return (await db.case.count({ where: { id: caseId } })) > 0;
}

/** Everything recorded about a case: its activity, employee, decisions and approvals, outcome, and timeline. */
export function findCaseFile(db: Tx, caseId: string) {
  return db.case.findUnique({
    where: { id: caseId },
    include: {
      activity: true,
      employee: { select: { id: true, name: true, department: true, managerId: true } },
      decisions: { orderBy: { decidedAt: 'asc' }, include: { approvals: true } },
      sanction: true,
      contentAction: true,
      opportunity: true,
      auditEvents: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
    },
  });
}

/** Cases waiting on a person: routed to a deciding role they hold (for managers, their own reports), or awaiting their approval. */
export function waitingOn(person: { sub: string; roles: readonly Role[] }): Prisma.CaseWhereInput {
  const higherRoles = DECIDING_ROLES.filter((role) => role !== 'manager' && person.roles.includes(role));
  const clauses: Prisma.CaseWhereInput[] = [
    { status: 'awaiting_decision', decidingRole: { in: higherRoles } },
    { status: 'awaiting_decision', decidingRole: 'manager', employee: { managerId: person.sub } },
  ];
  if (person.roles.some((role) => APPROVER_ROLES.includes(role))) {
    clauses.push({ status: 'awaiting_approval', decisions: { none: { decidedBy: person.sub, approvalStatus: 'pending' } } });
  }
  return { OR: clauses, employeeId: { not: person.sub } };
}

/** A page of the cases in `scope` matching the query (`mine`: those waiting on `person`), newest first, with the total. */
export async function findCases(db: Tx, query: CaseListQuery, person: { sub: string; roles: readonly Role[] }, scope: CaseScope) {
  const filters: Prisma.CaseWhereInput = {
    status: query.status,
    kind: query.kind,
    category: query.category,
    severity: query.severity,
    decidingRole: query.assignedRole,
    department: query.department,
    employeeId: query.employeeId,
  };
  const where: Prisma.CaseWhereInput = { AND: [await caseScopeWhere(db, scope), filters, query.mine ? waitingOn(person) : {}] };
  const [total, cases] = await Promise.all([
    db.case.count({ where }),
    db.case.findMany({
      where,
      orderBy: [{ openedAt: 'desc' }, { id: 'asc' }],
      take: query.limit,
      skip: query.offset,
      include: {
        employee: { select: { id: true, name: true, managerId: true } },
        decisions: { select: { decidedBy: true } },
        approvals: { select: { approvedBy: true } },
      },
    }),
  ]);
  return { total, cases };
}
