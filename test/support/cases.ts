import type { Response } from 'supertest';
import type { CaseState } from '../../src/domain/case';
import type { DetectedActivityInput } from '../../src/domain/schemas/intake';
import { caseStateQuery, intakeUpdate } from '../../src/workflows/caseMessages';
import { detection, eventually, hireEmployee } from './fixtures';
import type { Stack } from './stack';

export interface OpenedCase {
  caseId: string;
  employeeId: string;
  managerId: string | null;
}

/** Hires an employee (under a manager unless told otherwise) and reports an activity: the 202 means the case can be decided. */
export async function openCase(
  stack: Stack,
  assessment: DetectedActivityInput['assessment'],
  options: { withManager?: boolean; detection?: Partial<DetectedActivityInput>; employeeId?: string } = {},
): Promise<OpenedCase> {
  const managerId = options.withManager === false ? null : await hireEmployee(stack);
  const employeeId = options.employeeId ?? (await hireEmployee(stack, { managerId }));
  const token = await stack.tokenFor('listening-tool', 'detector');
  const response = await stack.http
    .post('/api/activities')
    .set('Authorization', `Bearer ${token}`)
    .send(detection(stack, employeeId, { assessment, ...options.detection }));
  if (response.status !== 202) throw new Error(`intake failed: ${response.status} ${JSON.stringify(response.body)}`);
  const { caseId } = response.body as { caseId: string };
  return { caseId, employeeId, managerId };
}

export function caseState(stack: Stack, caseId: string): Promise<CaseState> {
  return stack.temporal.workflow.getHandle(caseId).query(caseStateQuery);
}

export async function waitForStatus(stack: Stack, caseId: string, status: CaseState['status'], timeoutMs = 20_000): Promise<CaseState> {
  return eventually(
    async () => {
      const state = await caseState(stack, caseId);
      return state.status === status ? state : undefined;
    },
    timeoutMs,
    `case ${caseId} to be ${status}`,
  );
}

/** Waits for the workflow to finish and returns the case as the API shows it. */
export async function closedCase(stack: Stack, caseId: string, token: string) {
  await stack.temporal.workflow.getHandle(caseId).result();
  const response = await stack.http.get(`/api/cases/${caseId}`).set('Authorization', `Bearer ${token}`);
  return response.body;
}

/**
 * The case's own steps on its timeline. The policy review a case opens writes its steps there too
 * (`policy_review_*`), concurrently with the case's last steps, so they are left out here.
 */
export const actionsOf = (view: { timeline: { action: string }[] }) =>
  view.timeline.map((event) => event.action).filter((action) => !action.startsWith('policy_review_'));

/** Inbox messages of a case itself, leaving out those of the policy review it opened. */
export async function caseMessages(stack: Stack, caseId: string) {
  return stack.db.notification.findMany({ where: { caseId, NOT: { idempotencyKey: { startsWith: 'policy-review-' } } } });
}

export function post(stack: Stack, path: string, token: string, body: object): Promise<Response> {
  return stack.http.post(path).set('Authorization', `Bearer ${token}`).send(body);
}

export const sanction = (name: string, extra: object = {}) => ({
  outcome: 'sanction',
  sanction: name,
  rationale: 'The post disclosed what it should not have.',
  content: { action: 'leave', rationale: 'Asking for removal would draw attention to it.' },
  ...extra,
});

/** How many Updates from people the workflow accepted into its history (the intake Update that opened a case is not one). */
export async function acceptedUpdates(stack: Stack, workflowId: string): Promise<number> {
  const history = await stack.temporal.workflow.getHandle(workflowId).fetchHistory();
  const names = (history.events ?? []).map((event) => event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name);
  return names.filter((name) => name !== undefined && name !== null && name !== intakeUpdate.name).length;
}
