import { WorkflowNotFoundError } from '@temporalio/client';
import { caseIdFor } from '../../src/api/caseIdentity';
import { intakeUpdateId, openCase } from '../../src/api/services/caseIntake';
import type { DetectedActivityInput } from '../../src/domain/schemas/intake';
import { intakeUpdate } from '../../src/workflows/caseMessages';
import { acceptedUpdates, openCase as openTestCase, post as postAs, sanction } from '../support/cases';
import { detection, eventually, hireEmployee } from '../support/fixtures';
import { type Stack, startStack } from '../support/stack';
import { runsOf } from '../support/workflowRuns';

let stack: Stack;
let detector: string;
let committee: string;

beforeAll(async () => {
  stack = await startStack();
  detector = await stack.tokenFor('listening-tool', 'detector');
  committee = await stack.tokenFor('committee-member', 'steering_committee');
});
afterAll(() => stack.stop());

// Sanctions decided in the shared database become precedents for other files' cases: decisions here dismiss.
const DISMISSAL = { outcome: 'dismiss', rationale: 'Not significant.' };

const post = (body: unknown, token = detector) =>
  stack.http
    .post('/api/activities')
    .set('Authorization', `Bearer ${token}`)
    .send(body as object);

async function workflowExists(caseId: string): Promise<boolean> {
  try {
    await stack.temporal.workflow.getHandle(caseId).describe();
    return true;
  } catch {
    return false;
  }
}

