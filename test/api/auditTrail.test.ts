import { openCase, sanction } from '../support/cases';
import { eventually, hireEmployee } from '../support/fixtures';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

const get = (path: string, token: string) => stack.http.get(path).set('Authorization', `Bearer ${token}`);
const MINOR = { kind: 'inappropriate', category: 'error_of_judgement', severity: 'minor' } as const;

describe('the audit trail', () => {
  it('records successes and refusals with who, roles, what, which case, when, request id and outcome', async () => {
    const { caseId, managerId } = await openCase(stack, MINOR);
    const manager = await stack.tokenFor(managerId!, 'manager');
    const intruder = await stack.tokenFor(stack.unique('intruder'), 'manager');
    const requestId = stack.unique('req');

    const decided = await stack.http
      .post(`/api/cases/${caseId}/decision`)
      .set('Authorization', `Bearer ${manager}`)
      .set('X-Request-Id', requestId)
      .send(sanction('conversation'));
    expect(decided.status).toBe(200);
    expect(decided.headers['x-request-id']).toBe(requestId);
    const hidden = await get(`/api/cases/${caseId}`, intruder);
    expect(hidden.status).toBe(404);
    const anonymous = await stack.http.post(`/api/cases/${caseId}/hold`).send({ reason: 'x' });
    expect(anonymous.status).toBe(401);

    const hr = await stack.tokenFor('hr-auditor', 'hr');
    const trail = await get(`/api/audit?caseId=${caseId}`, hr);
    expect(trail.status).toBe(200);
    // Newest first; the intake by the detector is there too.
    expect(trail.body.entries.map((e: { action: string; outcome: string }) => [e.action, e.outcome])).toEqual([
      ['case.view', 'refused'],
      ['case.decide', 'succeeded'],
      ['activity.report', 'succeeded'],
    ]);
    const [refusal, decision, intake] = trail.body.entries;
    expect(decision).toMatchObject({
      requestId,
      actor: managerId,
      roles: ['manager'],
      method: 'POST',
      path: `/api/cases/${caseId}/decision`,
      caseId,
      status: 200,
      code: null,
    });
    expect(Date.parse(decision.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(refusal).toMatchObject({ status: 404, code: 'not_found', method: 'GET' });
    expect(intake).toMatchObject({ actor: 'listening-tool', roles: ['detector'], status: 202 });
    expect(intake.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const unauthenticated = await get(`/api/audit?actor=anonymous&limit=200`, hr);
    expect(unauthenticated.body.entries.find((e: { path: string }) => e.path === `/api/cases/${caseId}/hold`)).toMatchObject({
      status: 401,
      outcome: 'refused',
      code: 'unauthenticated',
      roles: [],
    });
  });

  it('records refused writes (a role that may not, bad input) as well as the successful one', async () => {
    const employeeId = await hireEmployee(stack);
    const lead = await stack.tokenFor(stack.unique('lead'), 'social_media_lead');
    const hr = await stack.tokenFor('hr-auditor', 'hr');
    expect((await stack.http.put(`/api/employees/${employeeId}`).set('Authorization', `Bearer ${lead}`).send({})).status).toBe(403);
    const bad = await stack.http.put(`/api/employees/${employeeId}`).set('Authorization', `Bearer ${hr}`).send({ name: '' });
    expect(bad.status).toBe(400);
    const entries = (await get(`/api/audit?action=employee.write&limit=500`, hr)).body.entries.filter(
      (e: { objectId: string }) => e.objectId === employeeId,
    );
    expect(entries.map((e: { status: number; code: string }) => [e.status, e.code])).toEqual([
      [400, 'invalid_input'],
      [403, 'forbidden'],
      [201, null],
    ]);
  });

  it('filters by actor, action and time, and pages newest first', async () => {
    const actor = stack.unique('pager');
    const token = await stack.tokenFor(actor, 'employee');
    for (let i = 0; i < 3; i += 1) expect((await get('/api/cases', token)).status).toBe(403);
    const admin = await stack.tokenFor('admin-auditor', 'admin');
    const first = await get(`/api/audit?actor=${actor}&limit=2`, admin);
    expect(first.body.entries).toHaveLength(2);
    const rest = await get(`/api/audit?actor=${actor}&limit=2&before=${first.body.nextBefore}`, admin);
    expect(rest.body.entries).toHaveLength(1);
    expect(rest.body.nextBefore).toBeNull();
    const ids = [...first.body.entries, ...rest.body.entries].map((e: { id: string }) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => (b > a ? 1 : -1)));
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await get(`/api/audit?actor=${actor}&from=${future}`, admin)).body.entries).toEqual([]);
    expect((await get(`/api/audit?actor=${actor}&to=${future}&action=case.list`, admin)).body.entries).toHaveLength(3);
    const bad = await get('/api/audit?from=yesterday&limit=0', admin);
    expect([bad.status, bad.body.error.fields.map((f: { path: string }) => f.path).sort()]).toEqual([400, ['query.from', 'query.limit']]);
    expect((await get('/api/audit', await stack.tokenFor('chair', 'steering_committee'))).status).toBe(403);
  });

  it('cannot be changed or removed by the database role the app uses', async () => {
    const hr = await stack.tokenFor('hr-auditor', 'hr');
    await get('/api/audit', await stack.tokenFor(stack.unique('someone'), 'employee'));
    const latest = await eventually(async () => (await stack.db.auditLogEntry.findFirst({ orderBy: { id: 'desc' } })) ?? undefined);
    await expect(stack.db.auditLogEntry.update({ where: { id: latest.id }, data: { outcome: 'succeeded' } })).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(stack.db.auditLogEntry.delete({ where: { id: latest.id } })).rejects.toThrow(/append-only: DELETE/);
    await expect(stack.db.$executeRawUnsafe('TRUNCATE audit_log')).rejects.toThrow(/append-only: TRUNCATE/);
    expect((await stack.db.auditLogEntry.findUniqueOrThrow({ where: { id: latest.id } })).outcome).toBe(latest.outcome);
    expect((await get('/api/audit?limit=1', hr)).status).toBe(200);
  });
});
