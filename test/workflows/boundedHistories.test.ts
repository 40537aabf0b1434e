import { EXPLANATION_REMINDERS } from '../../src/workflows/explanationPhase';
import { caseState, closedCase, openCase, post, sanction, waitForStatus } from '../support/cases';
import { detection, eventually } from '../support/fixtures';
import { startIsolatedStack } from '../support/policyReviews';
import type { Stack } from '../support/stack';
import { runsOf } from '../support/workflowRuns';

// Timers of the dev server fire about a second late: a few reminders a run keep these tests short.
const REMINDERS_PER_RUN = 3;
// Every run of a waiting case stays under this many events, however long nobody answers.
const EVENTS_PER_RUN = 100;

// Sanctions decided here become precedents: this file runs on a database of its own, binding no other file's cases.
let stack: Stack;
let committee: string;
beforeAll(async () => {
  stack = await startIsolatedStack('bounded_histories', {
    explanations: true,
    caseTiming: { decisionReminderMs: 100, decisionDeadlineMs: 200, followUpReminderMs: 150, remindersPerRun: REMINDERS_PER_RUN },
  });
  committee = await stack.tokenFor('committee-bounded', 'steering_committee');
});
afterAll(() => stack.stop());

const timelineCount = (caseId: string, action: string) => stack.db.auditEvent.count({ where: { caseId, action } });

async function waitForCount(caseId: string, action: string, count: number, timeoutMs = 40_000): Promise<void> {
  await eventually(async () => ((await timelineCount(caseId, action)) >= count ? true : undefined), timeoutMs, `${count} × ${action}`);
}

async function historyLength(caseId: string): Promise<number> {
  return ((await stack.temporal.workflow.getHandle(caseId).fetchHistory()).events ?? []).length;
}

/** Every run of the case, each with a history under the bound, and the reminders never sent twice. */
async function expectBoundedRuns(caseId: string, minimumRuns: number): Promise<void> {
  const runs = await eventually(async () => {
    const listed = await runsOf(stack, caseId);
    return listed.length >= minimumRuns ? listed : undefined;
  });
  for (const run of runs) expect(run.events).toBeLessThan(EVENTS_PER_RUN);
  // One run holding all of it would have gone past the bound.
  expect(runs.reduce((sum, run) => sum + run.events, 0)).toBeGreaterThan(EVENTS_PER_RUN);
  const reminders = await stack.db.notification.findMany({ where: { caseId }, select: { idempotencyKey: true, recipient: true } });
  const keys = reminders.map((n) => `${n.idempotencyKey} ${n.recipient}`);
  expect(new Set(keys).size).toBe(keys.length);
}

describe('a case nobody decides', () => {
  it('keeps reminding the committee on bounded histories, continuing as new, and can still be decided', async () => {
    const act = { kind: 'inappropriate', category: 'harassment', severity: 'serious' } as const;
    const sourceRef = stack.unique('undecided');
    const { caseId, employeeId } = await openCase(stack, act, { detection: { sourceRef } });
    await waitForCount(caseId, 'decision_reminder_sent', 2 * REMINDERS_PER_RUN + 2);
    await expectBoundedRuns(caseId, 3);
    const state = await caseState(stack, caseId);
    expect(state).toMatchObject({ status: 'awaiting_decision', decidingRole: 'steering_committee', matrixVersion: 1 });

    // The carried-over run is the same case: a re-sent detection finds it, a decision is judged and carried out.
    const detector = await stack.tokenFor('listening-tool', 'detector');
    const resent = await post(stack, '/api/activities', detector, detection(stack, employeeId, { sourceRef, assessment: act }));
    expect([resent.status, resent.body]).toEqual([200, { caseId }]);
    const decided = await post(stack, `/api/cases/${caseId}/decision`, committee, sanction('written_warning'));
    expect([decided.status, decided.body.decisionId]).toEqual([200, `${caseId}-d1`]);
    await waitForStatus(stack, caseId, 'explaining');
    const described = await stack.temporal.workflow.getHandle(caseId).describe();
    expect(described.typedSearchAttributes.getAll().find((pair) => pair.key.name === 'CaseStatus')?.value).toBe('explaining');
    expect(await stack.db.decision.count({ where: { caseId } })).toBe(1);
  }, 60_000);
});

describe('a harsh sanction nobody approves', () => {
  it('keeps reminding the approvers on bounded histories, and the approval still carries it out', async () => {
    const { caseId } = await openCase(stack, { kind: 'inappropriate', category: 'harassment', severity: 'critical' });
    expect((await post(stack, `/api/cases/${caseId}/decision`, committee, sanction('suspension'))).status).toBe(200);
    await waitForCount(caseId, 'approval_reminder_sent', 2 * REMINDERS_PER_RUN + 2);
    await expectBoundedRuns(caseId, 3);
    expect(await caseState(stack, caseId)).toMatchObject({ status: 'awaiting_approval', decision: { id: `${caseId}-d1` } });

    const hr = await stack.tokenFor('hr-bounded', 'hr');
    const approved = await post(stack, `/api/cases/${caseId}/approval`, hr, { approve: true, rationale: 'Proportionate.' });
    expect([approved.status, approved.body.status]).toEqual([200, 'carrying_out']);
    await eventually(() => stack.db.sanction.findUnique({ where: { caseId } }).then((row) => row ?? undefined));
    expect((await stack.db.decision.findUniqueOrThrow({ where: { id: `${caseId}-d1` } })).approvalStatus).toBe('approved');
  }, 60_000);
});

describe('a lesson nobody reviews', () => {
  it('is escalated after its reminders, then waits without reminders or a growing history, and can still be approved', async () => {
    const { caseId } = await openCase(stack, { kind: 'inappropriate', category: 'harassment', severity: 'serious' });
    expect((await post(stack, `/api/cases/${caseId}/decision`, committee, sanction('written_warning'))).status).toBe(200);
    await waitForCount(caseId, 'explanation_escalated', 1);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the escalation's activity completes
    const length = await historyLength(caseId);
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // several reminder periods
    expect(await timelineCount(caseId, 'explanation_reminder_sent')).toBe(EXPLANATION_REMINDERS);
    expect(await historyLength(caseId)).toBe(length);
    const escalation = await stack.db.notification.findMany({ where: { caseId, subject: 'A lesson is overdue' } });
    expect(escalation.map((n) => n.recipient).sort()).toEqual(['role:communications', 'role:steering_committee']);

    const comms = await stack.tokenFor('comms-bounded', 'communications');
    const publishAt = new Date(Date.now() + 300).toISOString();
    expect((await post(stack, `/api/cases/${caseId}/explanation/approve`, comms, { publishAt })).status).toBe(200);
    expect((await closedCase(stack, caseId, comms)).status).toBe('closed');
  }, 60_000);
});
