import { type Notice, roleInbox } from './inboxes';
import {
  type CurrentVersions,
  type Lesson,
  POLICY_DOCUMENT_TITLES,
  type PolicyRevision,
  type ReturnedAnswer,
  type ReviewAnswer,
  type ReviewVerdict,
  staleBases,
  type SubmittedAnswer,
} from './policyReview';

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

export const reviewFolded = (reviewId: string, dueAt: string): Notice => ({
  subject: 'A policy review closed unanswered',
  body: `Policy review ${reviewId} was not answered (due ${dueAt}): it is closed, and its lessons go to the next periodic review.`,
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

const documentList = (documents: readonly string[]) => documents.join(', ');

export function reviewOpened(reviewId: string, lessons: Lesson[], answerDueAt: string, documents: readonly string[]): Notice {
  const what =
    lessons.length === 0
      ? 'No case was closed with a sanction or a capitalisation since the last periodic review: check that the documents are still complete and current.'
      : `${lessons.length === 1 ? 'One case' : `${lessons.length} cases`} to learn from (${lessons.map((l) => `${l.category}/${l.severity}`).join(', ')}).`;
  return {
    subject: 'A policy review awaits your answer',
    body: `Policy review ${reviewId}: ${what} Documents concerned: ${documentList(documents)}. Propose new text or say why no change is needed by ${answerDueAt}.`,
  };
}

export function answerSubmitted(reviewId: string, authorName: string, kind: ReviewAnswer['kind'], documents: readonly string[]): Notice {
  const what = kind === 'proposal' ? `proposes new versions of ${documentList(documents)}` : 'finds that no change is needed';
  return {
    subject: 'A policy review awaits your approval',
    body: `Policy review ${reviewId}: ${authorName} ${what}. Approve it or send it back.`,
  };
}

export const answerReturned = (reviewId: string, returned: ReturnedAnswer): Notice => ({
  subject: returned.reason === 'stale_base' ? 'Rebase your policy proposal' : 'Your policy proposal was sent back',
  body: `Policy review ${reviewId}: ${returned.note}`,
});

export function reviewClosed(
  reviewId: string,
  outcome: 'revised' | 'no_change',
  verdict: ReviewVerdict,
  revisions: PolicyRevision[],
): Notice {
  if (outcome === 'no_change') {
    return {
      subject: 'Policy review closed without change',
      body: `Policy review ${reviewId} was closed by ${verdict.approver.name}: no change needed.`,
    };
  }
  const published = revisions.map((r) => `${r.documentId} v${r.versionNumber}`).join(', ');
  return {
    subject: 'Policy documents revised',
    body: `Policy review ${reviewId} was approved by ${verdict.approver.name}: published ${published}, effective ${verdict.at}.`,
  };
}
