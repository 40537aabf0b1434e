import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import type { CaseState } from '../../domain/case';
import type { Refusal } from '../../domain/decisions';
import type { ApiContext } from '../context';
import { ApiError, notFound } from '../errors';

const STATUS_OF_REFUSAL: Record<Refusal['kind'], number> = { forbidden: 403, conflict: 409, unprocessable: 422 };

/**
 * Sends a human action into a case as a Workflow Update. A refusal by the update's validator
 * never enters history; it comes back here and is answered with its status and reason.
 */
export async function updateCase<Args>(
  ctx: ApiContext,
  caseId: string,
  update: UpdateDefinition<CaseState, [Args]>,
  args: Args,
): Promise<CaseState> {
  try {
    return await ctx.temporal.workflow.getHandle(caseId).executeUpdate(update, { args: [args] });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const kind = error.cause.details?.[0] as Refusal['kind'] | undefined;
      throw new ApiError(STATUS_OF_REFUSAL[kind ?? 'unprocessable'] ?? 422, error.cause.type ?? 'refused', error.cause.message);
    }
    if (error instanceof WorkflowNotFoundError) {
      const record = await ctx.db.case.findUnique({ where: { id: caseId }, select: { status: true } });
      if (record) throw new ApiError(409, 'case_closed', `Case ${caseId} is closed`);
      throw notFound(`Case ${caseId}`);
    }
    throw error;
  }
}
