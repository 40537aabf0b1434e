import { caseReviewId, type Lesson } from '../domain/policyReview';
import { startChildOnce } from './childWorkflows';
import { policyReviewWorkflow } from './policyReviewWorkflow';

/**
 * Opens the policy review of a closed case as a child workflow (`policy-review-<caseId>`) that outlives
 * the case, and returns once it has started; the review pins the worker's configured durations. Asking
 * twice (a reset or replayed case) finds the review already there.
 */
export function openCaseReview(lesson: Lesson): Promise<void> {
  return startChildOnce(policyReviewWorkflow, caseReviewId(lesson.caseId), { trigger: 'case', lesson });
}
