import { createSanctionActivities } from '../../src/activities/sanctions';
import { closedCase, openCase, post, sanction } from '../support/cases';
import { type Stack, startStack } from '../support/stack';
import { startWorkerProcess, type WorkerProcess } from '../support/workerProcess';

describe('a worker killed between the decision and the sanction', () => {
  let stack: Stack;
  const workers: WorkerProcess[] = [];
  beforeAll(async () => {
    stack = await startStack({ worker: false });
  });
  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    await stack.stop();
  });

  it('records the sanction and notifies exactly once after a restart', async () => {
    const first = await startWorkerProcess(stack);
    workers.push(first);
    const { caseId, employeeId } = await openCase(stack, {
      kind: 'inappropriate',
      category: 'intellectual_property_disclosure',
      severity: 'moderate',
    });
    const committee = await stack.tokenFor('committee-crash', 'steering_committee');

    const decided = await post(stack, `/api/cases/${caseId}/decision`, committee, sanction('written_warning'));
    expect(decided.status).toBe(200);
    await first.kill();
    expect(await stack.db.sanction.count({ where: { caseId } })).toBeLessThanOrEqual(1);

    const second = await startWorkerProcess(stack);
    workers.push(second);
    const view = await closedCase(stack, caseId, committee);

    expect(view.status).toBe('closed');
    expect(await stack.db.sanction.count({ where: { caseId } })).toBe(1);
    expect(view.sanction).toMatchObject({ type: 'written_warning', employeeId });
    const notices = await stack.db.notification.count({ where: { caseId, idempotencyKey: { startsWith: `${caseId}:sanction-notice` } } });
    expect(notices).toBe(2);
    expect(view.timeline.filter((event: { action: string }) => event.action === 'sanction_applied')).toHaveLength(1);
    await second.stop();
  }, 180_000);

  it('applies a sanction once however often the activity runs', async () => {
    const { caseId, employeeId } = await openCaseWithoutWorkflow();
    const { applySanction } = createSanctionActivities(stack.db);
    const order = {
      caseId,
      decisionId: `${caseId}-d1`,
      employeeId,
      sanction: 'conversation' as const,
      category: 'error_of_judgement' as const,
      severity: 'minor' as const,
      matrixVersion: 1,
      rationale: 'Retried.',
    };
    expect(await applySanction(order)).toEqual({ applied: true });
    expect(await applySanction(order)).toEqual({ applied: false });
    expect(await stack.db.sanction.count({ where: { caseId } })).toBe(1);
    expect(await stack.db.notification.count({ where: { caseId } })).toBe(1);
  });

  /** A case record written directly, so the activity is exercised on its own. */
  async function openCaseWithoutWorkflow() {
    const employeeId = stack.unique('e');
    const caseId = stack.unique('case');
    await stack.db.employee.create({ data: { id: employeeId, name: 'Solo', email: `${employeeId}@example.test`, department: 'ops' } });
    const activity = await stack.db.detectedActivity.create({
      data: {
        source: 'test',
        sourceRef: caseId,
        employeeId,
        platform: 'x',
        url: 'https://x.example/p',
        content: '',
        siteControlledByCompany: false,
        detectedAt: new Date(),
        reach: 1,
        kind: 'inappropriate',
        category: 'error_of_judgement',
        severity: 'minor',
      },
    });
    await stack.db.case.create({
      data: {
        id: caseId,
        activityId: activity.id,
        employeeId,
        kind: 'inappropriate',
        category: 'error_of_judgement',
        severity: 'minor',
        status: 'carrying_out',
        decidingRole: 'manager',
        department: 'ops',
      },
    });
    return { caseId, employeeId };
  }
});
