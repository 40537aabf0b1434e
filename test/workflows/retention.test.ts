import { randomUUID } from 'node:crypto';
import { PSEUDONYMISED } from '../../src/domain/retention';
import { applyMigrations } from '../../src/platform/migrations';
import { ensureRetentionSchedule } from '../../src/platform/retentionSchedule';
import type { RetentionOutcome, RetentionRun } from '../../src/workflows/retentionWorkflow';
import { openCase, post, sanction } from '../support/cases';
import { eventually } from '../support/fixtures';
import { createScratchDatabase, type ScratchDatabase } from '../support/databases';
import { type Stack, startStack } from '../support/stack';
import { testRun } from '../support/testRun';

// Its own database: a retention run with periods of a millisecond pseudonymises every closed case it finds.
let stack: Stack;
let database: ScratchDatabase;
beforeAll(async () => {
  database = await createScratchDatabase(testRun().databaseServer, 'retention');
  await applyMigrations(database.url);
  stack = await startStack({ databaseUrl: database.url });
});
afterAll(async () => {
  await stack.stop();
  await database.drop();
});

const MINOR = { kind: 'inappropriate', category: 'error_of_judgement', severity: 'minor' } as const;
const RATIONALE = 'Robin said it was a joke about the Friday meeting.';
const EXPIRED_AT_ONCE: RetentionRun = { periods: { minor: 1, standard: 1, positive: 1, sanction: 1 }, batchSize: 2 };
const get = (path: string, token: string) => stack.http.get(path).set('Authorization', `Bearer ${token}`);

async function closedMinorCase() {
  const opened = await openCase(stack, MINOR, { detection: { content: 'the words Robin posted' } });
  const manager = await stack.tokenFor(opened.managerId!, 'manager');
  expect(
    (await post(stack, `/api/cases/${opened.caseId}/decision`, manager, sanction('conversation', { rationale: RATIONALE }))).status,
  ).toBe(200);
  await stack.temporal.workflow.getHandle(opened.caseId).result();
  return opened;
}

const runRetention = (run: RetentionRun = EXPIRED_AT_ONCE) =>
  stack.temporal.workflow.execute<(run: RetentionRun) => Promise<RetentionOutcome>>('retentionWorkflow', {
    taskQueue: stack.taskQueue,
    workflowId: `retention-test-${randomUUID()}`,
    args: [run],
  });

const recordOf = (caseId: string) =>
  stack.db.case.findUniqueOrThrow({ where: { id: caseId }, include: { activity: true, decisions: true, auditEvents: true } });

