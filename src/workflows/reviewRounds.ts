import { condition } from '@temporalio/workflow';
import {
  type CurrentVersions,
  documentsConcerned,
  POLICY_DOCUMENTS,
  type PolicyReviewOpening,
  type PolicyReviewState,
  type PolicyReviewTiming,
  refuseAnswer,
  refuseVerdict,
  type ReturnedAnswer,
  type ReviewReceipt,
  reviewReceiptOf,
  staleBases,
  type SubmittedAnswer,
} from '../domain/policyReview';
import { actorOf } from '../domain/decider';
import type { Lesson } from '../domain/policyReview';
import { staleBaseNote } from '../domain/policyReviewNotices';
import { type ActivityResult, isoAt } from './activityCalls';
import type { AnswerReviewArgs, ReviewVerdictArgs } from './policyReviewMessages';
import { refuse } from './refusals';
import { ReviewReminders } from './reviewReminders';

/** What the workflow records next: an answer, an answer going back to the reviewers, or an approved answer to publish. */
export type ReviewStep =
  | { type: 'answered'; submitted: SubmittedAnswer }
  | { type: 'returned'; returned: ReturnedAnswer }
  | { type: 'approved'; submitted: SubmittedAnswer }
  | { type: 'folded' };

/** What the opening activity answered reviews opened before their lessons stayed in the database (replayed from history). */
type OpenedWithLessons = Omit<ActivityResult<'openCaseReview'>, 'caseIds' | 'documentsConcerned'> & { lessons: Lesson[] };

/**
 * The rounds of a policy review: reviewers answer (a validated Update), the steering committee approves
 * or sends back (another), and a publication by another review sends an overtaken proposal back (a
 * signal). Handlers only change the state and queue steps; the workflow records the steps in turn.
 */
export class ReviewRounds {
  readonly state: PolicyReviewState;
  private readonly reminders: ReviewReminders;
  private readonly steps: ReviewStep[] = [];
  /** Bumped by every accepted update or signal: the main loop wakes on it. */
  private changes = 0;
  /** The newest version of each document this review has heard of, even before it loaded its own. */
  private readonly heardOf: Partial<CurrentVersions> = {};

  constructor(
    private readonly reviewId: string,
    opening: PolicyReviewOpening,
  ) {
    this.state = {
      reviewId,
      trigger: opening.trigger,
      status: 'opening',
      caseIds: opening.trigger === 'case' ? [opening.lesson.caseId] : [],
      period: null,
      documentsConcerned: opening.trigger === 'case' ? documentsConcerned([opening.lesson]) : [...POLICY_DOCUMENTS],
      currentVersions: null,
      round: 0,
      answer: null,
      verdict: null,
      returned: [],
      answerDueAt: null,
      escalated: false,
      outcome: null,
      revisions: [],
    };
    this.reminders = new ReviewReminders(reviewId, this.state);
  }

  readonly validateAnswer = ({ reviewer, answer, currentVersions }: AnswerReviewArgs): void =>
    refuse(refuseAnswer({ ...this.state, currentVersions: this.newest(currentVersions) }, reviewer, answer));

  readonly answer = ({ reviewer, answer, currentVersions }: AnswerReviewArgs): ReviewReceipt => {
    const { state } = this;
    this.mergeVersions(currentVersions ?? {});
    state.round += 1;
    const submitted: SubmittedAnswer = {
      id: `${this.reviewId}-a${state.round}`,
      round: state.round,
      answer,
      author: reviewer,
      submittedAt: isoAt(Date.now()),
    };
    state.answer = submitted;
    state.verdict = null;
    state.status = 'awaiting_approval';
    state.answerDueAt = null;
    this.reminders.awaitVerdict(Date.now());
    this.steps.push({ type: 'answered', submitted });
    this.changes += 1;
    return reviewReceiptOf(state);
  };

  readonly validateVerdict = ({ approver, approve, rationale, currentVersions }: ReviewVerdictArgs): void =>
    refuse(refuseVerdict({ ...this.state, currentVersions: this.newest(currentVersions) }, approver, approve, rationale));

  readonly verdict = ({ approver, approve, rationale, currentVersions }: ReviewVerdictArgs): ReviewReceipt => {
    const { state } = this;
    this.mergeVersions(currentVersions ?? {});
    const submitted = state.answer!;
    state.verdict = { approver, approve, rationale, at: isoAt(Date.now()) };
    if (approve) {
      state.status = 'publishing';
      this.steps.push({ type: 'approved', submitted });
    } else {
      const by = actorOf(approver);
      this.returnAnswer({ answerId: submitted.id, reason: 'sent_back', by, note: rationale, at: state.verdict.at });
    }
    this.changes += 1;
    return reviewReceiptOf(state);
  };

