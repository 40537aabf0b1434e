import type { Notice } from '../domain/inboxes';
import type { InboxAddress } from '../domain/inboxes';
import type { PolicyReviewState, PolicyReviewTiming } from '../domain/policyReview';
import {
  answerReminder,
  COMMITTEE_INBOX,
  overdueReminder,
  REVIEWER_INBOXES,
  reviewEscalation,
  verdictReminder,
} from '../domain/policyReviewNotices';
import { patched } from '@temporalio/workflow';
import { activities, type ActivityInput, isoAt } from './activityCalls';
import { PATCHES } from './patches';

/** After escalation, how many more reminders an unanswered review sends (one per deadline period) before it waits silently. */
export const ESCALATED_REMINDERS = 3;
/** How many times the steering committee is reminded of an answer awaiting its verdict. */
export const APPROVAL_REMINDERS = 3;

type ReviewEvent = ActivityInput<'recordReviewProgress'>['event'];

/**
 * How an open policy review chases: the reviewers once before the deadline, an escalation to the
 * steering committee at the deadline, then a reminder every deadline period, and a deadline period
 * after the last one it lapses; an answer awaiting its verdict, the committee every reminder period,
 * then silence. Each wait for an answer or a verdict starts afresh.
 */
export class ReviewReminders {
  /** When the next reminder is due (workflow time, in ms); Infinity once none is. */
  nextAt = Infinity;
  /** Set when an unanswered review has had every reminder: it closes, folded into the next periodic review. */
  lapsed = false;
  private sent = 0;
  /** Pinned when the review opens; nothing is awaited before. */
  private timing!: PolicyReviewTiming;

  constructor(
    private readonly reviewId: string,
    private readonly state: PolicyReviewState,
  ) {}

  pin(timing: PolicyReviewTiming): void {
    this.timing = timing;
  }

  /** The reviewers are asked (again) for an answer: returns its due date. An escalated review stays escalated. */
  awaitAnswer(now: number): string {
    this.nextAt = now + (this.state.escalated ? this.timing.deadlineMs : this.timing.reminderMs);
    this.sent = 0;
    return isoAt(now + this.timing.deadlineMs);
  }

  awaitVerdict(now: number): void {
    this.nextAt = now + this.timing.reminderMs;
    this.sent = 0;
  }

  /** A reminder, an escalation, or silence once the reminders are spent. */
  async remind(): Promise<void> {
    const { reviewId, state, timing } = this;
    const now = Date.now();
    if (state.status === 'awaiting_approval' && state.answer) {
      if (!this.countReminder(APPROVAL_REMINDERS, now + timing.reminderMs)) return;
      const event = {
        key: `${state.answer.id}:approval-reminder:${this.sent}`,
        actor: 'system',
        action: 'policy_review_approval_reminder_sent',
      };
      await this.record(event, [COMMITTEE_INBOX], verdictReminder(reviewId));
      return;
    }
    const dueAt = state.answerDueAt!;
    if (!state.escalated && now >= Date.parse(dueAt)) {
      state.escalated = true;
      this.nextAt = now + timing.deadlineMs;
      const event = { key: `${reviewId}:escalated`, actor: 'system', action: 'policy_review_escalated', details: { dueAt } };
      await this.record(event, [COMMITTEE_INBOX, ...REVIEWER_INBOXES], reviewEscalation(reviewId, dueAt));
      return;
    }
    if (!state.escalated) {
      this.nextAt = Date.parse(dueAt);
      const event = {
        key: `${reviewId}:answer-reminder:${state.round}`,
        actor: 'system',
        action: 'policy_review_reminder_sent',
        details: { dueAt },
      };
      await this.record(event, REVIEWER_INBOXES, answerReminder(reviewId, dueAt));
      return;
    }
    if (!this.countReminder(ESCALATED_REMINDERS, now + timing.deadlineMs)) {
      // A deadline period after the last reminder; reviews opened before the patch wait in silence.
      this.lapsed = patched(PATCHES.foldUnansweredReviews);
      return;
    }
    const event = {
      key: `${reviewId}:overdue-reminder:${state.round}:${this.sent}`,
      actor: 'system',
      action: 'policy_review_reminder_sent',
      details: { overdue: true },
    };
    await this.record(event, [COMMITTEE_INBOX, ...REVIEWER_INBOXES], overdueReminder(reviewId));
  }

  /** Counts one more reminder, the next one due at `nextAt`; false (and silence) once `limit` were sent. */
  private countReminder(limit: number, nextAt: number): boolean {
    if (this.sent >= limit) {
      this.nextAt = Infinity;
      return false;
    }
    this.sent += 1;
    this.nextAt = nextAt;
    return true;
  }

  /** The step on the review's trail and its cases' timelines, with its notice to the recipients. */
  private record(event: ReviewEvent, recipients: InboxAddress[], notice: Notice): Promise<void> {
    return activities.recordReviewProgress({
      reviewId: this.reviewId,
      event,
      messages: [{ key: event.key, recipients, ...notice }],
    });
  }
}
