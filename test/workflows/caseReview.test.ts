import { caseReviewId } from '../../src/domain/policyReview';
import { actionsOf, closedCase, openCase, post, sanction } from '../support/cases';
import { eventually } from '../support/fixtures';
import { reviewLessons, reviewState } from '../support/policyReviews';
import { type Stack, startStack } from '../support/stack';

describe('a decided case and its policy review', () => {
  let stack: Stack;
  let committee: string;
  beforeAll(async () => {
    stack = await startStack();
    committee = await stack.tokenFor('committee-review', 'steering_committee');
  });
  afterAll(() => stack.stop());

  it('opens a review carrying the lesson, which outlives the closed case', async () => {
    const { caseId } = await openCase(stack, {
      kind: 'inappropriate',
      category: 'confidential_information_disclosure',
      severity: 'serious',
    });
    expect(
      (
        await post(
          stack,
          `/api/cases/${caseId}/decision`,
          committee,
          sanction('written_warning', { rationale: 'Internal roadmap shared.' }),
        )
      ).status,
    ).toBe(200);
    const view = await closedCase(stack, caseId, committee);
    expect(view.status).toBe('closed');

    const reviewId = caseReviewId(caseId);
    const review = await eventually(
      async () => (await reviewState(stack, reviewId).catch(() => undefined)) ?? undefined,
      15_000,
      'the review',
    );
    expect(review.trigger).toBe('case');
    expect(review.caseIds).toEqual([caseId]);
    expect(await reviewLessons(stack, reviewId)).toEqual([
      {
        caseId,
        kind: 'inappropriate',
        category: 'confidential_information_disclosure',
        severity: 'serious',
        decision: { outcome: 'sanction', sanction: 'written_warning', rationale: 'Internal roadmap shared.' },
        clause: '4.1',
        explanation: null,
      },
    ]);
    const child = await stack.temporal.workflow.getHandle(reviewId).describe();
    expect(child.status.name).toBe('RUNNING');
    expect(child.parentExecution?.workflowId).toBe(caseId);
    expect((await stack.temporal.workflow.getHandle(caseId).describe()).status.name).toBe('COMPLETED');
    expect(actionsOf(view)).toContain('case_closed');
  });

  it('opens no review for a dismissed case', async () => {
    const { caseId } = await openCase(stack, { kind: 'inappropriate', category: 'error_of_judgement', severity: 'moderate' });
    const lead = await stack.tokenFor('lead-review', 'social_media_lead');
    expect((await post(stack, `/api/cases/${caseId}/decision`, lead, { outcome: 'dismiss', rationale: 'Not significant.' })).status).toBe(
      200,
    );
    await stack.temporal.workflow.getHandle(caseId).result();
    await expect(stack.temporal.workflow.getHandle(caseReviewId(caseId)).describe()).rejects.toThrow();
  });
});
