import type { Notice } from '../domain/inboxes';
import type { InboxAddress } from '../domain/inboxes';
import { activities, type ActivityInput } from './activityCalls';

type CaseProgress = ActivityInput<'recordCaseProgress'>;

/** A step a case takes by itself (a reminder, an escalation, a question): keyed, so a retry records and tells it once. */
export interface SystemStep {
  key: string;
  action: string;
  details?: CaseProgress['event']['details'];
  /** Where the case is routed from now on, when the step moves it. */
  decidingRole?: CaseProgress['decidingRole'];
}

/** Records a system step on the case's timeline and puts its notice in each recipient's inbox, in one activity. */
export function recordSystemStep(caseId: string, step: SystemStep, notice: Notice, recipients: readonly InboxAddress[]): Promise<void> {
  const { key, action, details, decidingRole } = step;
  return activities.recordCaseProgress({
    caseId,
    decidingRole,
    event: { eventKey: key, actor: 'system', action, details },
    messages: recipients.map((recipient) => ({ key, recipient, ...notice })),
  });
}
