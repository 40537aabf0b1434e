import type { EmployeeInput } from '../domain/schemas/employees';
import type { Tx } from './transaction';

export function findEmployee(db: Tx, id: string) {
  return db.employee.findUnique({ where: { id } });
}

export function getEmployee(db: Tx, id: string) {
  return db.employee.findUniqueOrThrow({ where: { id } });
}

/** Every employee's manager, by employee id: the reporting lines a change is checked against. */
export async function reportingLines(db: Tx): Promise<Map<string, string | null>> {
  const rows = await db.employee.findMany({ select: { id: true, managerId: true } });
  return new Map(rows.map((row) => [row.id, row.managerId]));
}

/** Who holds each of these e-mail addresses, by address. */
export async function emailOwners(db: Tx, emails: string[]): Promise<Map<string, string>> {
  const owners = await db.employee.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  return new Map(owners.map((owner) => [owner.email, owner.id]));
}

/**
 * Creates or replaces employees in one statement, so a batch lands whole or not at all and
 * managers may be defined in the same batch as their reports.
 */
export async function upsertEmployees(db: Tx, employees: (EmployeeInput & { id: string })[]): Promise<void> {
  await db.$executeRaw`
    INSERT INTO employees (id, name, email, department, manager_id, handles, updated_at)
    SELECT e.id, e.name, e.email, e.department, e.manager_id,
           ARRAY(SELECT jsonb_array_elements_text(e.handles::jsonb)), now()
    FROM unnest(
      ${employees.map((e) => e.id)}::text[], ${employees.map((e) => e.name)}::text[],
      ${employees.map((e) => e.email)}::text[], ${employees.map((e) => e.department)}::text[],
      ${employees.map((e) => e.managerId)}::text[], ${employees.map((e) => JSON.stringify(e.handles))}::text[]
    ) AS e(id, name, email, department, manager_id, handles)
    ON CONFLICT (id) DO UPDATE SET
      name = EXCLUDED.name, email = EXCLUDED.email, department = EXCLUDED.department,
      manager_id = EXCLUDED.manager_id, handles = EXCLUDED.handles, active = true, updated_at = now()`;
}