  readonly documentsPublished = ({ versions }: { versions: Partial<CurrentVersions> }): void => {
    const { state } = this;
    this.mergeVersions(versions);
    // A proposal overtaken by another review's publication goes back to the reviewers at once.
    const pending = state.status === 'awaiting_approval' ? state.answer : null;
    if (
      pending?.answer.kind === 'proposal' &&
      state.currentVersions &&
      staleBases(state.currentVersions, pending.answer.changes).length > 0
    ) {
      this.returnStale(pending);
    }
    this.changes += 1;
  };

  /** The review is on record with its lessons and the current versions: the reviewers are asked for an answer. */
  open(timing: PolicyReviewTiming, opened: ActivityResult<'openCaseReview'> | OpenedWithLessons): void {
    const { state } = this;
    this.reminders.pin(timing);
    if ('lessons' in opened) {
      state.caseIds = opened.lessons.map((lesson) => lesson.caseId);
      state.documentsConcerned = documentsConcerned(opened.lessons);
    } else {
      state.caseIds = opened.caseIds;
      state.documentsConcerned = opened.documentsConcerned;
    }
    state.period = opened.period;
    state.currentVersions = opened.currentVersions;
    this.mergeVersions(this.heardOf);
    this.awaitAnswer();
  }

  /** The next step to record, if any. */
  takeStep(): ReviewStep | undefined {
    return this.steps.shift();
  }

  /** Nobody answered, even after the escalation's reminders: the review closes, its lessons left to the next periodic review. */
  fold(): void {
    this.state.status = 'closed';
    this.state.outcome = 'folded';
    this.steps.push({ type: 'folded' });
  }

  /** Another review published first: this approved proposal is not published, its reviewers rebase it. */
  overtaken(submitted: SubmittedAnswer, currentVersions: CurrentVersions): void {
    this.mergeVersions(currentVersions);
    this.returnStale(submitted);
  }

  close(conclusion: Extract<ActivityResult<'concludePolicyReview'>, { status: 'concluded' }>): void {
    this.state.status = 'closed';
    this.state.outcome = conclusion.outcome;
    this.state.revisions = conclusion.revisions;
    this.mergeVersions(conclusion.currentVersions);
  }

  /** The reviewers are asked (again) for an answer: a fresh deadline; an escalation stays escalated. */
  private awaitAnswer(): void {
    const { state } = this;
    state.status = 'awaiting_answer';
    state.answer = null;
    state.verdict = null;
    state.answerDueAt = this.reminders.awaitAnswer(Date.now());
  }

  private returnAnswer(returned: ReturnedAnswer): void {
    this.state.returned.push(returned);
    this.steps.push({ type: 'returned', returned });
    this.awaitAnswer();
  }

  private returnStale(submitted: SubmittedAnswer): void {
    const note = staleBaseNote(this.state.currentVersions!, submitted);
    this.returnAnswer({ answerId: submitted.id, reason: 'stale_base', by: 'system', note, at: isoAt(Date.now()) });
  }

  /** The current versions as this review knows them, or as the caller read them from the database when newer. */
  private newest(told: Partial<CurrentVersions> | undefined): CurrentVersions | null {
    const known = this.state.currentVersions;
    if (!known || !told) return known;
    return Object.fromEntries(
      POLICY_DOCUMENTS.map((document) => [document, Math.max(known[document], told[document] ?? 0)]),
    ) as CurrentVersions;
  }

  private mergeVersions(versions: Partial<CurrentVersions>): void {
    const { heardOf, state } = this;
    for (const document of POLICY_DOCUMENTS) {
      const known = versions[document];
      if (known !== undefined && known > (heardOf[document] ?? 0)) heardOf[document] = known;
      if (state.currentVersions && (heardOf[document] ?? 0) > state.currentVersions[document]) {
        state.currentVersions[document] = heardOf[document]!;
      }
    }
  }

  /** Waits for an update or a signal, or for the next reminder when one is due. */
  async waitForNews(): Promise<void> {
    const seen = this.changes;
    const news = () => this.changes !== seen || this.steps.length > 0;
    if (this.reminders.nextAt === Infinity) {
      await condition(news);
      return;
    }
    const delay = this.reminders.nextAt - Date.now();
    if (delay > 0 && (await condition(news, delay))) return;
    if (!news()) await this.reminders.remind();
    if (this.reminders.lapsed) this.fold();
  }
}
