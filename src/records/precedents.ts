import { type Precedent, precedentKey, type PrecedentsByAct } from '../domain/precedents';
import type { InappropriateCategory, Sanction, Severity } from '../domain/vocabulary';
import type { Tx } from './transaction';

/** The latest decisions of each act that count as precedents; older practice has less to say. */
export const PRECEDENTS_PER_ACT = 20;

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
export async function sanctionPrecedents(db: Tx, exceptCaseId: string): Promise<PrecedentsByAct> {
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
