import type { Prisma } from '../../generated/prisma/client';
import { establishedPrecedent, type Precedent } from '../../domain/precedents';
import { allowedSanctions } from '../../domain/sanctionMatrix';
import type { CaseListQuery } from '../../domain/schemas/cases';
import { APPROVER_ROLES } from '../../domain/decisions';
import { DECIDING_ROLES, type InappropriateCategory, type Sanction, type Severity } from '../../domain/vocabulary';
import { sanctionPrecedents } from '../../records/precedents';
import { currentSanctionMatrix } from '../../records/sanctionMatrix';
import type { Principal } from '../auth/tokens';
import type { ApiContext } from '../context';
import { notFound } from '../errors';

/** Cases waiting on the caller: routed to a deciding role they hold (for managers, their own reports), or awaiting their approval. */
function waitingOn(principal: Principal): Prisma.CaseWhereInput {
  const higherRoles = DECIDING_ROLES.filter((role) => role !== 'manager' && principal.roles.includes(role));
  const clauses: Prisma.CaseWhereInput[] = [
    { status: 'awaiting_decision', decidingRole: { in: higherRoles } },
    { status: 'awaiting_decision', decidingRole: 'manager', employee: { managerId: principal.sub } },
  ];
  if (principal.roles.some((role) => APPROVER_ROLES.includes(role))) {
    clauses.push({ status: 'awaiting_approval', decisions: { none: { decidedBy: principal.sub, approvalStatus: 'pending' } } });
  }
  return { OR: clauses, employeeId: { not: principal.sub } };
}

export async function listCases(ctx: ApiContext, query: CaseListQuery, principal: Principal) {
  const where: Prisma.CaseWhereInput = {
    status: query.status,
    kind: query.kind,
    category: query.category,
    severity: query.severity,
    decidingRole: query.assignedRole,
    department: query.department,
    ...(query.mine ? waitingOn(principal) : {}),
  };
  const [total, cases] = await Promise.all([
    ctx.db.case.count({ where }),
    ctx.db.case.findMany({
      where,
      orderBy: [{ openedAt: 'desc' }, { id: 'asc' }],
      take: query.limit,
      skip: query.offset,
      include: { employee: { select: { id: true, name: true } } },
    }),
  ]);
  return {
    total,
    limit: query.limit,
    offset: query.offset,
    cases: cases.map((record) => ({
      caseId: record.id,
      status: record.status,
      kind: record.kind,
      category: record.category,
      severity: record.severity,
      decidingRole: record.decidingRole,
      department: record.department,
      employee: record.employee,
      openedAt: record.openedAt,
      closedAt: record.closedAt,
    })),
  };
}

/** How comparable cases were decided, the precedent they establish, and the range the matrix allows for this employee. */
export async function casePrecedents(ctx: ApiContext, caseId: string) {
  const record = await ctx.db.case.findUnique({ where: { id: caseId } });
  if (!record) throw notFound(`Case ${caseId}`);
  if (record.kind !== 'inappropriate') return { caseId, act: null, precedents: [], established: null, allowed: null };
  const category = record.category as InappropriateCategory;
  const severity = record.severity as Severity;
  const [byAct, matrix, priorSanctionedCases] = await Promise.all([
    sanctionPrecedents(ctx.db, caseId),
    currentSanctionMatrix(ctx.db),
    ctx.db.sanction.count({ where: { employeeId: record.employeeId, caseId: { not: caseId } } }),
  ]);
  const precedents: Precedent[] = byAct[`${category}/${severity}`] ?? [];
  const sanctionCounts = (repeatOffence: boolean) =>
    precedents
      .filter((precedent) => precedent.repeatOffence === repeatOffence)
      .reduce<Partial<Record<Sanction, number>>>((counts, p) => ({ ...counts, [p.sanction]: (counts[p.sanction] ?? 0) + 1 }), {});
  return {
    caseId,
    act: { category, severity },
    priorSanctionedCases,
    matrixVersion: matrix.version,
    allowed: allowedSanctions(matrix, category, severity, priorSanctionedCases),
    established: {
      firstOffence: establishedPrecedent(precedents, false),
      repeatOffence: establishedPrecedent(precedents, true),
    },
    counts: { firstOffence: sanctionCounts(false), repeatOffence: sanctionCounts(true) },
    precedents,
  };
}
