import { temporal } from '@temporalio/proto';
import type { PolicyReviewTiming } from '../../src/domain/policyReview';
import type { PolicyReviewOutcome, policyReviewWorkflow } from '../../src/workflows/policyReviewWorkflow';
import { hireEmployee } from '../support/fixtures';
import {
  answerReview,
  closedCaseLesson,
  concludeWithoutChange,
  currentDocument,
  judgeReview,
  proposal,
  reviewLessons,
  reviewState,
  SLOW_REVIEW_TIMING,
  startCaseReview,
  startIsolatedStack,
  waitForReviewStatus,
} from '../support/policyReviews';
import type { Stack } from '../support/stack';

// Periodic reviews and policy documents are global: this file runs on a database of its own.
let stack: Stack;
let lead: string;
let chair: string;
beforeAll(async () => {
  stack = await startIsolatedStack('review_ends');
  lead = await stack.tokenFor('ends-lead', 'social_media_lead');
  chair = await stack.tokenFor('ends-chair', 'steering_committee');
});
afterAll(() => stack.stop());

const result = (reviewId: string) => stack.temporal.workflow.getHandle(reviewId).result() as Promise<PolicyReviewOutcome>;

async function startPeriodicReview(timing: PolicyReviewTiming = SLOW_REVIEW_TIMING): Promise<string> {
  const reviewId = stack.unique('policy-review-periodic-test');
  await stack.temporal.workflow.start<typeof policyReviewWorkflow>('policyReviewWorkflow', {
    workflowId: reviewId,
    taskQueue: stack.taskQueue,
    args: [{ trigger: 'periodic', timing }],
  });
  await waitForReviewStatus(stack, reviewId, 'awaiting_answer');
  return reviewId;
}

async function historyOf(workflowId: string) {
  return (await stack.temporal.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
}

describe('a case review nobody answers', () => {
  it('closes, folded, after its escalation and reminders, and the next periodic review carries its lesson', async () => {
    const lesson = await closedCaseLesson(stack, 'inappropriate', { category: 'inappropriate_media', severity: 'minor' });
    const reviewId = await startCaseReview(stack, lesson, { reminderMs: 300, deadlineMs: 600 });
    // A periodic review covers the case (it closed in its period) while the case's own review is still open.
    const covering = await startPeriodicReview();
    expect((await reviewState(stack, covering)).caseIds).toEqual([lesson.caseId]);
    await concludeWithoutChange(stack, covering);

    expect(await result(reviewId)).toEqual({ reviewId, outcome: 'folded', revisions: [], caseIds: [lesson.caseId] });
    const record = await stack.db.policyReview.findUniqueOrThrow({ where: { id: reviewId } });
    expect([record.status, record.outcome, record.carriedIntoId]).toEqual(['closed', 'folded', null]);
    const steps = (await stack.db.auditEvent.findMany({ where: { caseId: lesson.caseId }, orderBy: { at: 'asc' } })).filter(
      (event) => (event.details as { reviewId?: string }).reviewId === reviewId,
    );
    const actions = steps.map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['policy_review_escalated', 'policy_review_reminder_sent', 'policy_review_folded']));
    // Three reminders after the escalation, a deadline period apart, then the review closes.
    expect(steps.filter((event) => (event.details as { overdue?: boolean }).overdue)).toHaveLength(3);
    expect(actions.at(-1)).toBe('policy_review_folded');
    const notices = await stack.db.notification.findMany({
      where: { caseId: lesson.caseId, subject: 'A policy review closed unanswered' },
    });
    expect(notices.map((n) => n.recipient).sort()).toEqual(['role:communications', 'role:social_media_lead', 'role:steering_committee']);
    const late = await answerReview(stack, reviewId, lead, { kind: 'no_change', reason: 'Late.' });
    expect([late.status, late.body.error.code]).toEqual([409, 'review_closed']);

    // The next periodic review takes up the folded lesson, though its case closed before its period; once.
    const next = await startPeriodicReview();
    expect((await reviewState(stack, next)).caseIds).toEqual([lesson.caseId]);
    expect((await reviewLessons(stack, next)).map((l) => [l.caseId, l.category])).toEqual([[lesson.caseId, 'inappropriate_media']]);
    expect((await stack.db.policyReview.findUniqueOrThrow({ where: { id: reviewId } })).carriedIntoId).toBe(next);
    await concludeWithoutChange(stack, next);
    const after = await startPeriodicReview();
    expect((await reviewState(stack, after)).caseIds).toEqual([]);
    await concludeWithoutChange(stack, after);
  }, 60_000);
});

