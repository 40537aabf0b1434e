import { caseFacetsFor, type CaseScope } from '../../domain/access';
import { establishedPrecedent, type Precedent } from '../../domain/precedents';
import { allowedSanctions } from '../../domain/sanctionMatrix';
import type { CaseListQuery } from '../../domain/schemas/cases';
import type { ActivityKind, DecidingRole, InappropriateCategory, Sanction, Severity } from '../../domain/vocabulary';
import { reportsOf } from '../../records/access';
import { findCase, findCases } from '../../records/cases';
import { sanctionPrecedents } from '../../records/precedents';
import { priorSanctionCount } from '../../records/sanctions';
import { currentSanctionMatrix } from '../../records/sanctionMatrix';
import type { Principal } from '../auth/tokens';
import type { ApiContext } from '../context';
import { notFound } from '../errors';

/** The cases the caller may see (filtered in SQL), each with the employee only where the caller may know who it is. */
export async function listCases(ctx: ApiContext, query: CaseListQuery, principal: Principal, scope: CaseScope) {
  const { total, cases } = await findCases(ctx.db, query, principal, scope);
  const indirectReports = scope.all || !scope.reportsOf?.indirect ? null : new Set(await reportsOf(ctx.db, principal.sub));
  const showsSubject = (record: (typeof cases)[number]) =>
    caseFacetsFor(
      principal,
      {
        employeeId: record.employeeId,
        kind: record.kind as ActivityKind,
        decidingRole: record.decidingRole as DecidingRole,
        // Enough of the reporting line for the rules: the direct manager, and the caller when they are further up.
        managers: [record.employee.managerId ?? '', ...(indirectReports?.has(record.employeeId) ? [principal.sub] : [])],
        deciders: [...record.decisions.map((d) => d.decidedBy), ...record.approvals.map((a) => a.approvedBy)],
      },
      ctx.access,
    ).has('subject');
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
      employee: showsSubject(record) ? { id: record.employee.id, name: record.employee.name } : null,
      openedAt: record.openedAt,
      closedAt: record.closedAt,
    })),
  };
}

/** How comparable cases were decided, the precedent they establish, and the range the matrix allows for this employee. */
export async function casePrecedents(ctx: ApiContext, caseId: string, scope: CaseScope) {
  const record = await findCase(ctx.db, caseId);
  if (!record) throw notFound(`Case ${caseId}`);
  if (record.kind !== 'inappropriate') return { caseId, act: null, precedents: [], established: null, allowed: null };
  const category = record.category as InappropriateCategory;
  const severity = record.severity as Severity;
  const [byAct, matrix, priorSanctionedCases] = await Promise.all([
    sanctionPrecedents(ctx.db, caseId),
    currentSanctionMatrix(ctx.db),
    priorSanctionCount(ctx.db, record.employeeId, caseId),
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
    // Which cases they were is for those who may see every case; to others a precedent is its sanction and date.
    precedents: scope.all ? precedents : precedents.map(({ caseId: _caseId, ...precedent }) => precedent),
  };
}
