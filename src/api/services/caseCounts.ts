import { CASE_STATUSES, type CaseStatus } from '../../domain/vocabulary';
import { CASE_STATUS } from '../../workflows/searchAttributes';
import type { ApiContext } from '../context';

/**
 * Running case workflows of this deployment's task queue in each open status, as Temporal's visibility
 * store has them: the live status (explaining, awaiting removal...) that the records only partly follow.
 */
export async function openCasesByStatus(ctx: Pick<ApiContext, 'temporal' | 'taskQueue'>): Promise<{ status: CaseStatus; count: number }[]> {
  const open = CASE_STATUSES.filter((status) => status !== 'closed');
  return Promise.all(
    open.map(async (status) => {
      const query = `WorkflowType = "caseWorkflow" AND ExecutionStatus = "Running" AND TaskQueue = "${ctx.taskQueue}" AND ${CASE_STATUS.name} = "${status}"`;
      return { status, count: (await ctx.temporal.workflow.count(query)).count };
    }),
  );
}