describe('POST /api/activities', () => {
  it('opens a case: workflow started, case recorded, live state and timeline readable', async () => {
    const employeeId = await hireEmployee(stack, { department: 'retail-banking' });
    const body = detection(stack, employeeId);

    const created = await post(body);
    expect(created.status).toBe(202);
    expect(created.body.caseId).toBe(caseIdFor(body.source, body.sourceRef));
    const { caseId } = created.body;

    const view = await eventually(
      async () => {
        const response = await stack.http.get(`/api/cases/${caseId}`).set('Authorization', `Bearer ${committee}`);
        return response.status === 200 && response.body.timeline.length > 0 ? response.body : undefined;
      },
      15_000,
      'the case record',
    );
    expect(view).toMatchObject({
      caseId,
      status: 'awaiting_decision',
      decidingRole: 'steering_committee',
      department: 'retail-banking',
      assessment: body.assessment,
      workflow: { running: true },
      employee: { id: employeeId },
      activity: { source: body.source, sourceRef: body.sourceRef, url: body.url, reach: body.reach },
    });
    expect(view.timeline.map((event: { action: string }) => event.action)).toEqual(['case_opened']);

    const record = await stack.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(record).toMatchObject({ employeeId, status: 'awaiting_decision', category: 'customer_data_disclosure' });

    const description = await stack.temporal.workflow.getHandle(caseId).describe();
    const attributes = Object.fromEntries(description.typedSearchAttributes.getAll().map((pair) => [pair.key.name, pair.value]));
    expect(attributes).toMatchObject({
      CaseKind: 'inappropriate',
      CaseCategory: 'customer_data_disclosure',
      CaseSeverity: 'serious',
      CaseStatus: 'awaiting_decision',
      DecidingRole: 'steering_committee',
      Department: 'retail-banking',
    });
  });

  it('answers 200 with the same case when the same detection is sent again, and opens no second case', async () => {
    const employeeId = await hireEmployee(stack);
    const body = detection(stack, employeeId);
    const first = await post(body);
    const again = await post({ ...body, reach: 9999 });
    expect(first.status).toBe(202);
    expect(again.status).toBe(200);
    expect(again.body.caseId).toBe(first.body.caseId);
    await eventually(async () => ((await stack.db.case.count({ where: { employeeId } })) === 1 ? true : undefined));
    expect(await stack.db.detectedActivity.count({ where: { sourceRef: body.sourceRef } })).toBe(1);
  });

  it('answers 202 only once the case can be decided: a decision sent at once is accepted', async () => {
    for (let i = 0; i < 5; i += 1) {
      const employeeId = await hireEmployee(stack);
      const created = await post(detection(stack, employeeId));
      expect(created.status).toBe(202);
      const decided = await postAs(stack, `/api/cases/${created.body.caseId}/decision`, committee, DISMISSAL);
      expect([decided.status, decided.body.error?.code]).toEqual([200, undefined]);
      // A small receipt, not the case's whole state.
      const { caseId } = created.body;
      expect(decided.body).toEqual({ caseId, status: 'carrying_out', decisionId: `${caseId}-d1`, content: null, explanation: null });
    }
  });

  it('answers a detection re-sent after Temporal forgot its closed case from the database: no second run', async () => {
    const employeeId = await hireEmployee(stack);
    const body = detection(stack, employeeId, { assessment: { kind: 'inappropriate', category: 'error_of_judgement', severity: 'minor' } });
    const { caseId } = (await post(body)).body;
    const manager = await stack.tokenFor('a-manager', 'steering_committee');
    expect((await postAs(stack, `/api/cases/${caseId}/decision`, manager, DISMISSAL)).status).toBe(200);
    await stack.temporal.workflow.getHandle(caseId).result();
    // What Temporal's retention does to a closed workflow, at once.
    const { runId } = await stack.temporal.workflow.getHandle(caseId).describe();
    await stack.temporal.workflowService.deleteWorkflowExecution({
      namespace: 'default',
      workflowExecution: { workflowId: caseId, runId },
    });
    await eventually(() => workflowExists(caseId).then((exists) => (exists ? undefined : true)), 40_000, 'the deletion');

    const again = await post(body);
    expect([again.status, again.body]).toEqual([200, { caseId }]);
    await expect(stack.temporal.workflow.getHandle(caseId).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    expect(await stack.db.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true } })).toEqual({ status: 'closed' });
  });

  it('answers a request that names itself by the same intake Update when it is sent again', async () => {
    const employeeId = await hireEmployee(stack);
    const input = detection(stack, employeeId) as DetectedActivityInput;
    const request = { requestId: stack.unique('request') };
    const reporter = { sub: 'listening-tool', name: 'Listening tool', roles: ['detector' as const] };
    const opened = await openCase(stack.context, input, reporter, request);
    expect(opened).toEqual({ caseId: caseIdFor(input.source, input.sourceRef), created: true });
    const handle = stack.temporal.workflow.getHandle(opened.caseId);
    // The same Update id is answered from the first one's outcome: no new Update enters history.
    expect(await handle.executeUpdate(intakeUpdate, { updateId: intakeUpdateId(request) })).toMatchObject({ created: true });
    const history = await handle.fetchHistory();
    const intakes = (history.events ?? []).filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes);
    expect(intakes.map((event) => event.workflowExecutionUpdateAcceptedEventAttributes?.protocolInstanceId)).toEqual([
      intakeUpdateId(request),
    ]);
  });

  it.each([
    ['an unknown employee', { employeeId: 'nobody-here' }, 'employeeId'],
    ['a bad severity', { assessment: { kind: 'inappropriate', category: 'harassment', severity: 'huge' } }, 'assessment.severity'],
    [
      'a category of the other kind',
      { assessment: { kind: 'positive', category: 'harassment', severity: 'minor' } },
      'assessment.category',
    ],
    ['a URL that is not http(s)', { url: 'javascript:alert(1)' }, 'url'],
    ['a negative reach', { reach: -1 }, 'reach'],
    ['a date that is not ISO 8601', { detectedAt: 'yesterday' }, 'detectedAt'],
    ['an unexpected field', { extra: true }, '(body)'],
  ])('refuses %s with 400 naming the field, and opens no case', async (_label, change, field) => {
    const employeeId = await hireEmployee(stack);
    const body = { ...detection(stack, employeeId), ...change };
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_input');
    expect(response.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await workflowExists(caseIdFor(body.source, body.sourceRef))).toBe(false);
    expect(await stack.db.detectedActivity.count({ where: { sourceRef: body.sourceRef } })).toBe(0);
  });

  it('refuses a missing field with 400 naming it', async () => {
    const employeeId = await hireEmployee(stack);
    const { sourceRef: _omitted, ...body } = detection(stack, employeeId);
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toContainEqual({ path: 'sourceRef', message: 'is required' });
  });

  it('needs a bearer token (401) of a role that may report activity (403)', async () => {
    const employeeId = await hireEmployee(stack);
    expect((await stack.http.post('/api/activities').send(detection(stack, employeeId))).status).toBe(401);
    expect((await post(detection(stack, employeeId), 'not-a-jwt')).status).toBe(401);
    const employee = await stack.tokenFor(employeeId, 'employee');
    const forbidden = await post(detection(stack, employeeId), employee);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');
  });
});

