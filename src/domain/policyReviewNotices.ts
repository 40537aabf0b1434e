import type { Notice } from './caseNotices';
import { roleInbox } from './inboxes';
import { type CurrentVersions, POLICY_DOCUMENT_TITLES, staleBases, type SubmittedAnswer } from './policyReview';

/** Who answers a policy review, and who approves the answer. */
export const REVIEWER_INBOXES = [roleInbox('social_media_lead'), roleInbox('communications')];
export const COMMITTEE_INBOX = roleInbox('steering_committee');

export const answerReminder = (reviewId: string, dueAt: string): Notice => ({
  subject: 'A policy review awaits your answer',
  body: `Policy review ${reviewId} is due by ${dueAt}.`,
});

export const reviewEscalation = (reviewId: string, dueAt: string): Notice => ({
  subject: 'A policy review is overdue',
  body: `Policy review ${reviewId} was not answered by ${dueAt}. The steering committee may now answer it too.`,
});

export const overdueReminder = (reviewId: string): Notice => ({
  subject: 'A policy review is still overdue',
  body: `Policy review ${reviewId} still awaits an answer.`,
});

export const verdictReminder = (reviewId: string): Notice => ({
  subject: 'A policy review still awaits your approval',
  body: `Policy review ${reviewId} has an answer awaiting your verdict.`,
});

/** Why a proposal goes back to its reviewers when another review published the documents it was based on. */
export function staleBaseNote(current: CurrentVersions, submitted: SubmittedAnswer): string {
  const changes = submitted.answer.kind === 'proposal' ? submitted.answer.changes : [];
  const stale = staleBases(current, changes)
    .map(
      (s) =>
        `${POLICY_DOCUMENT_TITLES[s.document]} is now at version ${s.currentVersion} (the proposal was based on version ${s.baseVersion})`,
    )
    .join('; ');
  return `Another review revised the documents meanwhile: ${stale}. Rebase the proposal on the current versions and answer again.`;
}
