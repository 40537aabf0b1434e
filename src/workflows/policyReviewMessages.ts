import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Decider } from '../domain/decider';
import type { CurrentVersions, PolicyReviewState, ReviewAnswer, ReviewReceipt } from '../domain/policyReview';

export const policyReviewStateQuery = defineQuery<PolicyReviewState>('policyReviewState');

export interface AnswerReviewArgs {
  reviewer: Decider;
  answer: ReviewAnswer;
  /** The current versions as the caller read them from the database: a review is told of another's publication only when it overtook a pending proposal. */
  currentVersions?: CurrentVersions;
}
/** A reviewer's answer: new text for one or more documents against their current versions, or "no change needed". */
export const answerReviewUpdate = defineUpdate<ReviewReceipt, [AnswerReviewArgs]>('answerReview');

export interface ReviewVerdictArgs {
  approver: Decider;
  approve: boolean;
  rationale: string;
  /** The current versions as the caller read them from the database. */
  currentVersions?: CurrentVersions;
}
/** The steering committee's verdict: approval publishes the proposed versions, sending back reopens the review. */
export const reviewVerdictUpdate = defineUpdate<ReviewReceipt, [ReviewVerdictArgs]>('reviewVerdict');

/** Sent by a review that published new versions to the open reviews whose pending proposal they overtook. */
export const documentsPublishedSignal = defineSignal<[{ versions: Partial<CurrentVersions> }]>('documentsPublished');