describe('retention, legal holds and erasure', () => {
  let hr: string;
  beforeAll(async () => {
    hr = await stack.tokenFor('hr-retention', 'hr');
  });

  it('pseudonymises expired cases, skips held ones, and a Schedule run takes them once the hold is released', async () => {
    const expired = await closedMinorCase();
    const held = await closedMinorCase();
    const heldEmployee = await closedMinorCase();
    const open = await openCase(stack, MINOR);
    expect((await post(stack, `/api/cases/${held.caseId}/hold`, hr, { reason: 'Tribunal claim 2026-114' })).status).toBe(201);
    expect((await post(stack, `/api/cases/${held.caseId}/hold`, hr, { reason: 'again' })).status).toBe(200);
    const employeeHold = await post(stack, `/api/employees/${heldEmployee.employeeId}/hold`, hr, { reason: 'Litigation' });
    expect(employeeHold.status).toBe(201);
    expect(
      (await post(stack, `/api/cases/${held.caseId}/hold`, await stack.tokenFor('chair', 'steering_committee'), { reason: 'x' })).status,
    ).toBe(403);

    // Nothing has expired under the default periods.
    expect(
      await runRetention({ ...EXPIRED_AT_ONCE, periods: { minor: 3.6e6, standard: 3.6e6, positive: 3.6e6, sanction: 3.6e6 } }),
    ).toEqual({
      pseudonymised: 0,
      held: 0,
    });
    expect(await runRetention()).toEqual({ pseudonymised: 1, held: 2 });

    const record = await recordOf(expired.caseId);
    expect(record.pseudonymisedAt).not.toBeNull();
    expect([record.activity.content, record.activity.url]).toEqual([PSEUDONYMISED, PSEUDONYMISED]);
    expect(record.decisions.map((d) => d.rationale)).toEqual([PSEUDONYMISED]);
    expect(record.auditEvents.every((event) => JSON.stringify(event.details) === '{}')).toBe(true);
    expect(record.auditEvents.map((event) => event.action)).toContain('decision_taken');
    // Unlinked from the person: the case, its detection and any sanction now belong to an inactive pseudonym.
    expect(record.employeeId).toMatch(/^pseudonym-/);
    expect(record.activity.employeeId).toBe(record.employeeId);
    expect((await stack.db.sanction.findUniqueOrThrow({ where: { caseId: expired.caseId } })).employeeId).toBe(record.employeeId);
    expect(await stack.db.employee.findUniqueOrThrow({ where: { id: record.employeeId } })).toMatchObject({
      name: PSEUDONYMISED,
      active: false,
    });
    expect((await stack.db.employee.findUniqueOrThrow({ where: { id: expired.employeeId } })).active).toBe(true);
    const notices = await stack.db.notification.findMany({ where: { caseId: expired.caseId } });
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.every((n) => n.subject === PSEUDONYMISED && n.body === PSEUDONYMISED)).toBe(true);
    const view = await get(`/api/cases/${expired.caseId}`, hr);
    expect(JSON.stringify(view.body)).not.toMatch(/Robin|Friday meeting/);
    expect(view.body.status).toBe('closed');

    for (const untouched of [held.caseId, heldEmployee.caseId, open.caseId]) {
      const kept = await recordOf(untouched);
      expect([untouched, kept.pseudonymisedAt, kept.activity.content === PSEUDONYMISED]).toEqual([untouched, null, false]);
    }

    expect((await post(stack, `/api/cases/${held.caseId}/hold/release`, hr, { reason: 'Claim settled' })).status).toBe(200);
    const noHold = await post(stack, `/api/cases/${held.caseId}/hold/release`, hr, { reason: 'twice' });
    expect([noHold.status, noHold.body.error.code]).toEqual([409, 'no_active_hold']);
    const schedule = await ensureRetentionSchedule(stack.temporal, {
      scheduleId: `retention-test-${randomUUID()}`,
      taskQueue: stack.taskQueue,
      cadence: { kind: 'interval', everyMs: 24 * 3600 * 1000 },
      run: EXPIRED_AT_ONCE,
    });
    const handle = stack.temporal.schedule.getHandle(schedule.scheduleId);
    try {
      await handle.trigger();
      await eventually(async () => ((await recordOf(held.caseId)).pseudonymisedAt ? true : undefined), 20_000, 'the scheduled run');
    } finally {
      await handle.delete();
    }
    expect((await recordOf(heldEmployee.caseId)).pseudonymisedAt).toBeNull();
  });

  it('erases an employee once nothing of theirs is open or held, reports what it did, and records it in the audit trail', async () => {
    const opened = await openCase(stack, MINOR, { detection: { content: 'the words Robin posted' } });
    const erase = () => post(stack, `/api/employees/${opened.employeeId}/erasure`, hr, {});
    const whileOpen = await erase();
    expect([whileOpen.status, whileOpen.body.error.code]).toEqual([409, 'open_case']);
    expect(whileOpen.body.error.message).toContain(opened.caseId);

    const manager = await stack.tokenFor(opened.managerId!, 'manager');
    await post(stack, `/api/cases/${opened.caseId}/decision`, manager, sanction('conversation', { rationale: RATIONALE }));
    await stack.temporal.workflow.getHandle(opened.caseId).result();
    expect((await post(stack, `/api/employees/${opened.employeeId}/hold`, hr, { reason: 'Pending claim' })).status).toBe(201);
    const whileHeld = await erase();
    expect([whileHeld.status, whileHeld.body.error.code]).toEqual([409, 'legal_hold']);
    expect((await post(stack, `/api/employees/${opened.employeeId}/hold/release`, hr, { reason: 'Withdrawn' })).status).toBe(200);
    const before = await stack.db.employee.findUniqueOrThrow({ where: { id: opened.employeeId } });

    const erased = await erase();
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ employeeId: opened.employeeId, alreadyErased: false, cases: 1 });
    const theirNotices = await stack.db.notification.count({
      where: { OR: [{ caseId: opened.caseId }, { recipient: `employee:${opened.employeeId}` }], body: PSEUDONYMISED },
    });
    expect(erased.body.notifications).toBe(theirNotices);
    expect(await stack.db.notification.count({ where: { recipient: `employee:${opened.employeeId}`, NOT: { body: PSEUDONYMISED } } })).toBe(
      0,
    );
    expect(theirNotices).toBeGreaterThan(0);
    const employee = await get(`/api/employees/${opened.employeeId}`, hr);
    expect(employee.body).toMatchObject({ id: opened.employeeId, name: PSEUDONYMISED, handles: [], active: false });
    expect(employee.body.email).toMatch(/@pseudonymised\.invalid$/);
    expect(JSON.stringify(employee.body)).not.toContain(before.name);
    const record = await recordOf(opened.caseId);
    // The case keeps its link to the (now pseudonymised) employee record.
    expect([record.employeeId, record.activity.content, record.decisions[0].rationale]).toEqual([
      opened.employeeId,
      PSEUDONYMISED,
      PSEUDONYMISED,
    ]);
    expect((await erase()).body).toMatchObject({ alreadyErased: true, cases: 0 });
    expect((await post(stack, `/api/employees/${opened.employeeId}/erasure`, manager, {})).status).toBe(403);

    const reopened = await post(stack, '/api/activities', await stack.tokenFor('listening-tool', 'detector'), {
      source: 'listening-tool',
      sourceRef: stack.unique('post'),
      employeeId: opened.employeeId,
      platform: 'x',
      url: 'https://x.example/p/2',
      content: 'more',
      siteControlledByCompany: false,
      detectedAt: '2026-11-20T09:12:00Z',
      reach: 1,
      assessment: MINOR,
    });
    expect([reopened.status, reopened.body.error.fields[0].path]).toEqual([400, 'employeeId']);

    const trail = await get(`/api/audit?action=employee.erase&limit=50`, hr);
    expect(
      trail.body.entries
        .filter((e: { objectId: string }) => e.objectId === opened.employeeId)
        .map((e: { status: number; code: string | null; actor: string }) => [e.status, e.code, e.actor]),
    ).toEqual([
      [403, 'forbidden', opened.managerId],
      [200, null, 'hr-retention'],
      [200, null, 'hr-retention'],
      [409, 'legal_hold', 'hr-retention'],
      [409, 'open_case', 'hr-retention'],
    ]);
    const holds = await get(`/api/audit?action=employee.hold&limit=50`, hr);
    expect(holds.body.entries.some((e: { objectId: string; status: number }) => e.objectId === opened.employeeId && e.status === 201)).toBe(
      true,
    );
  });
});
