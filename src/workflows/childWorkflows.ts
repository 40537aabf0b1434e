import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, startChild, WorkflowIdReusePolicy } from '@temporalio/workflow';

/**
 * Starts a child workflow that outlives its parent (parent-close policy ABANDON) under an id that is
 * used once (REJECT_DUPLICATE), and returns once it has started. A workflow already there under that
 * id (started by hand, by an earlier attempt, or for a reset or replayed parent) is the one wanted.
 */
export async function startChildOnce<Input>(workflow: (input: Input) => Promise<unknown>, workflowId: string, input: Input): Promise<void> {
  try {
    await startChild(workflow, {
      workflowId,
      args: [input],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return;
    throw error;
  }
}
