import { applyMigrations } from '../../src/platform/migrations';
import { PAGE_CONTENT_SECURITY_POLICY } from '../../src/api/routes/page';
import { openCase, post, sanction } from '../support/cases';
import { createScratchDatabase, type ScratchDatabase } from '../support/databases';
import { eventually, hireEmployee } from '../support/fixtures';
import { type Stack, startStack } from '../support/stack';
import { testRun } from '../support/testRun';

// The API the workspace page reads: my work, the consistency report, exports, the anonymisation check,
// sign-in. A database of its own, so that report figures are this file's.
let database: ScratchDatabase;
let stack: Stack;
let timed: Stack;

const SECOND = 1000;

beforeAll(async () => {
  database = await createScratchDatabase(testRun().databaseServer, 'workspace');
  await applyMigrations(database.url);
  stack = await startStack({ databaseUrl: database.url, explanations: true, page: { js: 'console.log("page")', css: 'body{}' } });
  // Deadlines short enough to be missed during a test, on a worker of their own (same database).
  timed = await startStack({ databaseUrl: database.url, caseTiming: { decisionReminderMs: SECOND, decisionDeadlineMs: 2 * SECOND } });
});
afterAll(async () => {
  await timed.stop();
  await stack.stop();
  await database.drop();
});

const get = async (path: string, ...roles: Parameters<Stack['tokenFor']>[1][]) =>
  stack.http.get(path).set('Authorization', `Bearer ${await stack.tokenFor(stack.unique('someone'), ...roles)}`);

describe('GET /api/me/work', () => {
  it('lists what waits on the caller, oldest first, each with its due date, and marks those past it', async () => {
    const committee = stack.unique('committee');
    const token = await stack.tokenFor(committee, 'steering_committee');
    const older = await openCase(timed, { kind: 'inappropriate', category: 'harassment', severity: 'serious' });
    const newer = await openCase(timed, { kind: 'inappropriate', category: 'harassment', severity: 'critical' });
    const opened = await stack.db.case.findUniqueOrThrow({ where: { id: older.caseId } });

    const soon = await stack.http.get('/api/me/work').set('Authorization', `Bearer ${token}`);
    expect(soon.status).toBe(200);
    const items = soon.body.items.filter((item: { subject: { id: string } }) => [older.caseId, newer.caseId].includes(item.subject.id));
    expect(items.map((item: { subject: { id: string } }) => item.subject.id)).toEqual([older.caseId, newer.caseId]);
    expect(items[0]).toMatchObject({ kind: 'decision', subject: { type: 'case' }, about: 'inappropriate: harassment (serious)' });
    const openedEvent = await stack.db.auditEvent.findFirstOrThrow({ where: { caseId: older.caseId, action: 'case_opened' } });
    expect(items[0].since).toBe(openedEvent.at.toISOString());
    expect(Date.parse(items[0].dueAt) - openedEvent.at.getTime()).toBe(2 * SECOND);
    expect(opened.timing).toMatchObject({ decisionDeadlineMs: 2 * SECOND });

    await new Promise((resolve) => setTimeout(resolve, 2.5 * SECOND));
    const later = await stack.http.get('/api/me/work').set('Authorization', `Bearer ${token}`);
    const overdue = later.body.items.find((item: { subject: { id: string } }) => item.subject.id === older.caseId);
    expect(overdue.overdue).toBe(true);

    // A manager of nobody concerned has nothing of it.
    const stranger = await get('/api/me/work', 'manager');
    expect(stranger.body.items.map((item: { subject: { id: string } }) => item.subject.id)).not.toContain(older.caseId);
  });

  it('gives an approver the sanctions awaiting their approval, and not the decider', async () => {
    const { caseId } = await openCase(stack, { kind: 'inappropriate', category: 'customer_data_disclosure', severity: 'serious' });
    const decider = stack.unique('committee');
    const decided = await post(
      stack,
      `/api/cases/${caseId}/decision`,
      await stack.tokenFor(decider, 'steering_committee'),
      sanction('suspension'),
    );
    expect(decided.status).toBe(200);
    const kindsFor = async (sub: string) => {
      const response = await stack.http
        .get('/api/me/work')
        .set('Authorization', `Bearer ${await stack.tokenFor(sub, 'steering_committee')}`);
      return response.body.items
        .filter((item: { subject: { id: string } }) => item.subject.id === caseId)
        .map((item: { kind: string }) => item.kind);
    };
    // The case's record follows its workflow a moment after the decision.
    const approver = stack.unique('hr-or-committee');
    await eventually(async () => ((await kindsFor(approver)).includes('approval') ? true : undefined), 10_000, 'the approval');
    expect(await kindsFor(approver)).toEqual(['approval']);
    expect(await kindsFor(decider)).toEqual([]);
  });
  it('gives communications the lesson to review and the social-media lead the removal request to report on', async () => {
    const { caseId } = await openCase(stack, { kind: 'inappropriate', category: 'intellectual_property_disclosure', severity: 'serious' });
    const committee = await stack.tokenFor(stack.unique('committee'), 'steering_committee');
    const request = sanction('written_warning', {
      content: { action: 'request_removal', rationale: 'The platform takes down leaked designs.' },
    });
    expect((await post(stack, `/api/cases/${caseId}/decision`, committee, request)).status).toBe(200);
    const kindsFor = async (...roles: Parameters<Stack['tokenFor']>[1][]) => {
      const response = await get('/api/me/work', ...roles);
      return response.body.items
        .filter((item: { subject: { id: string } }) => item.subject.id === caseId)
        .map((item: { kind: string }) => item.kind);
    };
    await eventually(
      async () => ((await kindsFor('social_media_lead')).includes('removal_report') ? true : undefined),
      15_000,
      'the removal request',
    );
    // Once the platform removed it, the case writes its lesson.
    const lead = await stack.tokenFor('lead-1', 'social_media_lead');
    expect((await post(stack, `/api/cases/${caseId}/content-status`, lead, { status: 'removed', note: 'Gone.' })).status).toBe(200);
    const explained = await eventually(
      async () => ((await kindsFor('communications')).includes('explanation_review') ? true : undefined),
      15_000,
      'the lesson',
    );
    expect(explained).toBe(true);
    expect(await kindsFor('manager')).toEqual([]);
  });
});

