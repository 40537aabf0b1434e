import { REVIEW_APPROVER_ROLES, REVIEWER_ROLES } from '../../domain/policyReview';
import { caseWorkDueAt, oldestFirst, type WorkItem, workItem, type WorkKind } from '../../domain/workItems';
import { campaignsAwaitingAcknowledgement } from '../../records/campaigns';
import { caseWorkOf, type CaseWorkRecord } from '../../records/caseWork';
import { OPEN_REMOVAL_STATUSES } from '../../records/operations';
import { findPolicyReviews } from '../../records/policyReviews';
import { policyReviewStateQuery } from '../../workflows/policyReviewMessages';
import type { Principal } from '../auth/tokens';
import type { ApiContext } from '../context';
import { liveState } from './liveState';

/** What of a case waits on someone: its recorded status for a decision or an approval; its lesson, content action and opportunity for the rest. */
function caseWorkKinds(record: CaseWorkRecord, now: number): WorkKind[] {
  const kinds: WorkKind[] = [];
  if (record.status === 'awaiting_decision') kinds.push('decision');
  if (record.status === 'awaiting_approval') kinds.push('approval');
  if (record.explanation?.status === 'draft') kinds.push('explanation_review');
  if (record.contentAction && OPEN_REMOVAL_STATUSES.includes(record.contentAction.status)) kinds.push('removal_report');
  const followUpDue = record.opportunity?.followUpDueAt;
  if (record.opportunity?.reproduced === null && followUpDue && followUpDue.getTime() <= now) kinds.push('follow_up');
  return kinds;
}

/** When the case's current wait began: the last routing, send-back or decision for those; the lesson, removal or follow-up question for the others. */
function waitingSince(record: CaseWorkRecord, kind: WorkKind): Date {
  if (kind === 'explanation_review') return record.explanation?.createdAt ?? record.openedAt;
  if (kind === 'removal_report') return record.contentAction?.createdAt ?? record.openedAt;
  if (kind === 'follow_up') return record.opportunity?.followUpDueAt ?? record.openedAt;
  return record.auditEvents[0]?.at ?? record.openedAt;
}

function caseItems(records: CaseWorkRecord[], now: number): WorkItem[] {
  return records.flatMap((record) =>
    caseWorkKinds(record, now).map((kind) => {
      const since = waitingSince(record, kind);
      const about = `${record.kind}: ${record.category.replaceAll('_', ' ')}${record.kind === 'inappropriate' ? ` (${record.severity})` : ''}`;
      return workItem(
        { kind, subject: { type: 'case', id: record.id }, about, since, dueAt: caseWorkDueAt(kind, since, record.timing) },
        now,
      );
    }),
  );
}

/** Open reviews waiting on the person: an answer (reviewers; the committee once escalated), or the committee's verdict on another's answer. */
async function reviewItems(ctx: ApiContext, principal: Principal, now: number): Promise<WorkItem[]> {
  const answers = principal.roles.some((role) => REVIEWER_ROLES.includes(role) || REVIEW_APPROVER_ROLES.includes(role));
  if (!answers) return [];
  const { reviews } = await findPolicyReviews(ctx.db, { status: 'open', limit: 200, offset: 0 });
  const live = await Promise.all(reviews.map((review) => liveState(ctx, review.id, policyReviewStateQuery, { runningOnly: true })));
  return reviews.flatMap((review, i) => {
    const state = live[i]?.state;
    if (!state) return [];
    const subject = { type: 'policy_review' as const, id: review.id };
    const about =
      review.trigger === 'periodic' ? 'periodic review' : `after ${review.cases.length} case${review.cases.length === 1 ? '' : 's'}`;
    const isReviewer = principal.roles.some((role) => REVIEWER_ROLES.includes(role));
    const isApprover = principal.roles.some((role) => REVIEW_APPROVER_ROLES.includes(role));
    if (state.status === 'awaiting_answer' && (isReviewer || (isApprover && state.escalated))) {
      const dueAt = state.answerDueAt ? new Date(state.answerDueAt) : null;
      return [workItem({ kind: 'policy_review_answer', subject, about, since: review.openedAt, dueAt }, now)];
    }
    if (state.status === 'awaiting_approval' && isApprover && state.answer && state.answer.author.sub !== principal.sub) {
      return [workItem({ kind: 'policy_review_approval', subject, about, since: new Date(state.answer.submittedAt), dueAt: null }, now)];
    }
    return [];
  });
}

/** What waits on the caller across cases, policy reviews and campaigns, oldest first, each with its due date and whether it is overdue. */
export async function myWork(ctx: ApiContext, principal: Principal): Promise<{ items: WorkItem[] }> {
  const now = Date.now();
  const [cases, reviews, campaigns] = await Promise.all([
    caseWorkOf(ctx.db, principal, new Date(now)),
    reviewItems(ctx, principal, now),
    campaignsAwaitingAcknowledgement(ctx.db, principal.sub),
  ]);
  const acknowledgements = campaigns.map((campaign) =>
    workItem(
      {
        kind: 'acknowledgement',
        subject: { type: 'campaign', id: campaign.id },
        about: `${campaign.title}, version ${campaign.versionNumber}`,
        since: campaign.startedAt,
        dueAt: campaign.deadline,
      },
      now,
    ),
  );
  return { items: oldestFirst([...caseItems(cases, now), ...reviews, ...acknowledgements]) };
}
