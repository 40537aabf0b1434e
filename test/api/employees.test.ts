import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let hr: string;

beforeAll(async () => {
  stack = await startStack();
  hr = await stack.tokenFor('hr-person', 'hr');
});
afterAll(() => stack.stop());

const person = (id: string, managerId: string | null = null) => ({
  name: `Person ${id}`,
  email: `${id}@example.test`,
  department: 'operations',
  managerId,
});

const put = (id: string, body: object, token = hr) =>
  stack.http.put(`/api/employees/${id}`).set('Authorization', `Bearer ${token}`).send(body);
const importBatch = (employees: object[]) =>
  stack.http.post('/api/employees/import').set('Authorization', `Bearer ${hr}`).send({ employees });

describe('the employee directory', () => {
  it('creates (201) then replaces (200) an employee, with a manager that exists', async () => {
    const boss = stack.unique('boss');
    const report = stack.unique('report');
    expect((await put(boss, person(boss))).status).toBe(201);
    expect((await put(report, person(report, boss))).status).toBe(201);
    const moved = await put(report, { ...person(report, null), department: 'legal', handles: ['@rep'] });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: report, department: 'legal', managerId: null, handles: ['@rep'] });
  });

  it('refuses an unknown manager and a reporting loop, naming managerId, and writes nothing', async () => {
    const a = stack.unique('a');
    const b = stack.unique('b');
    const unknown = await put(a, person(a, 'ghost'));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: 'managerId', message: 'manager ghost is not in the directory' }]);
    expect(await stack.db.employee.findUnique({ where: { id: a } })).toBeNull();

    await put(a, person(a));
    await put(b, person(b, a));
    const loop = await put(a, person(a, b));
    expect(loop.status).toBe(400);
    expect(loop.body.error.fields[0].path).toBe('managerId');
    expect((await stack.db.employee.findUniqueOrThrow({ where: { id: a } })).managerId).toBeNull();
  });

  it('refuses an e-mail address that belongs to someone else with 409', async () => {
    const a = stack.unique('a');
    const b = stack.unique('b');
    await put(a, person(a));
    const clash = await put(b, { ...person(b), email: `${a}@example.test` });
    expect(clash.status).toBe(409);
    expect(clash.body.error.fields[0].path).toBe('email');
  });

  it('imports a batch whole, managers and reports together', async () => {
    const boss = stack.unique('boss');
    const staff = [1, 2, 3].map(() => stack.unique('staff'));
    const response = await importBatch([...staff.map((id) => ({ id, ...person(id, boss) })), { id: boss, ...person(boss) }]);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ imported: 4 });
    expect(await stack.db.employee.count({ where: { managerId: boss } })).toBe(3);
  });

  it('writes nothing of a batch with one bad row, and names the row', async () => {
    const good = stack.unique('good');
    const bad = stack.unique('bad');
    const response = await importBatch([
      { id: good, ...person(good) },
      { id: bad, ...person(bad, 'ghost') },
    ]);
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual([{ path: 'employees.1.managerId', message: 'manager ghost is not in the directory' }]);
    expect(await stack.db.employee.count({ where: { id: { in: [good, bad] } } })).toBe(0);

    const repeated = await importBatch([
      { id: good, ...person(good) },
      { id: good, ...person(good) },
    ]);
    expect(repeated.status).toBe(400);
    expect(repeated.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['employees.1.id', 'employees.1.email']);
  });

  it('is kept by hr and admins only', async () => {
    const id = stack.unique('x');
    const manager = await stack.tokenFor('some-manager', 'manager');
    expect((await put(id, person(id), manager)).status).toBe(403);
    const admin = await stack.tokenFor('root', 'admin');
    expect((await put(id, person(id), admin)).status).toBe(201);
  });
});
