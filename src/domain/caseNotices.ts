import { employeeInbox, type InboxAddress, roleInbox } from './inboxes';
import type { DecidingRole } from './vocabulary';

/** The words of a notice a case puts in its handlers' inboxes. */
export interface Notice {
  subject: string;
  body: string;
}

/** Where the decider of a case is told: the employee's own manager, or everyone holding the deciding role. */
export const deciderInbox = (role: DecidingRole, managerId: string | null): InboxAddress =>
  role === 'manager' && managerId ? employeeInbox(managerId) : roleInbox(role);

export const decisionReminder = (caseId: string, dueAt: string): Notice => ({
  subject: 'A case awaits your decision',
  body: `Case ${caseId} is due for a decision by ${dueAt}.`,
});

export const escalationNotice = (caseId: string, from: DecidingRole): Notice => ({
  subject: 'A case has been escalated to you',
  body: `Case ${caseId} was not decided in time by the ${from.replaceAll('_', ' ')} and now awaits your decision.`,
});

export const approvalReminder = (caseId: string): Notice => ({
  subject: 'A harsh sanction awaits your approval',
  body: `Case ${caseId} needs a second approver.`,
});

export const removalReminder = (caseId: string): Notice => ({
  subject: 'A removal awaits news',
  body: `Report on the removal for case ${caseId}.`,
});

/** `reproduce`: how the decider planned to reproduce the success. */
export const followUpQuestion = (caseId: string, reproduce: string): Notice => ({
  subject: 'Was the success reproduced?',
  body: `Case ${caseId}: report whether the positive activity was reproduced (${reproduce}).`,
});

export const explanationReminder = (caseId: string): Notice => ({
  subject: 'A lesson awaits review',
  body: `Review the explanation of case ${caseId}.`,
});
