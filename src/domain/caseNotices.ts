import { employeeInbox, type InboxAddress, type Notice, roleInbox } from './inboxes';
import type { DecidingRole, Sanction } from './vocabulary';

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

export const explanationEscalation = (caseId: string, reminders: number): Notice => ({
  subject: 'A lesson is overdue',
  body: `The explanation of case ${caseId} is still under review after ${reminders} reminders: no more will be sent. Approve or withdraw it.`,
});

const SANCTION_WORDS: Record<Sanction, string> = {
  conversation: 'a conversation with your manager',
  mandatory_training: 'mandatory social-media training',
  written_warning: 'a written warning',
  suspension: 'a suspension',
  termination: 'the termination of your employment',
};

/** What a sanction is about, e.g. "customer data disclosure (serious)". */
export interface SanctionFacts {
  act: string;
  sanction: Sanction;
  rationale: string;
}

export const sanctionNotice = ({ act, sanction, rationale }: SanctionFacts): Notice => ({
  subject: 'A measure has been decided about your social-media activity',
  body: `After review of ${act}, the company has decided on ${SANCTION_WORDS[sanction]}. Reason: ${rationale}`,
});

export const managerSanctionNotice = (employeeName: string, { act, sanction, rationale }: SanctionFacts): Notice => ({
  subject: `Measure decided for ${employeeName}`,
  body: `${employeeName} receives ${sanction.replaceAll('_', ' ')} for ${act}. Reason: ${rationale}`,
});

/** The content a decision acts on, as the content handlers are told of it. */
export interface ContentFacts {
  caseId: string;
  url: string;
  platform: string;
  rationale: string;
}

export const manualRemovalRequest = ({ caseId, url, platform, rationale }: ContentFacts, reason: string): Notice => ({
  subject: 'Remove a post from a company site',
  body: `Please remove ${url} (${platform}) by hand (${reason}) and report it on case ${caseId}. Reason: ${rationale}`,
});

/** `streisandHint`: whether asking for removal may draw more attention to the post. */
export const removalRequest = ({ caseId, url, platform }: ContentFacts, streisandHint: string): Notice => ({
  subject: `Ask ${platform} to remove a post`,
  body: `Request the removal of ${url} and report the answer on case ${caseId}. ${streisandHint}`,
});

export const insightNotice = (url: string, rationale: string, reproduce: string): Notice => ({
  subject: 'A new insight from social media',
  body: `A positive activity (${url}) holds an insight for your team. ${rationale} To reproduce it: ${reproduce}`,
});

export const amplifyRequest = (url: string, rationale: string): Notice => ({
  subject: 'Amplify a successful post',
  body: `Please amplify ${url}. ${rationale}`,
});
