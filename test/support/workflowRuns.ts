import type { Stack } from './stack';

export interface WorkflowRun {
  runId: string;
  status: string;
  /** How many events its history holds. */
  events: number;
}

/** Every run of a workflow (one per continue-as-new), oldest first, with the length of its history. */
export async function runsOf(stack: Stack, workflowId: string): Promise<WorkflowRun[]> {
  const listed = [];
  for await (const execution of stack.temporal.workflow.list({ query: `WorkflowId = '${workflowId}'` })) listed.push(execution);
  listed.sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
  return Promise.all(
    listed.map(async ({ runId, status }) => {
      const history = await stack.temporal.workflow.getHandle(workflowId, runId).fetchHistory();
      return { runId, status: status.name, events: history.events?.length ?? 0 };
    }),
  );
}
