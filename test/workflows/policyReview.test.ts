import { WorkflowUpdateFailedError } from '@temporalio/client';
import { createPolicyReviewActivities } from '../../src/activities/policyReviews';
import { clauseOf } from '../../src/domain/policyReview';
import type { PolicyReviewOutcome } from '../../src/workflows/policyReviewWorkflow';
import { answerReviewUpdate } from '../../src/workflows/policyReviewMessages';
import { acceptedUpdates } from '../support/cases';
import { eventually } from '../support/fixtures';
import {
  answerReview,
  closedCaseLesson,
  currentDocument,
  judgeReview,
  proposal,
  reviewLessons,
  reviewState,
  startCaseReview,
  startIsolatedStack,
} from '../support/policyReviews';
import type { Stack } from '../support/stack';

// The documents are global: every test here runs on a database of its own, and reads the current
// versions rather than assuming them, since the tests publish one after the other.
let stack: Stack;
let lead: string;
let comms: string;
let chair: string;
let member: string;

beforeAll(async () => {
  stack = await startIsolatedStack('policy_review');
  lead = await stack.tokenFor('review-lead', 'social_media_lead');
  comms = await stack.tokenFor('review-comms', 'communications');
  chair = await stack.tokenFor('committee-chair', 'steering_committee');
  member = await stack.tokenFor('committee-member', 'steering_committee');
});
afterAll(() => stack.stop());

const get = (path: string, token = chair) => stack.http.get(path).set('Authorization', `Bearer ${token}`);
const result = (reviewId: string) => stack.temporal.workflow.getHandle(reviewId).result() as Promise<PolicyReviewOutcome>;
const caseTimeline = async (caseId: string) =>
  (await get(`/api/cases/${caseId}`)).body.timeline as { action: string; details: { reviewId?: string } }[];

