import { getExternalWorkflowHandle, setHandler, workflowInfo } from '@temporalio/workflow';
import { isCampaignDocument } from '../domain/campaign';
import type { CurrentVersions, PolicyReviewOpening, PolicyRevision, ReviewOutcome } from '../domain/policyReview';
import { activities, isoAt } from './activityCalls';
import { startAwarenessCampaign } from './campaignStarter';
import { answerReviewUpdate, documentsPublishedSignal, policyReviewStateQuery, reviewVerdictUpdate } from './policyReviewMessages';
import { ReviewRounds } from './reviewRounds';

export interface PolicyReviewOutcome {
  reviewId: string;
  outcome: ReviewOutcome;
  revisions: PolicyRevision[];
  caseIds: string[];
}

/**
 * A review of the social-media policy, the communication plan and the training material: after a
 * case (one lesson, started as a child of the case) or on the periodic schedule (every lesson since
 * the previous periodic review). Reviewers answer, the steering committee approves or sends back,
 * and approval publishes the new versions in one transaction; a review nobody answers folds into the
 * next periodic review. The lessons stay in the database: the workflow holds case ids.
 */
export async function policyReviewWorkflow(opening: PolicyReviewOpening): Promise<PolicyReviewOutcome> {
  const { workflowId: reviewId, runId } = workflowInfo();
  const review = new ReviewRounds(reviewId, opening);
  const { state } = review;

  setHandler(policyReviewStateQuery, () => state);
  setHandler(answerReviewUpdate, review.answer, { validator: review.validateAnswer });
  setHandler(reviewVerdictUpdate, review.verdict, { validator: review.validateVerdict });
  setHandler(documentsPublishedSignal, review.documentsPublished);

  // Opening: pin the durations, record the review and load the current versions its validators judge against.
  const timing = opening.timing ?? (await activities.policyReviewTiming());
  const answerDueAt = isoAt(Date.now() + timing.deadlineMs);
  const opened =
    opening.trigger === 'case'
      ? await activities.openCaseReview({ reviewId, runId, lesson: opening.lesson, answerDueAt, documents: state.documentsConcerned })
      : await activities.openPeriodicReview({ reviewId, runId, until: isoAt(Date.now()), answerDueAt });
  review.open(timing, opened);

  // Rounds: each answer and each answer sent back is recorded, until an approved answer is published.
  for (;;) {
    // A pending step is recorded at once, with no await before it, as always (see caseWorkflow).
    const step = review.takeStep();
    if (!step) {
      await review.waitForNews();
    } else if (step.type === 'answered') {
      await activities.recordReviewAnswer({ reviewId, submitted: step.submitted });
    } else if (step.type === 'returned') {
      await activities.recordAnswerReturned({ reviewId, returned: step.returned });
    } else if (step.type === 'folded') {
      await activities.foldPolicyReview({ reviewId, answerDueAt: state.answerDueAt! });
      return { reviewId, outcome: 'folded', revisions: [], caseIds: state.caseIds };
    } else {
      const conclusion = await activities.concludePolicyReview({ reviewId, submitted: step.submitted, verdict: state.verdict! });
      if (conclusion.status === 'stale') {
        review.overtaken(step.submitted, conclusion.currentVersions);
        continue;
      }
      review.close(conclusion);
      await announce(conclusion.revisions, reviewsToTell(conclusion));
      return { reviewId, outcome: conclusion.outcome, revisions: conclusion.revisions, caseIds: state.caseIds };
    }
  }
}

/** The reviews a conclusion tells: those whose pending proposal it overtook (conclusions recorded before named every open review). */
function reviewsToTell(conclusion: { overtakenReviewIds?: string[]; openReviewIds?: string[] }): string[] {
  return conclusion.overtakenReviewIds ?? conclusion.openReviewIds ?? [];
}

/**
 * Tells the open reviews whose pending proposal the new versions overtook (the others learn the
 * current versions from the API with their next answer), and starts the awareness campaign of a
 * revised policy.
 */
async function announce(revisions: PolicyRevision[], overtakenReviewIds: string[]): Promise<void> {
  if (revisions.length === 0) return;
  const versions = Object.fromEntries(
    revisions.map((revision) => [revision.documentId, revision.versionNumber]),
  ) as Partial<CurrentVersions>;
  // A review that closed meanwhile cannot be signalled; it no longer needs to know.
  await Promise.allSettled(overtakenReviewIds.map((id) => getExternalWorkflowHandle(id).signal(documentsPublishedSignal, { versions })));
  const policy = revisions.find((revision) => isCampaignDocument(revision.documentId));
  if (policy) await startAwarenessCampaign(policy);
}
