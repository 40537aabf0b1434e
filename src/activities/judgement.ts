import type { JudgementBasis } from '../domain/case';
import { type Precedent, precedentKey, type PrecedentsByAct } from '../domain/precedents';
import { DEFAULT_SANCTION_MATRIX, type SanctionMatrix, type SanctionMatrixContent } from '../domain/sanctionMatrix';
import type { ActivityKind, InappropriateCategory, Sanction, Severity } from '../domain/vocabulary';
import type { Database } from '../platform/database';
import { asJson } from './records';

/** The latest decisions of each act that count as precedents; older practice has less to say. */
export const PRECEDENTS_PER_ACT = 20;

/** The current sanction matrix; the defaults become version 1 the first time one is needed. */
export async function currentSanctionMatrix(db: Database): Promise<SanctionMatrix> {
  const latest = await db.sanctionMatrixVersion.findFirst({ orderBy: { version: 'desc' } });
  // Rules are validated against the matrix schema before they are stored.
  if (latest) return { version: latest.version, ...(latest.rules as unknown as SanctionMatrixContent) };
  const { version, ...rules } = DEFAULT_SANCTION_MATRIX;
  await db.sanctionMatrixVersion.createMany({ data: [{ version, rules: asJson(rules), createdBy: 'system' }], skipDuplicates: true });
  return currentSanctionMatrix(db);
}

interface PrecedentRow {
  case_id: string;
  category: InappropriateCategory;
  severity: Severity;
  sanction: Sanction;
  decided_at: Date;
  prior_sanctioned_cases: number;
  justification: string | null;
}

/** Sanction decisions that took effect, the latest per act, excluding `exceptCaseId`. */
export async function sanctionPrecedents(db: Database, exceptCaseId: string): Promise<PrecedentsByAct> {
  const rows = await db.$queryRaw<PrecedentRow[]>`
    SELECT case_id, category, severity, sanction, decided_at, prior_sanctioned_cases, justification FROM (
      SELECT d.*, row_number() OVER (PARTITION BY d.category, d.severity ORDER BY d.decided_at DESC) AS recency
      FROM decisions d
      WHERE d.outcome = 'sanction' AND d.approval_status IN ('approved', 'not_required') AND d.case_id <> ${exceptCaseId}
    ) ranked
    WHERE recency <= ${PRECEDENTS_PER_ACT}`;
  const byAct: PrecedentsByAct = {};
  for (const row of rows) {
    const precedent: Precedent = {
      caseId: row.case_id,
      sanction: row.sanction,
      decidedAt: row.decided_at.toISOString(),
      repeatOffence: row.prior_sanctioned_cases > 0,
      justified: (row.justification ?? '').trim() !== '',
    };
    (byAct[precedentKey(row.category, row.severity)] ??= []).push(precedent);
  }
  return byAct;
}

export function createJudgementActivities(db: Database) {
  return {
    /** What a decision on this case will be judged against: loaded once, then pinned in the workflow. */
    async loadJudgementBasis(input: { caseId: string; employeeId: string; kind: ActivityKind }): Promise<JudgementBasis> {
      const [matrix, priorSanctionedCases, precedents] = await Promise.all([
        currentSanctionMatrix(db),
        db.sanction.count({ where: { employeeId: input.employeeId, caseId: { not: input.caseId } } }),
        input.kind === 'inappropriate' ? sanctionPrecedents(db, input.caseId) : Promise.resolve({}),
      ]);
      return { matrix, priorSanctionedCases, precedents };
    },
  };
}
