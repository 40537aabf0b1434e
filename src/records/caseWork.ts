import type { Prisma } from '../generated/prisma/client';
import type { CaseTiming } from '../domain/case';
import { REPORTER_ROLES } from '../domain/caseReports';
import { mayDecideAs } from '../domain/routing';
import { DECIDING_ROLES, type Role } from '../domain/vocabulary';
import { waitingOn } from './cases';
import { OPEN_REMOVAL_STATUSES } from './operations';
import type { Tx } from './transaction';

/** The timeline events a wait on a decision or an approval starts from. */
const WAIT_STARTS = ['case_opened', 'escalated', 'decision_sent_back', 'decision_taken'];

const caseWorkSelect = {
  id: true,
  status: true,
  kind: true,
  category: true,
  severity: true,
  decidingRole: true,
  timing: true,
  openedAt: true,
  auditEvents: { where: { action: { in: WAIT_STARTS } }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: 1, select: { at: true } },
  explanation: { select: { status: true, createdAt: true } },
  contentAction: { select: { status: true, createdAt: true } },
  opportunity: { select: { createdAt: true, followUpDueAt: true, reproduced: true } },
} satisfies Prisma.CaseSelect;

export type CaseWorkRecord = Prisma.CaseGetPayload<{ select: typeof caseWorkSelect }> & { timing: CaseTiming | null };

/**
 * The open cases waiting on a person: decisions and approvals (as `GET /api/cases?mine=true`), lessons in
 * draft to review, removal requests and follow-ups to report on. The case's recorded status says only the
 * first two; the others are read from the lesson, the content action and the opportunity.
 */
export async function caseWorkOf(db: Tx, person: { sub: string; roles: readonly Role[] }, now: Date): Promise<CaseWorkRecord[]> {
  const reviewsLessons = person.roles.includes('communications')
    ? [...DECIDING_ROLES]
    : DECIDING_ROLES.filter((role) => mayDecideAs(person.roles, role));
  const reports = person.roles.some((role) => REPORTER_ROLES.includes(role));
  const clauses: Prisma.CaseWhereInput[] = [waitingOn(person)];
  if (reviewsLessons.length > 0) {
    clauses.push({
      status: { not: 'closed' },
      explanation: { status: 'draft' },
      decidingRole: { in: reviewsLessons },
      employeeId: { not: person.sub },
    });
  }
  if (reports) {
    clauses.push(
      { status: { not: 'closed' }, contentAction: { status: { in: OPEN_REMOVAL_STATUSES } } },
      { status: { not: 'closed' }, opportunity: { reproduced: null, followUpDueAt: { lte: now } } },
    );
  }
  const cases = await db.case.findMany({ where: { OR: clauses }, select: caseWorkSelect, orderBy: [{ openedAt: 'asc' }, { id: 'asc' }] });
  return cases as CaseWorkRecord[];
}