const countBy = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((counts, s) => ({ ...counts, [s]: (counts[s] ?? 0) + 1 }), {});

describe('at the same time', () => {
  it('100 posts of one detection open one case: one 202, 99 × 200 with its id, one run, decidable', async () => {
    const employeeId = await hireEmployee(stack);
    const body = detection(stack, employeeId);
    const responses = await Promise.all(Array.from({ length: 100 }, () => post(body)));
    expect(countBy(responses.map((r) => r.status))).toEqual({ 202: 1, 200: 99 });
    const caseIds = new Set(responses.map((r) => r.body.caseId));
    expect(caseIds.size).toBe(1);
    const [caseId] = caseIds;

    expect(await stack.db.case.count({ where: { employeeId } })).toBe(1);
    expect(await stack.db.detectedActivity.count({ where: { sourceRef: body.sourceRef } })).toBe(1);
    expect(await stack.db.auditEvent.count({ where: { caseId, action: 'case_opened' } })).toBe(1);
    expect(await runsOf(stack, caseId)).toHaveLength(1);
    expect((await postAs(stack, `/api/cases/${caseId}/decision`, committee, DISMISSAL)).status).toBe(200);
  });

  it('20 decisions on one case: one accepted, 19 clear 409s, one decision on record', async () => {
    const { caseId } = await openTestCase(stack, { kind: 'inappropriate', category: 'harassment', severity: 'critical' });
    const deciders = await Promise.all(Array.from({ length: 20 }, (_, i) => stack.tokenFor(`committee-${i}`, 'steering_committee')));
    const responses = await Promise.all(
      // Pending approval: never a precedent binding other files' cases; justified, so none binds it.
      deciders.map((token) =>
        postAs(stack, `/api/cases/${caseId}/decision`, token, sanction('suspension', { justification: 'Tested at once.' })),
      ),
    );
    expect(countBy(responses.map((r) => r.status))).toEqual({ 200: 1, 409: 19 });
    const refusals = responses.filter((r) => r.status === 409).map((r) => r.body.error);
    expect(new Set(refusals.map((error) => error.code))).toEqual(new Set(['already_decided']));
    expect(refusals.every((error) => error.message === 'This case has already been decided.')).toBe(true);
    const accepted = responses.find((r) => r.status === 200)!;
    expect(accepted.body).toMatchObject({ caseId, status: 'awaiting_approval', decisionId: `${caseId}-d1` });
    expect(await acceptedUpdates(stack, caseId)).toBe(1);
    expect(await stack.db.decision.count({ where: { caseId } })).toBe(1);
  });

  it('64 intakes of different detections all succeed, and each case can be decided at once', async () => {
    const employees = await Promise.all(Array.from({ length: 8 }, () => hireEmployee(stack)));
    const bodies = Array.from({ length: 64 }, (_, i) => detection(stack, employees[i % employees.length]));
    const responses = await Promise.all(bodies.map((body) => post(body)));
    expect(countBy(responses.map((r) => r.status))).toEqual({ 202: 64 });
    const caseIds = responses.map((r) => r.body.caseId as string);
    expect(new Set(caseIds).size).toBe(64);
    const decisions = await Promise.all(caseIds.map((caseId) => postAs(stack, `/api/cases/${caseId}/decision`, committee, DISMISSAL)));
    expect(countBy(decisions.map((r) => r.status))).toEqual({ 200: 64 });
    expect(await stack.db.case.count({ where: { id: { in: caseIds } } })).toBe(64);
  }, 60_000);
});

describe('GET /api/cases/:caseId', () => {
  it('answers 404 for a case that does not exist', async () => {
    const response = await stack.http.get('/api/cases/case-nowhere-0000').set('Authorization', `Bearer ${committee}`);
    expect(response.status).toBe(404);
  });
});
