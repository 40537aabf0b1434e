import { DEFAULT_SANCTION_MATRIX } from '../../src/domain/sanctionMatrix';
import { openCase, post, sanction } from '../support/cases';
import { hireEmployee } from '../support/fixtures';
import { applyMigrations } from '../../src/platform/migrations';
import { createScratchDatabase, type ScratchDatabase } from '../support/databases';
import { type Stack, startStack } from '../support/stack';
import { testRun } from '../support/testRun';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

const get = (path: string, token: string) => stack.http.get(path).set('Authorization', `Bearer ${token}`);

describe('GET /api/cases', () => {
  it('filters by status, kind, category, severity, assigned role and department', async () => {
    const department = stack.unique('dept');
    const employeeId = await hireEmployee(stack, { department });
    const serious = await openCase(stack, { kind: 'inappropriate', category: 'harassment', severity: 'serious' }, { employeeId });
    const positive = await openCase(stack, { kind: 'positive', category: 'thought_leadership', severity: 'minor' }, { employeeId });
    const hr = await stack.tokenFor('hr-lister', 'hr');

    const all = await get(`/api/cases?department=${department}`, hr);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    expect(all.body.cases.map((c: { caseId: string }) => c.caseId).sort()).toEqual([serious.caseId, positive.caseId].sort());

    const committee = await get(
      `/api/cases?department=${department}&assignedRole=steering_committee&status=awaiting_decision&severity=serious`,
      hr,
    );
    expect(committee.body.cases.map((c: { caseId: string }) => c.caseId)).toEqual([serious.caseId]);
    const positives = await get(`/api/cases?department=${department}&kind=positive&category=thought_leadership`, hr);
    expect(positives.body.cases).toHaveLength(1);
    expect(positives.body.cases[0]).toMatchObject({
      caseId: positive.caseId,
      decidingRole: 'social_media_lead',
      employee: { id: employeeId },
    });

    const paged = await get(`/api/cases?department=${department}&limit=1&offset=1`, hr);
    expect([paged.body.total, paged.body.cases.length]).toEqual([2, 1]);

    const bad = await get('/api/cases?severity=huge&limit=0', hr);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['query.limit', 'query.severity']);
  });

  it('shows "mine": what waits on the caller, a manager seeing only their own reports', async () => {
    const minor = { kind: 'inappropriate', category: 'error_of_judgement', severity: 'minor' } as const;
    const mine = await openCase(stack, minor);
    const someoneElses = await openCase(stack, minor);
    const manager = await stack.tokenFor(mine.managerId!, 'manager');
    const listed = await get('/api/cases?mine=true&limit=200', manager);
    const ids = listed.body.cases.map((c: { caseId: string }) => c.caseId);
    expect(ids).toContain(mine.caseId);
    expect(ids).not.toContain(someoneElses.caseId);
  });

  it('is for case handlers only', async () => {
    expect((await get('/api/cases', await stack.tokenFor('e-1', 'employee'))).status).toBe(403);
    expect((await get('/api/cases', await stack.tokenFor('tool', 'detector'))).status).toBe(403);
  });
});

describe('the sanction matrix', () => {
  // Its own database: a new matrix version applies to every case opened afterwards.
  let isolated: Stack;
  let database: ScratchDatabase;
  beforeAll(async () => {
    database = await createScratchDatabase(testRun().databaseServer, 'matrix');
    await applyMigrations(database.url);
    isolated = await startStack({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await isolated.stop();
    await database.drop();
  });

  it('starts at version 1 with the defaults; a proposal approved by a second person adds a version new decisions are judged under', async () => {
    const stack = isolated;
    const hr = await stack.tokenFor('hr-matrix', 'hr');
    const admin = await stack.tokenFor('admin-matrix', 'admin');
    const chair = await stack.tokenFor('chair-matrix', 'steering_committee');
    const get = (path: string, token: string) => stack.http.get(path).set('Authorization', `Bearer ${token}`);
    const current = await get('/api/sanction-matrix', hr);
    expect(current.status).toBe(200);
    expect(current.body.version).toBe(1);
    const { version: _version, ...defaults } = DEFAULT_SANCTION_MATRIX;

    expect((await post(stack, '/api/sanction-matrix', hr, defaults)).status).toBe(403);
    const broken = structuredClone(defaults);
    broken.rules.harassment.minor = { min: 'termination', max: 'conversation' };
    const refused = await post(stack, '/api/sanction-matrix', admin, broken);
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0].path).toContain('rules.harassment.minor');

    const stricter = structuredClone(defaults);
    stricter.rules.harassment.minor = { min: 'written_warning', max: 'written_warning' };
    const proposed = await post(stack, '/api/sanction-matrix', admin, stricter);
    expect([proposed.status, proposed.body.status, proposed.body.proposedBy]).toEqual([202, 'pending', 'admin-matrix']);
    expect((await get('/api/sanction-matrix', hr)).body.version).toBe(1);
    const approval = `/api/sanction-matrix/proposals/${proposed.body.id}/approval`;
    const own = await post(stack, approval, admin, { approve: true, note: 'mine' });
    expect([own.status, own.body.error.code]).toEqual([403, 'four_eyes']);
    expect((await post(stack, approval, hr, { approve: true, note: 'not my role' })).status).toBe(403);
    const approved = await post(stack, approval, chair, { approve: true, note: 'Harassment is never minor for us.' });
    expect([approved.status, approved.body.status, approved.body.version, approved.body.decidedBy]).toEqual([
      200,
      'approved',
      2,
      'chair-matrix',
    ]);
    const again = await post(stack, approval, chair, { approve: true, note: 'twice' });
    expect([again.status, again.body.error.code]).toEqual([409, 'proposal_decided']);
    expect((await get('/api/sanction-matrix/versions/2', hr)).body).toMatchObject({
      createdBy: 'admin-matrix',
      approvedBy: 'chair-matrix',
    });
    expect((await get('/api/sanction-matrix/versions/1', hr)).body.rules).toEqual(defaults.rules);
    expect((await get('/api/sanction-matrix', hr)).body.rules.harassment.minor).toEqual(stricter.rules.harassment.minor);
    expect((await get('/api/sanction-matrix/versions/9', hr)).status).toBe(404);

    const { caseId, managerId } = await openCase(stack, { kind: 'inappropriate', category: 'harassment', severity: 'minor' });
    const manager = await stack.tokenFor(managerId!, 'manager');
    const tooMild = await post(stack, `/api/cases/${caseId}/decision`, manager, sanction('mandatory_training'));
    expect([tooMild.status, tooMild.body.error.code]).toEqual([422, 'disproportionate']);
    expect((await post(stack, `/api/cases/${caseId}/decision`, manager, sanction('written_warning'))).status).toBe(200);
    await stack.temporal.workflow.getHandle(caseId).result();
    expect((await stack.db.case.findUniqueOrThrow({ where: { id: caseId } })).matrixVersion).toBe(2);
    expect((await stack.db.sanction.findUniqueOrThrow({ where: { caseId } })).matrixVersion).toBe(2);
  });
});