describe('a publication', () => {
  it('tells only the open reviews whose pending proposal it overtook; the others judge answers against the current versions', async () => {
    const [a, b, c] = [
      await closedCaseLesson(stack, 'inappropriate'),
      await closedCaseLesson(stack, 'inappropriate'),
      await closedCaseLesson(stack, 'inappropriate'),
    ];
    const [reviewA, reviewB, reviewC] = [await startCaseReview(stack, a), await startCaseReview(stack, b), await startCaseReview(stack, c)];
    const base = await currentDocument(stack, 'social-media-policy');
    const text = (label: string, number = base.number) =>
      proposal([{ document: 'social-media-policy', baseVersion: number, text: `${base.text}\n${label}\n` }]);
    expect((await answerReview(stack, reviewA, lead, text('10.1 A.'))).status).toBe(200);
    expect((await answerReview(stack, reviewB, lead, text('10.1 B.'))).status).toBe(200);
    expect((await judgeReview(stack, reviewA, chair, true)).status).toBe(200);
    expect((await result(reviewA)).revisions).toEqual([expect.objectContaining({ versionNumber: base.number + 1 })]);

    // B's pending proposal went back for a rebase; C, awaiting an answer, was not signalled.
    await waitForReviewStatus(stack, reviewB, 'awaiting_answer');
    const signals = (await historyOf(reviewA)).filter((event) => event.signalExternalWorkflowExecutionInitiatedEventAttributes);
    expect(signals.map((event) => event.signalExternalWorkflowExecutionInitiatedEventAttributes?.workflowExecution?.workflowId)).toEqual([
      reviewB,
    ]);
    expect((await historyOf(reviewC)).some((event) => event.workflowExecutionSignaledEventAttributes)).toBe(false);
    expect((await reviewState(stack, reviewC)).currentVersions!['social-media-policy']).toBe(base.number);

    // C's answers are judged against the versions the API reads: the old base is refused, the new one taken.
    const stale = await answerReview(stack, reviewC, lead, text('10.1 C.'));
    expect([stale.status, stale.body.error.code]).toEqual([409, 'stale_base']);
    const rebased = await answerReview(stack, reviewC, lead, text('10.2 C.', base.number + 1));
    expect([rebased.status, rebased.body.status]).toEqual([200, 'awaiting_approval']);
    expect((await reviewState(stack, reviewC)).currentVersions!['social-media-policy']).toBe(base.number + 1);
  }, 60_000);
});

describe('a periodic review of a busy quarter', () => {
  it('keeps the lessons in the database: its events carry ids, far below the payload limit', async () => {
    const employeeId = await hireEmployee(stack);
    const batch = stack.unique('busy');
    const closedAt = new Date(); // after the period of the periodic reviews above
    const cases = Array.from({ length: 400 }, (_, i) => ({ caseId: `case-${batch}-${i}`, activityId: `activity-${batch}-${i}` }));
    await stack.db.detectedActivity.createMany({
      data: cases.map(({ activityId }) => ({
        id: activityId,
        source: 'bulk',
        sourceRef: activityId,
        employeeId,
        platform: 'x',
        url: 'https://x.example/p/1',
        content: 'a post',
        siteControlledByCompany: false,
        detectedAt: closedAt,
        reach: 10,
        kind: 'inappropriate',
        category: 'error_of_judgement',
        severity: 'minor',
      })),
    });
    const act = { kind: 'inappropriate', category: 'error_of_judgement', severity: 'minor' };
    await stack.db.case.createMany({
      data: cases.map(({ caseId, activityId }) => ({
        id: caseId,
        activityId,
        employeeId,
        ...act,
        status: 'closed',
        decidingRole: 'manager',
        department: 'sales',
        closedAt,
      })),
    });
    await stack.db.sanction.createMany({
      data: cases.map(({ caseId }) => ({
        caseId,
        employeeId,
        type: 'conversation',
        category: act.category,
        severity: act.severity,
        matrixVersion: 1,
      })),
    });

    const reviewId = await startPeriodicReview();
    const lessons = await reviewLessons(stack, reviewId);
    expect(lessons.filter((lesson) => lesson.caseId.startsWith(`case-${batch}-`))).toHaveLength(400);
    expect((await answerReview(stack, reviewId, lead, { kind: 'no_change', reason: 'Covered.' })).status).toBe(200);
    await waitForReviewStatus(stack, reviewId, 'awaiting_approval');

    const events = await historyOf(reviewId);
    const size = (event: temporal.api.history.v1.IHistoryEvent) => temporal.api.history.v1.HistoryEvent.encode(event).finish().length;
    const lessonsSize = Buffer.byteLength(JSON.stringify(lessons));
    // The opening answers the case ids, not the lessons; later steps carry the review id only.
    expect(Math.max(...events.map(size))).toBeLessThan(lessonsSize / 4);
    const answerStep = events.find((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'recordReviewAnswer')!;
    expect(size(answerStep)).toBeLessThan(4_096);
  }, 60_000);
});
