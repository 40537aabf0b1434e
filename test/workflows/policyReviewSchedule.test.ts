import { DEFAULT_REVIEW_SCHEDULE } from '../../src/domain/policySchedule';
import { ensurePolicyReviewSchedule, POLICY_REVIEW_SCHEDULE_ID } from '../../src/platform/policyReviewSchedule';
import type { policyReviewWorkflow } from '../../src/workflows/policyReviewWorkflow';
import { eventually } from '../support/fixtures';
import {
  closedCaseLesson,
  concludeWithoutChange,
  reviewLessons,
  reviewState,
  SLOW_REVIEW_TIMING,
  startIsolatedStack,
  waitForReviewStatus,
} from '../support/policyReviews';
import type { Stack } from '../support/stack';

// The dev server is shared by every test file: this file's schedule has an id of its own.
let stack: Stack;
let scheduleId: string;

beforeAll(async () => {
  stack = await startIsolatedStack('policy_schedule');
  scheduleId = stack.unique(POLICY_REVIEW_SCHEDULE_ID);
});
afterAll(async () => {
  await stack.temporal.schedule
    .getHandle(scheduleId)
    .delete()
    .catch(() => undefined);
  await stack.stop();
});

const quarterly = { kind: 'cron' as const, expression: DEFAULT_REVIEW_SCHEDULE };
const ensure = (cadence: Parameters<typeof ensurePolicyReviewSchedule>[1]['cadence'] = quarterly) =>
  ensurePolicyReviewSchedule(stack.temporal, { taskQueue: stack.taskQueue, cadence, timing: SLOW_REVIEW_TIMING, scheduleId });

let lastTrigger = 0;

/** Triggers the schedule now and returns the id of the review it started. */
async function triggerReview(): Promise<string> {
  // The schedule names each run after the second it starts in: one trigger per second.
  const nextSecond = Math.floor(lastTrigger / 1000) * 1000 + 1000;
  if (Date.now() < nextSecond) await new Promise((resolve) => setTimeout(resolve, nextSecond - Date.now() + 50));
  lastTrigger = Date.now();
  const handle = stack.temporal.schedule.getHandle(scheduleId);
  const before = (await handle.describe()).info.numActionsTaken;
  await handle.trigger();
  const started = await eventually(
    async () => {
      const { info } = await handle.describe();
      return info.numActionsTaken > before ? info.recentActions[info.recentActions.length - 1] : undefined;
    },
    15_000,
    'the schedule to start a review',
  );
  const reviewId = started.action.workflow.workflowId;
  await waitForReviewStatus(stack, reviewId, 'awaiting_answer');
  return reviewId;
}

