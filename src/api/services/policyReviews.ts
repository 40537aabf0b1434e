import type { UpdateDefinition } from '@temporalio/common';
import { type Person, readsRationales } from '../../domain/access';
import type { Decider } from '../../domain/decider';
import { type Lesson, POLICY_DOCUMENT_TITLES, refuseStaleBase, type ReviewAnswer, type ReviewReceipt } from '../../domain/policyReview';
import type { PolicyReviewListQuery } from '../../domain/schemas/policy';
import { currentPolicyVersions, latestPolicyVersions, versionNumbersOf } from '../../records/policyDocuments';
import { findPolicyReview, findPolicyReviews, isReviewOpen, policyReviewExists, type ReviewRecord } from '../../records/policyReviews';
import { answerReviewUpdate, policyReviewStateQuery, reviewVerdictUpdate } from '../../workflows/policyReviewMessages';
import type { ApiContext } from '../context';
import { ApiError, notFound } from '../errors';
import { liveState } from './liveState';
import { sendUpdate } from './workflowUpdates';

/** Sends a reviewer's or the committee's action into a review as a validated Workflow Update. */
export function updateReview<Args>(
  ctx: ApiContext,
  reviewId: string,
  update: UpdateDefinition<ReviewReceipt, [Args]>,
  args: Args,
): Promise<ReviewReceipt> {
  return sendUpdate(ctx, reviewId, update, args, {
    label: `Policy review ${reviewId}`,
    closedCode: 'review_closed',
    recorded: () => policyReviewExists(ctx.db, reviewId),
  });
}

/**
 * A reviewer's answer. A proposal is first checked against the documents as they are now (the
 * workflow's validator knows the versions it was told about; the database knows the latest), then
 * sent to the review with the current versions, which the review's validator judges it against.
 */
export async function answerPolicyReview(ctx: ApiContext, reviewId: string, reviewer: Decider, answer: ReviewAnswer) {
  const latest = await latestPolicyVersions(ctx.db);
  const currentVersions = versionNumbersOf(latest);
  if (answer.kind === 'proposal') {
    if (await isReviewOpen(ctx.db, reviewId)) {
      const stale = refuseStaleBase(currentVersions, answer.changes);
      if (stale) throw new ApiError(409, stale.code, stale.message);
      const unchanged = answer.changes.find((change) => change.text.trimEnd() === latest.get(change.document)!.text.trimEnd());
      if (unchanged) {
        throw new ApiError(
          422,
          'unchanged_text',
          `The proposed text of ${POLICY_DOCUMENT_TITLES[unchanged.document]} is the current one; leave it out of the proposal.`,
        );
      }
    }
  }
  return updateReview(ctx, reviewId, answerReviewUpdate, { reviewer, answer, currentVersions });
}

/** The committee's verdict, judged against the current versions: approving a proposal another review overtook is refused. */
export async function decidePolicyReview(ctx: ApiContext, reviewId: string, approver: Decider, approve: boolean, rationale: string) {
  const currentVersions = await currentPolicyVersions(ctx.db);
  return updateReview(ctx, reviewId, reviewVerdictUpdate, { approver, approve, rationale, currentVersions });
}

function reviewSummary(review: ReviewRecord) {
  return {
    id: review.id,
    trigger: review.trigger,
    status: review.status,
    outcome: review.outcome,
    openedAt: review.openedAt,
    closedAt: review.closedAt,
    period: review.trigger === 'periodic' ? { since: review.periodStart, until: review.periodEnd } : null,
    cases: review.cases.map(({ case: record }) => ({
      caseId: record.id,
      kind: record.kind,
      category: record.category,
      severity: record.severity,
      status: record.status,
      closedAt: record.closedAt,
    })),
    versions: review.versions.map((version) => ({
      document: version.documentId,
      number: version.number,
      changeSummary: version.changeSummary,
      effectiveAt: version.effectiveAt,
    })),
  };
}

/** Reviews, open and closed, newest first, each with the cases that fed it and the versions it published. */
export async function listPolicyReviews(ctx: ApiContext, query: PolicyReviewListQuery) {
  const { total, reviews } = await findPolicyReviews(ctx.db, query);
  return { total, limit: query.limit, offset: query.offset, reviews: reviews.map(reviewSummary) };
}

/** A review as reviewers and the committee read it: the record, its answers, the live state and its trail. */
export async function viewPolicyReview(ctx: ApiContext, reviewId: string, reader: Person) {
  const [{ record, answers, trail }, live] = await Promise.all([
    findPolicyReview(ctx.db, reviewId),
    liveState(ctx, reviewId, policyReviewStateQuery),
  ]);
  if (!record && !live) throw notFound(`Policy review ${reviewId}`);
  const state = live?.state ?? null;
  return {
    ...(record ? reviewSummary(record) : { id: reviewId, trigger: state?.trigger, status: 'open', outcome: null, cases: [], versions: [] }),
    workflow: live ? { running: live.running, status: state?.status } : null,
    lessons: ((record?.lessons as Lesson[] | undefined) ?? []).map((lesson) =>
      // The decider's own words may name the person; others read the anonymised lesson.
      readsRationales(reader) ? lesson : { ...lesson, decision: { ...lesson.decision, rationale: null } },
    ),
    documentsConcerned: state?.documentsConcerned ?? null,
    currentVersions: state?.currentVersions ?? null,
    answerDueAt: state?.answerDueAt ?? null,
    escalated: state?.escalated ?? null,
    pending: state ? { answer: state.status === 'awaiting_answer', approval: state.status === 'awaiting_approval' } : null,
    pendingAnswer: state?.status === 'awaiting_approval' ? state.answer : null,
    answers: answers.map(({ reviewId: _reviewId, ...answer }) => answer),
    trail: trail.map((event) => ({ at: event.at, actor: event.actor, action: event.action, details: event.details })),
  };
}
