import { reportingLineProblems } from '../../domain/directory';
import type { EmployeeImportInput, EmployeeInput } from '../../domain/schemas/employees';
import type { ApiContext } from '../context';
import { ApiError, invalidInput } from '../errors';

async function loadManagerMap(ctx: ApiContext): Promise<Map<string, string | null>> {
  const rows = await ctx.db.employee.findMany({ select: { id: true, managerId: true } });
  return new Map(rows.map((row) => [row.id, row.managerId]));
}

async function assertEmailsFree(ctx: ApiContext, entries: { id: string; email: string }[], pathOf: (i: number) => string) {
  const owners = await ctx.db.employee.findMany({
    where: { email: { in: entries.map((entry) => entry.email) } },
    select: { id: true, email: true },
  });
  const ownerOf = new Map(owners.map((owner) => [owner.email, owner.id]));
  const taken = entries.map((entry, i) => ({ entry, i })).filter(({ entry }) => (ownerOf.get(entry.email) ?? entry.id) !== entry.id);
  if (taken.length > 0) {
    throw new ApiError(
      409,
      'email_taken',
      'An e-mail address belongs to another employee',
      taken.map(({ entry, i }) => ({ path: pathOf(i), message: `${entry.email} belongs to employee ${ownerOf.get(entry.email)}` })),
    );
  }
}

/**
 * Creates or replaces employees in one statement, so a batch lands whole or not at all and
 * managers may be defined in the same batch as their reports.
 */
async function upsertEmployees(ctx: ApiContext, employees: (EmployeeInput & { id: string })[]): Promise<void> {
  await ctx.db.$executeRaw`
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

export async function putEmployee(ctx: ApiContext, id: string, input: EmployeeInput): Promise<{ created: boolean }> {
  const directory = await loadManagerMap(ctx);
  const created = !directory.has(id);
  directory.set(id, input.managerId);
  const problems = reportingLineProblems(directory, [id]);
  if (problems.length > 0) throw invalidInput(problems.map((problem) => ({ path: 'managerId', message: problem.message })));
  await assertEmailsFree(ctx, [{ id, email: input.email }], () => 'email');
  await upsertEmployees(ctx, [{ ...input, id }]);
  return { created };
}

export async function importEmployees(ctx: ApiContext, input: EmployeeImportInput): Promise<{ imported: number }> {
  const { employees } = input;
  const firstIndex = new Map<string, number>();
  const duplicates = employees.flatMap((employee, i) => {
    const key = `id:${employee.id}`;
    const emailKey = `email:${employee.email}`;
    const problems = [key, emailKey]
      .filter((k) => firstIndex.has(k))
      .map((k) => ({ path: `employees.${i}.${k.startsWith('id') ? 'id' : 'email'}`, message: `repeats employees.${firstIndex.get(k)}` }));
    firstIndex.set(key, firstIndex.get(key) ?? i);
    firstIndex.set(emailKey, firstIndex.get(emailKey) ?? i);
    return problems;
  });
  if (duplicates.length > 0) throw invalidInput(duplicates);

  const directory = await loadManagerMap(ctx);
  for (const employee of employees) directory.set(employee.id, employee.managerId);
  const problems = reportingLineProblems(
    directory,
    employees.map((employee) => employee.id),
  );
  if (problems.length > 0) {
    throw invalidInput(
      problems.map((problem) => ({ path: `employees.${firstIndex.get(`id:${problem.employeeId}`)}.managerId`, message: problem.message })),
    );
  }
  await assertEmailsFree(ctx, employees, (i) => `employees.${i}.email`);
  await upsertEmployees(ctx, employees);
  return { imported: employees.length };
}
