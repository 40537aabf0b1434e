import { WorkflowNotFoundError } from '@temporalio/client';
import type { QueryDefinition } from '@temporalio/common';
import type { ApiContext } from '../context';

export interface LiveState<State> {
  running: boolean;
  state: State;
}

/**
 * A workflow's live state: whether it runs and what its query answers; null when Temporal does
 * not know the workflow. With `runningOnly`, a closed workflow is not queried and answers null too.
 */
export async function liveState<State>(
  ctx: ApiContext,
  workflowId: string,
  query: QueryDefinition<State>,
  { runningOnly = false } = {},
): Promise<LiveState<State> | null> {
  const handle = ctx.temporal.workflow.getHandle(workflowId);
  try {
    if (runningOnly) {
      const description = await handle.describe();
      return description.status.name === 'RUNNING' ? { running: true, state: await handle.query(query) } : null;
    }
    const [description, state] = await Promise.all([handle.describe(), handle.query(query)]);
    return { running: description.status.name === 'RUNNING', state };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}
