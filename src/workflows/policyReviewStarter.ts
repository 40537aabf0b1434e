import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, startChild, WorkflowIdReusePolicy } from '@temporalio/workflow';
import { caseReviewId, type Lesson, type PolicyReviewTiming } from '../domain/policyReview';
import { policyReviewWorkflow } from './policyReviewWorkflow';

/**
 * Opens the policy review of a closed case as a child workflow (`policy-review-<caseId>`) that
 * outlives the case (parent-close policy ABANDON), and returns once it has started. Without
 * `timing` the review pins the worker's configured durations. Asking twice (a reset or replayed
 * case) finds the review already there.
 */
export async function openCaseReview(lesson: Lesson, timing?: PolicyReviewTiming): Promise<void> {
  try {
    await startChild(policyReviewWorkflow, {
      workflowId: caseReviewId(lesson.caseId),
      args: [{ trigger: 'case', lesson, ...(timing ? { timing } : {}) }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return;
    throw error;
  }
}
