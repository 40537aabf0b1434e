import { acceptedUpdates, openCase, post, sanction } from '../support/cases';
import { detection, hireEmployee } from '../support/fixtures';
import { type Stack, startStack } from '../support/stack';
import { runsOf } from '../support/workflowRuns';

let stack: Stack;
let detector: string;
let committee: string;
beforeAll(async () => {
  stack = await startStack();
  detector = await stack.tokenFor('listening-tool', 'detector');
  committee = await stack.tokenFor('committee-concurrent', 'steering_committee');
});
afterAll(() => stack.stop());

const countBy = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((counts, s) => ({ ...counts, [s]: (counts[s] ?? 0) + 1 }), {});

describe('at the same time', () => {
  it('100 posts of one detection open one case: one 202, 99 × 200 with its id, one run, decidable', async () => {
    const employeeId = await hireEmployee(stack);
    const body = detection(stack, employeeId);
    const responses = await Promise.all(Array.from({ length: 100 }, () => post(stack, '/api/activities', detector, body)));
    expect(countBy(responses.map((r) => r.status))).toEqual({ 202: 1, 200: 99 });
    const caseIds = new Set(responses.map((r) => r.body.caseId));
    expect(caseIds.size).toBe(1);
    const [caseId] = caseIds;

    expect(await stack.db.case.count({ where: { employeeId } })).toBe(1);
    expect(await stack.db.detectedActivity.count({ where: { sourceRef: body.sourceRef } })).toBe(1);
    expect(await stack.db.auditEvent.count({ where: { caseId, action: 'case_opened' } })).toBe(1);
    expect(await runsOf(stack, caseId)).toHaveLength(1);
    expect((await post(stack, `/api/cases/${caseId}/decision`, committee, sanction('written_warning'))).status).toBe(200);
  });

  it('20 decisions on one case: one accepted, 19 clear 409s, one decision on record', async () => {
    const { caseId } = await openCase(stack, { kind: 'inappropriate', category: 'harassment', severity: 'critical' });
    const deciders = await Promise.all(Array.from({ length: 20 }, (_, i) => stack.tokenFor(`committee-${i}`, 'steering_committee')));
    const responses = await Promise.all(
      deciders.map((token) => post(stack, `/api/cases/${caseId}/decision`, token, sanction('suspension'))),
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
    const responses = await Promise.all(bodies.map((body) => post(stack, '/api/activities', detector, body)));
    expect(countBy(responses.map((r) => r.status))).toEqual({ 202: 64 });
    const caseIds = responses.map((r) => r.body.caseId as string);
    expect(new Set(caseIds).size).toBe(64);
    const decisions = await Promise.all(
      caseIds.map((caseId) => post(stack, `/api/cases/${caseId}/decision`, committee, sanction('written_warning'))),
    );
    expect(countBy(decisions.map((r) => r.status))).toEqual({ 200: 64 });
    expect(await stack.db.case.count({ where: { id: { in: caseIds } } })).toBe(64);
  }, 60_000);
});
