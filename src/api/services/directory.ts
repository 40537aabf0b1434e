import { reportingLineProblems } from '../../domain/directory';
import type { EmployeeImportInput, EmployeeInput } from '../../domain/schemas/employees';
import { emailOwners, findEmployee, getEmployee, reportingLines, upsertEmployees } from '../../records/employees';
import type { ApiContext } from '../context';
import { ApiError, invalidInput, notFound } from '../errors';

async function assertEmailsFree(ctx: ApiContext, entries: { id: string; email: string }[], pathOf: (i: number) => string) {
  const ownerOf = await emailOwners(
    ctx.db,
    entries.map((entry) => entry.email),
  );
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

/** Creates or replaces one employee and answers them as recorded. */
export async function putEmployee(ctx: ApiContext, id: string, input: EmployeeInput) {
  const directory = await reportingLines(ctx.db);
  const created = !directory.has(id);
  directory.set(id, input.managerId);
  const problems = reportingLineProblems(directory, [id]);
  if (problems.length > 0) throw invalidInput(problems.map((problem) => ({ path: 'managerId', message: problem.message })));
  await assertEmailsFree(ctx, [{ id, email: input.email }], () => 'email');
  await upsertEmployees(ctx.db, [{ ...input, id }]);
  return { created, employee: await getEmployee(ctx.db, id) };
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

  const directory = await reportingLines(ctx.db);
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
  await upsertEmployees(ctx.db, employees);
  return { imported: employees.length };
}

/** An employee as the directory has them; unknown, a missing resource. */
export async function viewEmployee(ctx: ApiContext, id: string) {
  const employee = await findEmployee(ctx.db, id);
  if (!employee) throw notFound(`Employee ${id}`);
  return employee;
}
