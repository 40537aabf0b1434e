import { condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { CaseOpening, CaseState } from '../domain/case';
import { routeCase } from '../domain/routing';
import { caseStateQuery } from './messages';

const { openCaseRecord } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** One detected activity, carried from detection to closure. */
export async function caseWorkflow(opening: CaseOpening): Promise<void> {
  const decidingRole = routeCase(opening.assessment);
  const state: CaseState = {
    caseId: opening.caseId,
    status: 'awaiting_decision',
    assessment: opening.assessment,
    decidingRole,
    department: opening.employee.department,
    decisionDueAt: new Date(workflowInfo().startTime.getTime() + opening.timing.decisionDeadlineMs).toISOString(),
  };
  setHandler(caseStateQuery, () => state);

  await openCaseRecord(opening, decidingRole);
  await condition(() => state.status === 'closed');
}