describe('the review a case opens', () => {
  it('takes a proposal, sends it back, then publishes the approved revision as new versions, on the case timeline', async () => {
    const lesson = await closedCaseLesson(stack, 'inappropriate', { category: 'customer_data_disclosure', severity: 'moderate' });
    const reviewId = await startCaseReview(stack, lesson);
    expect(reviewId).toBe(`policy-review-${lesson.caseId}`);

    const opened = await reviewState(stack, reviewId);
    expect(opened).toMatchObject({ trigger: 'case', caseIds: [lesson.caseId], round: 0, escalated: false });
    // The lesson is on record, as the case handed it to the review it opened.
    expect(await reviewLessons(stack, reviewId)).toEqual([{ ...lesson, clause: clauseOf(lesson.category) }]);
    expect(opened.documentsConcerned).toEqual(['social-media-policy', 'communication-plan', 'training-material']);
    const policy = await currentDocument(stack, 'social-media-policy');
    const training = await currentDocument(stack, 'training-material');
    expect(opened.currentVersions).toMatchObject({ 'social-media-policy': policy.number, 'training-material': training.number });
    const inbox = await get('/api/me/notifications', lead);
    expect(inbox.body.notifications.find((n: { caseId: string }) => n.caseId === lesson.caseId)?.subject).toBe(
      'A policy review awaits your answer',
    );
    const listed = await get(`/api/policy-reviews?status=open&caseId=${lesson.caseId}`);
    expect(listed.body.reviews).toEqual([
      expect.objectContaining({
        id: reviewId,
        trigger: 'case',
        status: 'open',
        cases: [expect.objectContaining({ caseId: lesson.caseId })],
      }),
    ]);

    // Refused before they enter history: the wrong people, malformed or unchanged text, a verdict with nothing pending.
    expect(
      (await answerReview(stack, reviewId, await stack.tokenFor('someone', 'employee'), { kind: 'no_change', reason: 'x' })).status,
    ).toBe(403);
    const admin = await answerReview(stack, reviewId, await stack.tokenFor('root', 'admin'), { kind: 'no_change', reason: 'x' });
    // Refused by the access policy before the review's validator: admin is not a reviewer role.
    expect([admin.status, admin.body.error.code]).toEqual([403, 'forbidden']);
    const committeeTooEarly = await answerReview(stack, reviewId, chair, { kind: 'no_change', reason: 'x' });
    expect([committeeTooEarly.status, committeeTooEarly.body.error.code]).toEqual([403, 'wrong_role']);
    const malformed = await answerReview(stack, reviewId, lead, {
      kind: 'proposal',
      rationale: 'r',
      changes: [{ document: 'memo', baseVersion: 1, text: 't', summary: 's' }],
    });
    expect([malformed.status, malformed.body.error.fields[0].path]).toEqual([400, 'changes.0.document']);
    const unchanged = await answerReview(
      stack,
      reviewId,
      lead,
      proposal([{ document: 'social-media-policy', baseVersion: policy.number, text: policy.text }]),
    );
    expect([unchanged.status, unchanged.body.error.code]).toEqual([422, 'unchanged_text']);
    const nothingPending = await judgeReview(stack, reviewId, chair, true);
    expect([nothingPending.status, nothingPending.body.error.code]).toEqual([409, 'not_awaiting_approval']);
    expect(await acceptedUpdates(stack, reviewId)).toBe(0);

    const firstDraft = policy.text.replace('4.2 Never publish customer data', '4.2 Never publish or forward customer data');
    const first = await answerReview(
      stack,
      reviewId,
      comms,
      proposal([{ document: 'social-media-policy', baseVersion: policy.number, text: firstDraft }]),
    );
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      reviewId,
      status: 'awaiting_approval',
      round: 1,
      pendingAnswer: { id: `${reviewId}-a1`, author: 'review-comms' },
      lastReturned: null,
    });
    const twice = await answerReview(stack, reviewId, lead, { kind: 'no_change', reason: 'Covered.' });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'answer_pending']);
    const sentBack = await judgeReview(stack, reviewId, chair, false, 'Also cover screenshots, and update the training.');
    expect(sentBack.status).toBe(200);
    expect(sentBack.body).toEqual({
      reviewId,
      status: 'awaiting_answer',
      round: 1,
      pendingAnswer: null,
      lastReturned: { answerId: `${reviewId}-a1`, reason: 'sent_back' },
    });

    const policyText = policy.text.replace(
      '4.2 Never publish customer data, in any form',
      '4.2 Never publish or forward customer data, in any form, including screenshots of internal tools',
    );
    const trainingText = `${training.text}\n## Module 7: Screenshots\n\nA screenshot of a ticket is customer data.\n`;
    const second = await answerReview(
      stack,
      reviewId,
      lead,
      proposal([
        { document: 'social-media-policy', baseVersion: policy.number, text: policyText, summary: 'Clause 4.2 covers screenshots.' },
        { document: 'training-material', baseVersion: training.number, text: trainingText, summary: 'New module on screenshots.' },
      ]),
    );
    expect(second.status).toBe(200);
    expect((await judgeReview(stack, reviewId, member, true)).status).toBe(200);

    const outcome = await result(reviewId);
    expect(outcome).toMatchObject({ reviewId, outcome: 'revised', caseIds: [lesson.caseId] });
    expect(outcome.revisions.map((r) => [r.documentId, r.versionNumber])).toEqual([
      ['social-media-policy', policy.number + 1],
      ['training-material', training.number + 1],
    ]);
    const published = await stack.db.policyVersion.findMany({ where: { reviewId } });
    expect(published).toHaveLength(2);
    // Step 7: the new social-media policy starts its awareness campaign, which outlives the review.
    const policyVersion = published.find((version) => version.documentId === 'social-media-policy')!;
    const campaign = await eventually(
      () =>
        stack.temporal.workflow
          .getHandle(`campaign-${policyVersion.id}`)
          .describe()
          .catch(() => undefined),
      15_000,
      'the awareness campaign',
    );
    expect(campaign.parentExecution?.workflowId).toBe(reviewId);
    const trainingVersion = published.find((version) => version.documentId === 'training-material')!;
    expect(
      await stack.temporal.workflow
        .getHandle(`campaign-${trainingVersion.id}`)
        .describe()
        .catch(() => null),
    ).toBeNull();
    expect(published.every((v) => v.author === 'review-lead' && v.approver === 'committee-member')).toBe(true);
    expect((await currentDocument(stack, 'social-media-policy')).text).toBe(policyText);
    const documents = await get('/api/documents', await stack.tokenFor('any-employee', 'employee'));
    expect(documents.body.documents.find((d: { id: string }) => d.id === 'social-media-policy').current).toMatchObject({
      number: policy.number + 1,
      changeSummary: 'Clause 4.2 covers screenshots.',
      author: 'review-lead',
      approver: 'committee-member',
      reviewId,
    });
    const diff = await get(`/api/documents/social-media-policy/diff?from=${policy.number}&to=${policy.number + 1}`);
    expect(diff.body.stats).toEqual({ added: 1, removed: 1 });
    expect(diff.body.unified).toContain('+4.2 Never publish or forward customer data, in any form, including screenshots');

    const view = await get(`/api/policy-reviews/${reviewId}`);
    expect(view.body).toMatchObject({ status: 'closed', outcome: 'revised', workflow: { running: false, status: 'closed' } });
    expect(view.body.answers.map((a: { status: string; kind: string }) => [a.kind, a.status])).toEqual([
      ['proposal', 'sent_back'],
      ['proposal', 'approved'],
    ]);
    expect(view.body.versions.map((v: { document: string }) => v.document)).toEqual(['social-media-policy', 'training-material']);
    expect(view.body.trail.map((e: { action: string }) => e.action)).toEqual([
      'policy_review_opened',
      'policy_review_answered',
      'policy_review_sent_back',
      'policy_review_answered',
      'policy_review_closed',
    ]);
    const timeline = await caseTimeline(lesson.caseId);
    const reviewEvents = timeline.filter((event) => event.details.reviewId === reviewId).map((event) => event.action);
    expect(reviewEvents).toEqual(view.body.trail.map((e: { action: string }) => e.action));
    expect((await judgeReview(stack, reviewId, chair, true)).status).toBe(409);
  });

  it('closes without a new version when the reviewers find no change is needed and the committee agrees', async () => {
    const lesson = await closedCaseLesson(stack, 'inappropriate', { category: 'error_of_judgement', severity: 'minor' });
    const reviewId = await startCaseReview(stack, lesson);
    const before = await stack.db.policyVersion.count();
    const answered = await answerReview(stack, reviewId, lead, {
      kind: 'no_change',
      reason: 'Clause 6.1 already says: when in doubt, do not post.',
    });
    expect(answered.status).toBe(200);
    const selfApproval = await judgeReview(stack, reviewId, await stack.tokenFor('review-lead', 'steering_committee'), true);
    expect([selfApproval.status, selfApproval.body.error.code]).toEqual([403, 'four_eyes']);
    expect((await judgeReview(stack, reviewId, chair, true, 'Agreed: the policy covers it.')).status).toBe(200);
    expect(await result(reviewId)).toMatchObject({ outcome: 'no_change', revisions: [] });
    expect(await stack.db.policyVersion.count()).toBe(before);
    const closed = await get(`/api/policy-reviews?status=closed&caseId=${lesson.caseId}`);
    expect(closed.body.reviews).toEqual([expect.objectContaining({ id: reviewId, status: 'closed', outcome: 'no_change', versions: [] })]);
    expect((await caseTimeline(lesson.caseId)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['policy_review_opened', 'policy_review_closed']),
    );
  });

  it('adds a positive lesson to the guidance and the training material as an example when approved', async () => {
    const lesson = await closedCaseLesson(stack, 'positive', { category: 'customer_service' });
    const reviewId = await startCaseReview(stack, lesson);
    const policy = await currentDocument(stack, 'social-media-policy');
    const training = await currentDocument(stack, 'training-material');
    const plan = await currentDocument(stack, 'communication-plan');
    expect(
      (await answerReview(stack, reviewId, comms, { kind: 'no_change', reason: 'Nothing to change beyond the example.' })).status,
    ).toBe(200);
    expect((await judgeReview(stack, reviewId, chair, true)).status).toBe(200);
    const outcome = await result(reviewId);
    expect(outcome.outcome).toBe('revised');
    expect(outcome.revisions.map((r) => [r.documentId, r.versionNumber])).toEqual([
      ['social-media-policy', policy.number + 1],
      ['training-material', training.number + 1],
    ]);
    for (const document of ['social-media-policy', 'training-material'] as const) {
      const { text } = await currentDocument(stack, document);
      expect(text).toContain(`<!-- example:${lesson.caseId} -->\n### A customer helped in public`);
      expect(text).not.toContain(lesson.decision.rationale);
    }
    expect(outcome.revisions[0].changeSummary).toBe('Added an example of good practice (A customer helped in public).');
    expect(await currentDocument(stack, 'communication-plan')).toEqual(plan);
  });
});

