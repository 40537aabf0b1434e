import type { CaseAccessFacts, CaseScope, EmployeeAccessFacts } from '../domain/access';
import type { Prisma } from '../generated/prisma/client';
import type { DecidingRole } from '../domain/vocabulary';
import type { Tx } from './transaction';

/** The employee's managers, the direct one first, up the reporting line (reporting lines have no loops). */
export async function managersOf(db: Tx, employeeId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE chain(id, depth) AS (
      SELECT manager_id, 1 FROM employees WHERE id = ${employeeId} AND manager_id IS NOT NULL
      UNION ALL
      SELECT e.manager_id, c.depth + 1 FROM chain c JOIN employees e ON e.id = c.id
      WHERE e.manager_id IS NOT NULL AND c.depth < 100
    )
    SELECT id FROM chain ORDER BY depth`;
  return rows.map((row) => row.id);
}

/** Everyone below the manager, at any depth. */
export async function reportsOf(db: Tx, managerId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE below(id, depth) AS (
      SELECT id, 1 FROM employees WHERE manager_id = ${managerId}
      UNION ALL
      SELECT e.id, b.depth + 1 FROM below b JOIN employees e ON e.manager_id = b.id WHERE b.depth < 100
    )
    SELECT id FROM below`;
  return rows.map((row) => row.id);
}

const decidersInclude = {
  decisions: { select: { decidedBy: true } },
  approvals: { select: { approvedBy: true } },
} as const;

const decidersOf = (record: { decisions: { decidedBy: string }[]; approvals: { approvedBy: string }[] }) => [
  ...record.decisions.map((d) => d.decidedBy),
  ...record.approvals.map((a) => a.approvedBy),
];

/** What the access rules need to know about a recorded case; null when it is not recorded (yet). */
export async function caseAccessFacts(db: Tx, caseId: string): Promise<CaseAccessFacts | null> {
  const record = await db.case.findUnique({
    where: { id: caseId },
    select: { employeeId: true, kind: true, decidingRole: true, ...decidersInclude },
  });
  if (!record) return null;
  return {
    employeeId: record.employeeId,
    kind: record.kind as CaseAccessFacts['kind'],
    decidingRole: record.decidingRole as DecidingRole,
    managers: await managersOf(db, record.employeeId),
    deciders: decidersOf(record),
  };
}

/** What the access rules need to know about an employee whose record is asked for; null when unknown. */
export async function employeeAccessFacts(db: Tx, employeeId: string): Promise<EmployeeAccessFacts | null> {
  const employee = await db.employee.findUnique({
    where: { id: employeeId },
    select: { cases: { select: { decidingRole: true, ...decidersInclude } } },
  });
  if (!employee) return null;
  return {
    managers: await managersOf(db, employeeId),
    cases: employee.cases.map((c) => ({ decidingRole: c.decidingRole as DecidingRole, deciders: decidersOf(c) })),
  };
}

/** The cases of a scope as a SQL condition (an empty scope matches nothing). */
export async function caseScopeWhere(db: Tx, scope: CaseScope): Promise<Prisma.CaseWhereInput> {
  if (scope.all) return {};
  const clauses: Prisma.CaseWhereInput[] = [];
  if (scope.ownOf !== null) clauses.push({ employeeId: scope.ownOf });
  if (scope.reportsOf !== null) {
    const { managerId, indirect } = scope.reportsOf;
    clauses.push(indirect ? { employeeId: { in: await reportsOf(db, managerId) } } : { employee: { managerId } });
  }
  return { OR: clauses };
}
