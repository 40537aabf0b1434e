import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import type { CaseReceipt } from '../../domain/case';
import type { Refusal } from '../../domain/refusal';
import { caseExists } from '../../records/cases';
import type { ApiContext } from '../context';
import { ApiError, notFound, STATUS_OF_REFUSAL } from '../errors';

/** What to say when the workflow is gone: closed (its record exists) or unknown. */
export interface ClosedTarget {
  /** e.g. "Case case-x" or "Policy review policy-review-x". */
  label: string;
  closedCode: string;
  recorded(): Promise<boolean>;
}

/**
 * Sends a human action into a workflow as a Workflow Update. A refusal by the update's validator
 * never enters history; it comes back here and is answered with its status and reason.
 */
export async function sendUpdate<State, Args>(
  ctx: ApiContext,
  workflowId: string,
  update: UpdateDefinition<State, [Args]>,
  args: Args,
  target: ClosedTarget,
): Promise<State> {
  try {
    return await ctx.temporal.workflow.getHandle(workflowId).executeUpdate(update, { args: [args] });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const kind = error.cause.details?.[0] as Refusal['kind'] | undefined;
      throw new ApiError(STATUS_OF_REFUSAL[kind ?? 'unprocessable'] ?? 422, error.cause.type ?? 'refused', error.cause.message);
    }
    if (error instanceof WorkflowNotFoundError) {
      if (await target.recorded()) throw new ApiError(409, target.closedCode, `${target.label} is closed`);
      throw notFound(target.label);
    }
    throw error;
  }
}

export function updateCase<Args>(
  ctx: ApiContext,
  caseId: string,
  update: UpdateDefinition<CaseReceipt, [Args]>,
  args: Args,
): Promise<CaseReceipt> {
  return sendUpdate(ctx, caseId, update, args, {
    label: `Case ${caseId}`,
    closedCode: 'case_closed',
    recorded: () => caseExists(ctx.db, caseId),
  });
}
