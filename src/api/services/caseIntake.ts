import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { CaseOpening } from '../../domain/case';
import { actorOf } from '../../domain/decider';
import { initialDecidingRole } from '../../domain/routing';
import type { DetectedActivityInput } from '../../domain/schemas/intake';
import { findEmployee } from '../../records/employees';
import { caseWorkflow } from '../../workflows';
import { caseSearchAttributes } from '../../workflows/searchAttributes';
import type { Principal } from '../auth/tokens';
import { caseIdFor } from '../caseIdentity';
import type { ApiContext } from '../context';
import { invalidInput } from '../errors';

export interface IntakeResult {
  caseId: string;
  created: boolean;
}

/**
 * Opens the case of a detected activity by starting its workflow, the durable commit point:
 * the workflow records the case in the database. A re-sent detection finds the same case.
 */
export async function openCase(ctx: ApiContext, input: DetectedActivityInput, reporter: Principal): Promise<IntakeResult> {
  const employee = await findEmployee(ctx.db, input.employeeId);
  if (!employee || !employee.active) {
    throw invalidInput([{ path: 'employeeId', message: `no active employee ${input.employeeId} in the directory` }]);
  }
  const { employeeId: _employeeId, assessment, ...detection } = input;
  const caseId = caseIdFor(input.source, input.sourceRef);
  const opening: CaseOpening = {
    caseId,
    detection,
    employee: { id: employee.id, department: employee.department, managerId: employee.managerId },
    assessment: assessment as CaseOpening['assessment'],
    openedBy: actorOf(reporter),
    ...ctx.caseSettings,
  };
  try {
    await ctx.temporal.workflow.start(caseWorkflow, {
      workflowId: caseId,
      taskQueue: ctx.taskQueue,
      args: [opening],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: caseSearchAttributes({
        assessment: opening.assessment,
        status: 'awaiting_decision',
        decidingRole: initialDecidingRole(opening.assessment, employee.managerId, opening.routing),
        department: employee.department,
      }),
    });
    return { caseId, created: true };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { caseId, created: false };
    throw error;
  }
}