describe('GET /api/reports/consistency', () => {
  it('counts the decisions in force by act, department and deciding role, with the departures from precedent and their justification', async () => {
    const since = new Date().toISOString();
    const managerId = await hireEmployee(stack);
    const act = { kind: 'inappropriate', category: 'disparaging_employer', severity: 'minor' } as const;
    const managerToken = await stack.tokenFor(managerId, 'manager');
    const first = await openCase(stack, act, { employeeId: await hireEmployee(stack, { managerId, department: 'retail' }) });
    expect((await post(stack, `/api/cases/${first.caseId}/decision`, managerToken, sanction('conversation'))).status).toBe(200);
    const second = await openCase(stack, act, { employeeId: await hireEmployee(stack, { managerId, department: 'retail' }) });
    const justification = 'The post was shared with customers after a warning.';
    const departing = await post(
      stack,
      `/api/cases/${second.caseId}/decision`,
      managerToken,
      sanction('mandatory_training', { justification }),
    );
    expect(departing.status).toBe(200);

    const committee = await stack.tokenFor(stack.unique('committee'), 'steering_committee');
    const report = await eventually(
      async () => {
        const response = await stack.http.get(`/api/reports/consistency?from=${since}`).set('Authorization', `Bearer ${committee}`);
        expect(response.status).toBe(200);
        return response.body.decisions === 2 ? response.body : undefined;
      },
      10_000,
      'both decisions on record',
    );
    expect(report.sanctions.byAct).toContainEqual({
      key: 'disparaging_employer/minor',
      category: 'disparaging_employer',
      severity: 'minor',
      count: 2,
      bySanction: [
        { key: 'conversation', count: 1 },
        { key: 'mandatory_training', count: 1 },
      ],
    });
    expect(report.sanctions.byDepartment).toContainEqual({ key: 'retail', count: 2, bySanction: expect.any(Array) });
    expect(report.sanctions.byDecidingRole.find((role: { key: string }) => role.key === 'manager').count).toBe(2);
    expect(report.deviations).toEqual([expect.objectContaining({ caseId: second.caseId, sanction: 'mandatory_training', justification })]);
    expect(report.timeToDecision.byDecidingRole.find((role: { key: string }) => role.key === 'manager').decisions).toBe(2);

    const csv = await stack.http.get(`/api/reports/consistency.csv?from=${since}`).set('Authorization', `Bearer ${committee}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe('section,key,detail,value');
    expect(csv.text).toContain('sanctions_by_act,disparaging_employer/minor,mandatory_training,1');
    expect(csv.text).toContain(`deviation,${second.caseId},disparaging_employer/minor mandatory_training by manager,${justification}`);
  });

  it('counts escalations and the decisions now overdue', async () => {
    const since = new Date().toISOString();
    const { caseId } = await openCase(timed, { kind: 'inappropriate', category: 'harassment', severity: 'moderate' });
    await eventually(
      async () => ((await stack.db.auditEvent.count({ where: { caseId, action: 'escalated' } })) > 0 ? true : undefined),
      15_000,
      'an escalation',
    );
    const response = await get(`/api/reports/consistency?from=${since}`, 'hr');
    expect(response.body.escalations.byStep).toContainEqual({ key: 'social_media_lead>steering_committee', count: 1 });
    await eventually(
      async () => {
        const report = (await get(`/api/reports/consistency?from=${since}`, 'hr')).body;
        return report.overdue.cases.some((item: { caseId: string }) => item.caseId === caseId) ? true : undefined;
      },
      15_000,
      'the escalated case to be overdue at the committee',
    );
  });

  it('refuses a period that ends before it starts, naming the field, and callers who do not watch consistency', async () => {
    const backwards = await get('/api/reports/consistency?from=2026-12-01&to=2026-11-01', 'steering_committee');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields).toEqual([{ path: 'query.from', message: 'must be before to' }]);
    const bad = await get('/api/reports/consistency?from=yesterday', 'steering_committee');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('query.from');
    expect((await get('/api/reports/consistency', 'manager')).status).toBe(403);
  });
});

describe('exports', () => {
  it('lists cases as CSV with the same filters as GET /api/cases, and exports a case file as PDF', async () => {
    const department = stack.unique('dept');
    const { caseId, employeeId } = await openCase(
      stack,
      { kind: 'positive', category: 'viral_content', severity: 'minor' },
      { employeeId: await hireEmployee(stack, { department }) },
    );
    const csv = await get(`/api/exports/cases.csv?department=${department}`, 'hr');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toContain('cases.csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('case_id,status,kind,category,severity,deciding_role,department,employee_id,employee_name,opened_at,closed_at');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${caseId},awaiting_decision,positive,viral_content,minor,social_media_lead,${department},${employeeId},`);

    const pdf = await stack.http
      .get(`/api/cases/${caseId}/export.pdf`)
      .set('Authorization', `Bearer ${await stack.tokenFor('hr-1', 'hr')}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get('/api/cases/case-unknown/export.pdf', 'hr')).status).toBe(404);
    // Need-to-know: to an employee it is not about, the case does not exist.
    expect((await get(`/api/cases/${caseId}/export.pdf`, 'employee')).status).toBe(404);
  });
});

describe('exports and need-to-know', () => {
  it('leaves out whose a case is for those who may not know, and lists an employee’s cases only to those who may read the employee', async () => {
    const department = stack.unique('dept');
    const employeeId = await hireEmployee(stack, { department });
    const { caseId } = await openCase(stack, { kind: 'inappropriate', category: 'harassment', severity: 'moderate' }, { employeeId });
    const rows = async (path: string, ...roles: Parameters<Stack['tokenFor']>[1][]) =>
      (await get(path, ...roles)).text.trim().split('\r\n');
    const [, asHr] = await rows(`/api/exports/cases.csv?department=${department}`, 'hr');
    expect(asHr).toContain(`,${employeeId},`);
    const [, asCommunications] = await rows(`/api/exports/cases.csv?department=${department}`, 'communications');
    expect(asCommunications).toContain(caseId);
    expect(asCommunications).not.toContain(employeeId);
    expect(asCommunications).toMatch(/,,,[^,]+,$/);

    expect((await get(`/api/cases?employeeId=${employeeId}`, 'hr')).body.cases.map((c: { caseId: string }) => c.caseId)).toEqual([caseId]);
    // Communications never read employee records (403); a manager of someone else finds no such employee (404).
    expect((await get(`/api/cases?employeeId=${employeeId}`, 'communications')).status).toBe(403);
    expect((await get(`/api/exports/cases.csv?employeeId=${employeeId}`, 'communications')).status).toBe(403);
    expect((await get(`/api/cases?employeeId=${employeeId}`, 'manager')).status).toBe(404);
  });
});

describe('POST /api/cases/:caseId/explanation/check', () => {
  it('finds what still identifies the employee, with where it stands, without changing the case', async () => {
    const employeeId = await hireEmployee(stack, { name: 'Søren Kierkegaard' });
    const { caseId } = await openCase(stack, { kind: 'inappropriate', category: 'error_of_judgement', severity: 'minor' }, { employeeId });
    const title = 'A lesson';
    const text = `An employee, SOREN, posted it from ${employeeId}@example.test.`;
    const response = await stack.http
      .post(`/api/cases/${caseId}/explanation/check`)
      .set('Authorization', `Bearer ${await stack.tokenFor('comms', 'communications')}`)
      .send({ title, parts: [{ key: 'what_happened', heading: 'What the employee did', text }] });
    expect(response.status).toBe(200);
    expect(response.body.clean).toBe(false);
    const name = response.body.findings.find((finding: { kind: string }) => finding.kind === 'name');
    expect(name).toEqual({
      field: 'parts.0.text',
      key: 'what_happened',
      kind: 'name',
      found: 'SOREN',
      start: text.indexOf('SOREN'),
      end: text.indexOf('SOREN') + 5,
    });
    expect(response.body.findings.map((finding: { kind: string }) => finding.kind)).toContain('email');

    const clean = await stack.http
      .post(`/api/cases/${caseId}/explanation/check`)
      .set('Authorization', `Bearer ${await stack.tokenFor('comms', 'communications')}`)
      .send({ title, parts: [{ key: 'what_happened', heading: 'What the employee did', text: 'An employee posted it.' }] });
    expect(clean.body).toEqual({ clean: true, findings: [] });

    const invalid = await stack.http
      .post(`/api/cases/${caseId}/explanation/check`)
      .set('Authorization', `Bearer ${await stack.tokenFor('comms', 'communications')}`)
      .send({ title });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.fields[0].path).toBe('parts');
  });
});

describe('the page and its sign-in', () => {
  it('serves the page under a strict Content-Security-Policy, with its own script and style sheet', async () => {
    const page = await stack.http.get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(PAGE_CONTENT_SECURITY_POLICY);
    expect(page.text).toContain('<script src="/assets/app.js" defer></script>');
    expect(page.text).not.toMatch(/<script>|\son[a-z]+=|\sstyle=/);
    expect((await stack.http.get('/assets/app.js')).text).toBe('console.log("page")');
    expect((await stack.http.get('/assets/app.css')).headers['content-type']).toMatch(/^text\/css/);
  });

  it('mints no token unless the API runs for the local runner', async () => {
    expect((await stack.http.get('/auth/methods')).body).toEqual({ bearer: true, local: false });
    expect((await stack.http.post('/auth/local-token').send({ sub: 'admin', roles: ['admin'] })).status).toBe(404);

    const local = await startStack({ worker: false, localSignIn: true });
    try {
      expect((await local.http.get('/auth/methods')).body).toEqual({ bearer: true, local: true });
      const minted = await local.http.post('/auth/local-token').send({ sub: 'e-7', roles: ['employee'] });
      expect(minted.status).toBe(201);
      const mine = await local.http.get('/api/me/work').set('Authorization', `Bearer ${minted.body.token}`);
      expect(mine.status).toBe(200);
      const invalid = await local.http.post('/auth/local-token').send({ sub: 'e-7', roles: ['emperor'] });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.fields[0].path).toBe('roles.0');
    } finally {
      await local.stop();
    }
  });

  it('answers every request with its request id, keeping a caller’s own', async () => {
    const own = await stack.http.get('/healthz').set('X-Request-Id', 'trace-12345678');
    expect(own.headers['x-request-id']).toBe('trace-12345678');
    const fresh = await stack.http.get('/healthz').set('X-Request-Id', 'not a safe id!');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