describe('reviews of the same documents at the same time', () => {
  it('refuse a proposal on a base that is no longer current; the overtaken proposal goes back for a rebase', async () => {
    const [first, second] = [await closedCaseLesson(stack, 'inappropriate'), await closedCaseLesson(stack, 'inappropriate')];
    const reviewA = await startCaseReview(stack, first);
    const reviewB = await startCaseReview(stack, second);
    const base = await currentDocument(stack, 'social-media-policy');
    const textA = `${base.text}\n10.1 Review A's clause.\n`;
    const textB = `${base.text}\n10.1 Review B's clause.\n`;
    expect(
      (await answerReview(stack, reviewA, lead, proposal([{ document: 'social-media-policy', baseVersion: base.number, text: textA }])))
        .status,
    ).toBe(200);
    expect(
      (await answerReview(stack, reviewB, comms, proposal([{ document: 'social-media-policy', baseVersion: base.number, text: textB }])))
        .status,
    ).toBe(200);

    expect((await judgeReview(stack, reviewA, chair, true)).status).toBe(200);
    expect((await result(reviewA)).revisions).toEqual([
      expect.objectContaining({ documentId: 'social-media-policy', versionNumber: base.number + 1 }),
    ]);

    // Review A told review B: B's pending proposal went back to its reviewers, and its committee has nothing to approve.
    const rebasing = await eventually(async () => {
      const state = await reviewState(stack, reviewB);
      return state.status === 'awaiting_answer' ? state : undefined;
    });
    expect(rebasing.currentVersions!['social-media-policy']).toBe(base.number + 1);
    expect(rebasing.returned).toEqual([expect.objectContaining({ answerId: `${reviewB}-a1`, reason: 'stale_base', by: 'system' })]);
    expect((await judgeReview(stack, reviewB, chair, true)).status).toBe(409);
    const inbox = await get('/api/me/notifications', comms);
    expect(
      inbox.body.notifications.some(
        (n: { subject: string; body: string }) => n.subject === 'Rebase your policy proposal' && n.body.includes(reviewB),
      ),
    ).toBe(true);

    // The same stale base again: refused by the API (database) and by the workflow's own validator.
    const again = await answerReview(
      stack,
      reviewB,
      comms,
      proposal([{ document: 'social-media-policy', baseVersion: base.number, text: textB }]),
    );
    expect([again.status, again.body.error.code]).toEqual([409, 'stale_base']);
    expect(again.body.error.message).toContain(`is at version ${base.number + 1}, the proposal is based on version ${base.number}`);
    const updatesBefore = await acceptedUpdates(stack, reviewB);
    const direct = stack.temporal.workflow.getHandle(reviewB).executeUpdate(answerReviewUpdate, {
      args: [
        {
          reviewer: { sub: 'review-comms', name: 'Comms', roles: ['communications'] },
          answer: proposal([{ document: 'social-media-policy', baseVersion: base.number, text: textB }]) as never,
        },
      ],
    });
    await expect(direct).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    await expect(direct).rejects.toMatchObject({ cause: { type: 'stale_base' } });
    expect(await acceptedUpdates(stack, reviewB)).toBe(updatesBefore);

    // Rebased on the current version, it goes through.
    const rebased = `${textA}10.2 Review B's clause.\n`;
    expect(
      (
        await answerReview(
          stack,
          reviewB,
          comms,
          proposal([{ document: 'social-media-policy', baseVersion: base.number + 1, text: rebased }]),
        )
      ).status,
    ).toBe(200);
    expect((await judgeReview(stack, reviewB, chair, true)).status).toBe(200);
    expect((await result(reviewB)).revisions).toEqual([expect.objectContaining({ versionNumber: base.number + 2 })]);
    expect((await currentDocument(stack, 'social-media-policy')).text).toBe(rebased);
    const answers = await stack.db.policyReviewAnswer.findMany({ where: { reviewId: reviewB }, orderBy: { round: 'asc' } });
    expect(answers.map((a) => a.status)).toEqual(['stale', 'approved']);
  });

  it('publish once when two approvals race in the database: the second finds its base stale and writes nothing', async () => {
    const activities = createPolicyReviewActivities(stack.db);
    const base = await currentDocument(stack, 'social-media-policy');
    const reviewer = { sub: 'racer', name: 'Racer', roles: ['social_media_lead' as const] };
    const approver = { sub: 'judge', name: 'Judge', roles: ['steering_committee' as const] };
    const conclude = async (label: string) => {
      const reviewId = stack.unique(`race-${label}`);
      const submitted = {
        id: `${reviewId}-a1`,
        round: 1,
        author: reviewer,
        submittedAt: new Date().toISOString(),
        answer: {
          kind: 'proposal' as const,
          rationale: 'Race.',
          changes: [
            { document: 'social-media-policy' as const, baseVersion: base.number, text: `${base.text}\n${label}\n`, summary: label },
          ],
        },
      };
      await stack.db.policyReview.create({ data: { id: reviewId, trigger: 'case', status: 'open' } });
      await activities.recordReviewAnswer({ reviewId, submitted });
      const verdict = { approver, approve: true, rationale: 'Go.', at: new Date().toISOString() };
      return { reviewId, run: () => activities.concludePolicyReview({ reviewId, submitted, verdict }) };
    };
    const [a, b] = await Promise.all([conclude('A'), conclude('B')]);
    const outcomes = await Promise.all([a.run(), b.run()]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['concluded', 'stale']);
    const stale = outcomes.find((o) => o.status === 'stale')!;
    expect(stale.currentVersions['social-media-policy']).toBe(base.number + 1);
    expect(await stack.db.policyVersion.count({ where: { documentId: 'social-media-policy', number: { gt: base.number } } })).toBe(1);
    // A retry of the winner after its commit answers what it published, and publishes nothing more.
    const winner = outcomes[0].status === 'concluded' ? a : b;
    expect(await winner.run()).toMatchObject({
      status: 'concluded',
      outcome: 'revised',
      revisions: [expect.objectContaining({ versionNumber: base.number + 1 })],
    });
    expect(await stack.db.policyVersion.count({ where: { documentId: 'social-media-policy', number: { gt: base.number } } })).toBe(1);
  });
});

