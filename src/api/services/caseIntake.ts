import { createHash, randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { CaseOpening } from '../../domain/case';
import { actorOf } from '../../domain/decider';
import { initialDecidingRole } from '../../domain/routing';
import type { DetectedActivityInput } from '../../domain/schemas/intake';
import { caseExists } from '../../records/cases';
import { findEmployee } from '../../records/employees';
import { caseWorkflow } from '../../workflows';
import { intakeUpdate } from '../../workflows/caseMessages';
import { caseSearchAttributes } from '../../workflows/searchAttributes';
import type { Principal } from '../auth/tokens';
import { caseIdFor } from '../caseIdentity';
import type { ApiContext } from '../context';
import { invalidInput } from '../errors';

export interface IntakeResult {
  caseId: string;
  created: boolean;
}

/** Who is asking, when the caller can tell (e.g. an Idempotency-Key): the same request is answered by the same intake Update. */
export interface IntakeRequest {
  requestId?: string;
}

/** The id of a request's intake Update: derived from its request id (hashed: ids are not encrypted), else fresh. */
export function intakeUpdateId(request: IntakeRequest): string {
  if (request.requestId === undefined) return `intake-${randomUUID()}`;
  return `intake-${createHash('sha256').update(request.requestId).digest('hex').slice(0, 32)}`;
}

/**
 * Opens the case of a detected activity and answers once it can be decided. A case already on
 * record (even one Temporal no longer holds) is answered from the database, and no workflow is
 * started for it. Otherwise the workflow starts with an intake Update (Update-with-Start, an id
 * already running is joined): starting it is the durable commit point, and the Update completes
 * once the workflow has pinned the judgement basis and recorded the case.
 */
export async function openCase(
  ctx: ApiContext,
  input: DetectedActivityInput,
  reporter: Principal,
  request: IntakeRequest = {},
): Promise<IntakeResult> {
  const employee = await findEmployee(ctx.db, input.employeeId);
  if (!employee || !employee.active) {
    throw invalidInput([{ path: 'employeeId', message: `no active employee ${input.employeeId} in the directory` }]);
  }
  const { employeeId: _employeeId, assessment, ...detection } = input;
  const caseId = caseIdFor(input.source, input.sourceRef);
  if (await caseExists(ctx.db, caseId)) return { caseId, created: false };
  const opening: CaseOpening = {
    caseId,
    detection,
    employee: { id: employee.id, department: employee.department, managerId: employee.managerId },
    assessment: assessment as CaseOpening['assessment'],
    openedBy: actorOf(reporter),
    ...ctx.caseSettings,
  };
  const start = new WithStartWorkflowOperation(caseWorkflow, {
    workflowId: caseId,
    taskQueue: ctx.taskQueue,
    args: [opening],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    typedSearchAttributes: caseSearchAttributes({
      assessment: opening.assessment,
      status: 'awaiting_decision',
      decidingRole: initialDecidingRole(opening.assessment, employee.managerId, opening.routing),
      department: employee.department,
    }),
  });
  try {
    const receipt = await ctx.temporal.workflow.executeUpdateWithStart(intakeUpdate, {
      updateId: intakeUpdateId(request),
      startWorkflowOperation: start,
    });
    return { caseId, created: receipt.created };
  } catch (error) {
    // Closed within Temporal's retention before it went on record: nothing to reopen.
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { caseId, created: false };
    throw error;
  }
}