describe('the periodic review schedule', () => {
  it('is created once however often the service starts, and follows the configuration', async () => {
    expect(await ensure()).toEqual({ scheduleId, created: true });
    const first = await stack.temporal.schedule.getHandle(scheduleId).describe();
    expect(await ensure()).toEqual({ scheduleId, created: false });
    expect(await ensure()).toEqual({ scheduleId, created: false });

    const handle = stack.temporal.schedule.getHandle(scheduleId);
    const described = await handle.describe();
    expect(described.info.createdAt).toEqual(first.info.createdAt);
    expect(described.info.numActionsTaken).toBe(0);
    expect(described.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'policyReviewWorkflow',
      workflowId: scheduleId,
      taskQueue: stack.taskQueue,
      args: [{ trigger: 'periodic', timing: SLOW_REVIEW_TIMING }],
    });
    expect(described.policies.overlap).toBe('ALLOW_ALL');
    expect(described.state).toMatchObject({ paused: false, note: expect.stringContaining(DEFAULT_REVIEW_SCHEDULE) });
    // Quarterly: the next runs fall on the first day of a quarter.
    const next = described.info.nextActionTimes.map((time) => [time.getUTCMonth(), time.getUTCDate(), time.getUTCHours()]);
    expect(next.length).toBeGreaterThan(0);
    for (const [month, day, hour] of next) expect([[0, 3, 6, 9].includes(month), day, hour]).toEqual([true, 1, 9]);

    // A new cadence at the next start-up updates the same schedule.
    expect(await ensure({ kind: 'interval', everyMs: 90 * 86_400_000 })).toEqual({ scheduleId, created: false });
    const updated = await handle.describe();
    expect(updated.info.createdAt).toEqual(first.info.createdAt);
    expect(updated.spec.intervals).toEqual([{ every: 90 * 86_400_000 }]);
    expect(updated.spec.calendars ?? []).toEqual([]);

    // An operator's pause survives a restart.
    await handle.pause('Paused during the reorganisation.');
    await ensure();
    expect((await handle.describe()).state).toMatchObject({ paused: true, note: 'Paused during the reorganisation.' });
    await handle.unpause();
    await ensure();
    expect((await handle.describe()).state.paused).toBe(false);
  });

  it('reviews the lessons learned since the previous periodic review when triggered, and reviews even without any', async () => {
    await ensure();
    const sanctioned = await closedCaseLesson(stack, 'inappropriate');
    const capitalised = await closedCaseLesson(stack, 'positive');

    const firstId = await triggerReview();
    expect(firstId.startsWith(`${scheduleId}-`)).toBe(true);
    const first = await reviewState(stack, firstId);
    expect(first.trigger).toBe('periodic');
    expect(first.caseIds).toEqual([sanctioned.caseId, capitalised.caseId]);
    const firstLessons = await reviewLessons(stack, firstId);
    expect(firstLessons.map((l) => l.caseId)).toEqual([sanctioned.caseId, capitalised.caseId]);
    expect(firstLessons.map((l) => l.clause)).toEqual(['6.1', '7.2']);
    expect(first.period?.since).toBeNull();
    const chair = await stack.tokenFor('periodic-chair', 'steering_committee');
    const listed = await stack.http.get('/api/policy-reviews?trigger=periodic&status=open').set('Authorization', `Bearer ${chair}`);
    expect(listed.body.reviews).toEqual([
      expect.objectContaining({
        id: firstId,
        period: { since: null, until: first.period?.until },
        cases: [expect.objectContaining({ caseId: sanctioned.caseId }), expect.objectContaining({ caseId: capitalised.caseId })],
      }),
    ]);
    const timeline = (await stack.http.get(`/api/cases/${sanctioned.caseId}`).set('Authorization', `Bearer ${chair}`)).body.timeline as {
      action: string;
      details: { reviewId?: string };
    }[];
    expect(timeline.filter((e) => e.details.reviewId === firstId).map((e) => e.action)).toEqual(['policy_review_opened']);
    // The positive lesson becomes an example on approval, even when nothing else changes.
    expect((await concludeWithoutChange(stack, firstId)).outcome).toBe('revised');

    const later = await closedCaseLesson(stack, 'inappropriate', { category: 'disparaging_employer', severity: 'minor' });
    const secondId = await triggerReview();
    const second = await reviewState(stack, secondId);
    expect(second.caseIds).toEqual([later.caseId]);
    expect((await reviewLessons(stack, secondId)).map((l) => l.caseId)).toEqual([later.caseId]);
    expect(second.period?.since).toBe(first.period?.until);
    expect(await concludeWithoutChange(stack, secondId)).toMatchObject({ outcome: 'no_change', caseIds: [later.caseId] });

    // A quiet quarter: nothing learned, but the documents are reviewed all the same.
    const thirdId = await triggerReview();
    const third = await reviewState(stack, thirdId);
    expect(third.caseIds).toEqual([]);
    expect(await reviewLessons(stack, thirdId)).toEqual([]);
    expect(third.documentsConcerned).toEqual(['social-media-policy', 'communication-plan', 'training-material']);
    const lead = await stack.tokenFor('periodic-lead', 'social_media_lead');
    const inbox = await stack.http.get('/api/me/notifications').set('Authorization', `Bearer ${lead}`);
    expect(inbox.body.notifications.some((n: { body: string }) => n.body.includes(thirdId) && n.body.includes('No case was closed'))).toBe(
      true,
    );
    expect(await concludeWithoutChange(stack, thirdId)).toMatchObject({ outcome: 'no_change', caseIds: [] });
    const reviews = await stack.db.policyReview.findMany({ where: { trigger: 'periodic' }, orderBy: { openedAt: 'asc' } });
    expect(reviews.map((r) => [r.id, r.status])).toEqual([
      [firstId, 'closed'],
      [secondId, 'closed'],
      [thirdId, 'closed'],
    ]);
  }, 60_000);

  it('refuses to open a second review under the id of a finished run (two triggers in the same second)', async () => {
    const workflowId = stack.unique('policy-review-periodic-manual');
    const start = () =>
      stack.temporal.workflow.start<typeof policyReviewWorkflow>('policyReviewWorkflow', {
        workflowId,
        taskQueue: stack.taskQueue,
        args: [{ trigger: 'periodic', timing: SLOW_REVIEW_TIMING }],
      });
    await start();
    await waitForReviewStatus(stack, workflowId, 'awaiting_answer');
    await concludeWithoutChange(stack, workflowId);
    const again = await start();
    await expect(again.result()).rejects.toMatchObject({ cause: { cause: { type: 'duplicate_review_run' } } });
    expect(await stack.db.policyReview.count({ where: { id: workflowId } })).toBe(1);
  });
});
