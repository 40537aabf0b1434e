import { establishedPrecedent, type Precedent } from '../../domain/precedents';
import { allowedSanctions } from '../../domain/sanctionMatrix';
import type { CaseListQuery } from '../../domain/schemas/cases';
import type { InappropriateCategory, Sanction, Severity } from '../../domain/vocabulary';
import { findCase, findCases } from '../../records/cases';
import { sanctionPrecedents } from '../../records/precedents';
import { priorSanctionCount } from '../../records/sanctions';
import { currentSanctionMatrix } from '../../records/sanctionMatrix';
import type { Principal } from '../auth/tokens';
import type { ApiContext } from '../context';
import { notFound } from '../errors';

export async function listCases(ctx: ApiContext, query: CaseListQuery, principal: Principal) {
  const { total, cases } = await findCases(ctx.db, query, principal);
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
    precedents,
  };
}
