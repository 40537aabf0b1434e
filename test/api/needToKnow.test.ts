import { caseReviewId } from '../../src/domain/policyReview';
import { openCase, post, sanction } from '../support/cases';
import { eventually, hireEmployee } from '../support/fixtures';
import { type Stack, startStack } from '../support/stack';

/** Need-to-know through the real app, worker and database: reads, lists, precedents, inboxes, employee records. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

const MINOR = { kind: 'inappropriate', category: 'error_of_judgement', severity: 'minor' } as const;
const SERIOUS = { kind: 'inappropriate', category: 'customer_data_disclosure', severity: 'serious' } as const;
const get = (path: string, token: string) => stack.http.get(path).set('Authorization', `Bearer ${token}`);

describe('a case someone may not see', () => {
  let minor: { caseId: string; employeeId: string; managerId: string | null };
  let serious: { caseId: string };
  let tokens: Record<string, string>;
  beforeAll(async () => {
    minor = await openCase(stack, MINOR);
    serious = await openCase(stack, SERIOUS, { employeeId: minor.employeeId });
    const otherManager = await hireEmployee(stack);
    await hireEmployee(stack, { managerId: otherManager });
    tokens = {
      ownManager: await stack.tokenFor(minor.managerId!, 'manager'),
      otherManager: await stack.tokenFor(otherManager, 'manager'),
      lead: await stack.tokenFor('lead-ntk', 'social_media_lead'),
      comms: await stack.tokenFor('comms-ntk', 'communications'),
      committee: await stack.tokenFor('committee-ntk', 'steering_committee'),
      hr: await stack.tokenFor('hr-ntk', 'hr'),
      admin: await stack.tokenFor('admin-ntk', 'admin'),
      detector: await stack.tokenFor('listening-tool', 'detector'),
      employee: await stack.tokenFor(minor.employeeId, 'employee'),
      colleague: await stack.tokenFor('colleague-ntk', 'employee'),
    };
  });

  it('is 404 to a manager who is not the employee’s, to a colleague, and for every action on it', async () => {
    for (const who of ['otherManager', 'colleague'] as const) {
      const response = await get(`/api/cases/${minor.caseId}`, tokens[who]);
      expect([who, response.status, response.body.error.message]).toEqual([who, 404, `Case ${minor.caseId} not found`]);
      // The same answer as for a case that does not exist.
      expect((await get('/api/cases/case-that-does-not-exist', tokens[who])).body.error.code).toBe('not_found');
    }
    expect((await get(`/api/cases/${minor.caseId}/precedents`, tokens.otherManager)).status).toBe(404);
    expect((await get(`/api/cases/${minor.caseId}/explanation`, tokens.otherManager)).status).toBe(404);
    const decided = await post(stack, `/api/cases/${minor.caseId}/decision`, tokens.otherManager, sanction('conversation'));
    expect(decided.status).toBe(404);
    expect((await get(`/api/cases/${minor.caseId}`, tokens.ownManager)).status).toBe(200);
  });

  it('shows each role what its job needs', async () => {
    const view = async (who: string, caseId = minor.caseId) => (await get(`/api/cases/${caseId}`, tokens[who])).body;
    const full = await view('ownManager');
    expect(full.employee.id).toBe(minor.employeeId);
    expect(full.timeline.map((e: { action: string }) => e.action)).toContain('case_opened');
    expect(full.activity.content).toBe('excerpt of the post');

    for (const who of ['lead', 'comms']) {
      const partial = await view(who, serious.caseId);
      expect([who, partial.employee, partial.decisions, partial.timeline, partial.sanction]).toEqual([who, null, [], [], null]);
      expect([who, partial.activity.url, partial.status, partial.visible.sort()]).toEqual([
        who,
        'https://x.example/p/8812',
        'awaiting_decision',
        ['content', 'explanation', 'opportunity', 'summary'],
      ]);
    }
    for (const who of ['committee', 'hr']) expect([who, (await view(who, serious.caseId)).employee.id]).toEqual([who, minor.employeeId]);

    const own = await view('employee');
    expect([own.employee.id, own.activity.content, own.timeline, own.decisions]).toEqual([minor.employeeId, 'excerpt of the post', [], []]);

    for (const who of ['admin', 'detector'])
      expect([who, (await get(`/api/cases/${minor.caseId}`, tokens[who])).status]).toEqual([who, 403]);
  });

  it('never lists or counts another manager’s cases, and names the employee only to those who may know', async () => {
    const list = async (who: string, query = '') =>
      (await get(`/api/cases?department=sales&limit=200${query}`, tokens[who])).body as {
        total: number;
        cases: { caseId: string; employee: { id: string } | null }[];
      };
    const other = await list('otherManager');
    expect(other.cases.map((c) => c.caseId)).not.toContain(minor.caseId);
    expect(other.total).toBe(0);
    const mine = await list('ownManager');
    expect(mine.cases.map((c) => c.caseId).sort()).toEqual([minor.caseId, serious.caseId].sort());
    expect(mine.total).toBe(2);

    const byLead = (await list('lead')).cases.find((c) => c.caseId === serious.caseId);
    expect(byLead).toMatchObject({ caseId: serious.caseId, employee: null });
    const byCommittee = (await list('committee')).cases.find((c) => c.caseId === serious.caseId);
    expect(byCommittee?.employee?.id).toBe(minor.employeeId);
    expect((await get('/api/cases', tokens.admin)).status).toBe(403);
  });

  it('keeps employee records for HR and the deciders of the employee’s cases', async () => {
    const read = async (who: string) => (await get(`/api/employees/${minor.employeeId}`, tokens[who])).status;
    expect(await read('hr')).toBe(200);
    expect(await read('ownManager')).toBe(200);
    expect(await read('committee')).toBe(200); // the serious case is routed to the committee
    expect(await read('otherManager')).toBe(404);
    expect(await read('lead')).toBe(200); // the lead may decide the manager's minor case
    expect(await read('comms')).toBe(403);
    expect(await read('admin')).toBe(403);
  });

  it("leaves other managers' cases out of an inbox", async () => {
    const inbox = async (who: string) =>
      ((await get('/api/me/notifications?limit=200', tokens[who])).body.notifications as { caseId: string | null }[]).map((n) => n.caseId);
    await post(stack, `/api/cases/${minor.caseId}/decision`, tokens.ownManager, sanction('conversation'));
    await eventually(async () => ((await inbox('employee')).includes(minor.caseId) ? true : undefined));
    expect(await inbox('otherManager')).not.toContain(minor.caseId);
    expect(await inbox('ownManager')).toContain(minor.caseId);
  });
});

it('gives a manager precedents without naming the cases they come from', async () => {
  const first = await openCase(stack, MINOR);
  const manager = await stack.tokenFor(first.managerId!, 'manager');
  expect((await post(stack, `/api/cases/${first.caseId}/decision`, manager, sanction('conversation'))).status).toBe(200);
  await stack.temporal.workflow.getHandle(first.caseId).result();
  const second = await openCase(stack, MINOR);
  const secondManager = await stack.tokenFor(second.managerId!, 'manager');
  const forManager = await get(`/api/cases/${second.caseId}/precedents`, secondManager);
  expect(forManager.status).toBe(200);
  expect(forManager.body.precedents.length).toBeGreaterThan(0);
  expect(JSON.stringify(forManager.body)).not.toContain(first.caseId);
  const forCommittee = await get(`/api/cases/${second.caseId}/precedents`, await stack.tokenFor('committee-p', 'steering_committee'));
  expect(forCommittee.body.precedents.map((p: { caseId: string }) => p.caseId)).toContain(first.caseId);
});

it("keeps the decider's rationale in a policy review's lessons for the committee and HR", async () => {
  const { caseId, managerId } = await openCase(stack, MINOR);
  const manager = await stack.tokenFor(managerId!, 'manager');
  const rationale = `Robin Quennell apologised to the team ${stack.unique('r')}`;
  expect((await post(stack, `/api/cases/${caseId}/decision`, manager, sanction('conversation', { rationale }))).status).toBe(200);
  const reviewId = caseReviewId(caseId);
  const lessonsFor = async (token: string) =>
    eventually(async () => {
      const response = await get(`/api/policy-reviews/${reviewId}`, token);
      return response.status === 200 && response.body.lessons.length > 0 ? response.body.lessons : undefined;
    });
  const [forLead] = await lessonsFor(await stack.tokenFor('lead-review-ntk', 'social_media_lead'));
  expect(forLead).toMatchObject({ caseId, decision: { outcome: 'sanction', sanction: 'conversation', rationale: null } });
  expect(JSON.stringify(forLead)).not.toContain('Robin');
  const [forCommittee] = await lessonsFor(await stack.tokenFor('committee-review-ntk', 'steering_committee'));
  expect(forCommittee.decision.rationale).toBe(rationale);
});

describe('accountable intake', () => {
  it('is for detectors and hr, recorded as the token’s subject', async () => {
    const employeeId = await hireEmployee(stack);
    const body = (sourceRef: string) => ({
      source: 'listening-tool',
      sourceRef,
      employeeId,
      platform: 'x',
      url: 'https://x.example/p/1',
      content: 'a post',
      siteControlledByCompany: false,
      detectedAt: '2026-11-20T09:12:00Z',
      reach: 10,
      assessment: MINOR,
    });
    for (const role of ['manager', 'social_media_lead', 'steering_committee', 'communications', 'admin', 'employee'] as const) {
      const response = await post(stack, '/api/activities', await stack.tokenFor(`someone-${role}`, role), body(stack.unique('p')));
      expect([role, response.status]).toEqual([role, 403]);
    }
    const reported = await post(stack, '/api/activities', await stack.tokenFor('hr-reporter', 'hr'), body(stack.unique('p')));
    expect(reported.status).toBe(202);
    const detected = await post(stack, '/api/activities', await stack.tokenFor('tool-7', 'detector'), body(stack.unique('p')));
    expect(detected.status).toBe(202);
    const openedBy = async (caseId: string) =>
      eventually(async () => (await stack.db.auditEvent.findFirst({ where: { caseId, action: 'case_opened' } }))?.actor);
    expect(await openedBy(reported.body.caseId)).toBe('hr:hr-reporter');
    expect(await openedBy(detected.body.caseId)).toBe('detector:tool-7');
  });
});