describe('deadlines', () => {
  it('reminds the reviewers, escalates to the steering committee, then reminds the committee of a pending answer', async () => {
    const lesson = await closedCaseLesson(stack, 'inappropriate');
    const reviewId = await startCaseReview(stack, lesson, { reminderMs: 1_000, deadlineMs: 2_500 });
    const overdue = { caseId: lesson.caseId, recipient: 'role:steering_committee', subject: 'A policy review is overdue' };
    await eventually(
      async () => ((await stack.db.notification.count({ where: overdue })) > 0 ? true : undefined),
      15_000,
      'the escalation',
    );
    expect(await reviewState(stack, reviewId)).toMatchObject({ status: 'awaiting_answer', escalated: true });
    // Opening, the reminder, then the escalation (to the committee and the reviewers); later reminders say "still".
    const notices = await stack.db.notification.findMany({
      where: { caseId: lesson.caseId, subject: { contains: 'policy review' }, NOT: { subject: { contains: 'still' } } },
    });
    expect(notices.map((n) => `${n.recipient}: ${n.subject}`).sort()).toEqual([
      'role:communications: A policy review awaits your answer',
      'role:communications: A policy review awaits your answer',
      'role:communications: A policy review is overdue',
      'role:social_media_lead: A policy review awaits your answer',
      'role:social_media_lead: A policy review awaits your answer',
      'role:social_media_lead: A policy review is overdue',
      'role:steering_committee: A policy review is overdue',
    ]);
    // Once escalated, the committee may answer itself; another member approves (four eyes).
    expect((await answerReview(stack, reviewId, chair, { kind: 'no_change', reason: 'Covered by clause 6.1.' })).status).toBe(200);
    await eventually(
      async () =>
        (await stack.db.notification.count({ where: { caseId: lesson.caseId, subject: 'A policy review still awaits your approval' } })) > 0
          ? true
          : undefined,
      15_000,
      'an approval reminder',
    );
    expect((await judgeReview(stack, reviewId, member, true)).status).toBe(200);
    expect((await result(reviewId)).outcome).toBe('no_change');
    const actions = (await caseTimeline(lesson.caseId)).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['policy_review_reminder_sent', 'policy_review_escalated', 'policy_review_approval_reminder_sent']),
    );
  }, 40_000);
});
