import { caseReviewId } from '../../src/domain/policyReview';
import { actionsOf, closedCase, openCase, post, sanction, waitForStatus } from '../support/cases';
import { eventually } from '../support/fixtures';
import { startIsolatedStack } from '../support/policyReviews';
import type { Stack } from '../support/stack';

// Minor confidential disclosure: routed to the social-media lead, a written warning is proportionate and explained.
const ACT = { kind: 'inappropriate', category: 'confidential_information_disclosure', severity: 'minor' } as const;
const REQUEST_REMOVAL = { content: { action: 'request_removal', rationale: 'It names a client.' } };

// Sanctions decided here become precedents: this file runs on a database of its own, binding no other file's cases.
let stack: Stack;
let lead: string;
beforeAll(async () => {
  stack = await startIsolatedStack('content_alongside', { explanations: true, caseTiming: { followUpReminderMs: 1_000 } });
  lead = await stack.tokenFor('lead-alongside', 'social_media_lead');
});
afterAll(() => stack.stop());

async function searchAttributes(caseId: string): Promise<Record<string, unknown>> {
  const description = await stack.temporal.workflow.getHandle(caseId).describe();
  return Object.fromEntries(description.typedSearchAttributes.getAll().map((pair) => [pair.key.name, pair.value]));
}

async function requestRemoval(): Promise<string> {
  const { caseId } = await openCase(stack, ACT);
  const decided = await post(stack, `/api/cases/${caseId}/decision`, lead, sanction('written_warning', REQUEST_REMOVAL));
  expect(decided.status).toBe(200);
  return caseId;
}

const report = (caseId: string, status: string) => post(stack, `/api/cases/${caseId}/content-status`, lead, { status, note: 'News.' });
const contentStatus = async (caseId: string) => (await stack.db.contentAction.findUnique({ where: { caseId } }))?.status;

describe('a removal request on an external site', () => {
  it('waits alongside the lesson: the explanation is drafted, approved and published and the review opened while it is pending', async () => {
    const caseId = await requestRemoval();
    const explaining = await waitForStatus(stack, caseId, 'explaining');
    expect(explaining.content).toEqual({ action: 'request_removal', status: 'requested' });
    expect(await searchAttributes(caseId)).toMatchObject({ CaseStatus: 'explaining', ContentStatus: 'requested' });

    const publishAt = new Date(Date.now() + 1_500).toISOString();
    expect((await post(stack, `/api/cases/${caseId}/explanation/approve`, lead, { publishAt })).status).toBe(200);
    // The review the lesson opens outlives the case; it starts while the removal is still awaited.
    const review = await eventually(
      () =>
        stack.temporal.workflow
          .getHandle(caseReviewId(caseId))
          .describe()
          .catch(() => undefined),
      15_000,
      'the policy review',
    );
    expect(review.parentExecution?.workflowId).toBe(caseId);

    // Published: only the removal is left, and the case says so.
    await waitForStatus(stack, caseId, 'awaiting_removal');
    expect(await searchAttributes(caseId)).toMatchObject({ CaseStatus: 'awaiting_removal', ContentStatus: 'requested' });
    expect((await stack.db.explanation.findUniqueOrThrow({ where: { caseId } })).publishedAt).not.toBeNull();
    expect(await contentStatus(caseId)).toBe('requested');

    expect((await report(caseId, 'removed')).status).toBe(200);
    const view = await closedCase(stack, caseId, lead);
    expect(view.content).toMatchObject({ action: 'request_removal', status: 'removed' });
    const actions = actionsOf(view);
    expect(actions).toEqual(expect.arrayContaining(['explanation_approved', 'lesson_published', 'removal_reported']));
    expect(actions.indexOf('lesson_published')).toBeLessThan(actions.indexOf('removal_reported'));
    expect(actions.slice(-2)).toEqual(['removal_reported', 'case_closed']);
    expect(await searchAttributes(caseId)).toMatchObject({ CaseStatus: 'closed', ContentStatus: 'removed' });
  });

  it('refuses a report once the removal has settled, while the lesson goes on', async () => {
    const caseId = await requestRemoval();
    await waitForStatus(stack, caseId, 'explaining');
    expect((await report(caseId, 'removed')).status).toBe(200);
    await eventually(async () => ((await contentStatus(caseId)) === 'removed' ? true : undefined), 15_000, 'the report');

    const late = await report(caseId, 'refused');
    expect([late.status, late.body.error.code]).toEqual([409, 'no_open_removal']);
    expect(await searchAttributes(caseId)).toMatchObject({ CaseStatus: 'explaining', ContentStatus: 'removed' });
    expect(await contentStatus(caseId)).toBe('removed');
    const reports = await stack.db.auditEvent.count({ where: { caseId, action: 'removal_reported' } });
    expect(reports).toBe(1);
  });

  it('refuses a report once the removal went unresolved, while the lesson goes on', async () => {
    const caseId = await requestRemoval();
    await eventually(async () => ((await contentStatus(caseId)) === 'unresolved' ? true : undefined), 20_000, 'unresolved');
    const late = await report(caseId, 'removed');
    expect([late.status, late.body.error.code]).toEqual([409, 'no_open_removal']);
    expect(await searchAttributes(caseId)).toMatchObject({ CaseStatus: 'explaining', ContentStatus: 'unresolved' });
    expect(await stack.db.auditEvent.count({ where: { caseId, action: 'removal_reminder_sent' } })).toBe(3);
  }, 40_000);
});
