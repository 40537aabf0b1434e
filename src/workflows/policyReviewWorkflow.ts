import { condition, getExternalWorkflowHandle, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  type CurrentVersions,
  documentsConcerned,
  POLICY_DOCUMENTS,
  type PolicyReviewOpening,
  type PolicyReviewState,
  type PolicyReviewTiming,
  type PolicyRevision,
  refuseAnswer,
  refuseVerdict,
  type ReturnedAnswer,
  staleBases,
  type SubmittedAnswer,
} from '../domain/policyReview';
import {
  answerReminder,
  COMMITTEE_INBOX,
  overdueReminder,
  REVIEWER_INBOXES,
  reviewEscalation,
  staleBaseNote,
  verdictReminder,
} from '../domain/policyReviewNotices';
import { startAwarenessCampaign } from './campaignStarter';
import { answerReviewUpdate, documentsPublishedSignal, policyReviewStateQuery, reviewVerdictUpdate } from './policyReviewMessages';
import { activities, isoAt } from './activityCalls';
import { refuse } from './refusals';

/** After escalation, how many more reminders an unanswered review sends (one per deadline period) before it waits silently. */
export const ESCALATED_REMINDERS = 3;
/** How many times the steering committee is reminded of an answer awaiting its verdict. */
export const APPROVAL_REMINDERS = 3;

export interface PolicyReviewOutcome {
  reviewId: string;
  outcome: 'revised' | 'no_change';
  revisions: PolicyRevision[];
  caseIds: string[];
}

type Step =
  | { type: 'answered'; submitted: SubmittedAnswer }
  | { type: 'returned'; returned: ReturnedAnswer }
  | { type: 'approved'; submitted: SubmittedAnswer };

/**
 * A review of the social-media policy, the communication plan and the training material: after a
 * case (one lesson, started as a child of the case) or on the periodic schedule (every lesson since
 * the previous periodic review). Reviewers answer, the steering committee approves or sends back,
 * and approval publishes the new versions in one transaction.
 */
export async function policyReviewWorkflow(opening: PolicyReviewOpening): Promise<PolicyReviewOutcome> {
  const { workflowId: reviewId, runId } = workflowInfo();
  const state: PolicyReviewState = {
    reviewId,
    trigger: opening.trigger,
    status: 'opening',
    lessons: opening.trigger === 'case' ? [opening.lesson] : [],
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
  const steps: Step[] = [];
  /** Bumped by every accepted update or signal: the main loop wakes on it. */
  let changes = 0;
  let timing: PolicyReviewTiming = opening.timing ?? { reminderMs: 0, deadlineMs: 0 };
  let nextReminderAt = Infinity;
  let reminders = 0;
  const caseIds = () => state.lessons.map((lesson) => lesson.caseId);

  /** The newest version of each document this review has heard of, even before it loaded its own. */
  const heardOf: Partial<CurrentVersions> = {};
  const mergeVersions = (versions: Partial<CurrentVersions>) => {
    for (const document of POLICY_DOCUMENTS) {
      const known = versions[document];
      if (known !== undefined && known > (heardOf[document] ?? 0)) heardOf[document] = known;
      if (state.currentVersions && (heardOf[document] ?? 0) > state.currentVersions[document])
        state.currentVersions[document] = heardOf[document]!;
    }
  };
  /** The reviewers are asked (again) for an answer: a fresh deadline; an escalation stays escalated. */
  const awaitAnswer = () => {
    const now = Date.now();
    state.status = 'awaiting_answer';
    state.answer = null;
    state.verdict = null;
    state.answerDueAt = isoAt(now + timing.deadlineMs);
    nextReminderAt = now + (state.escalated ? timing.deadlineMs : timing.reminderMs);
    reminders = 0;
  };
  const returnAnswer = (returned: ReturnedAnswer) => {
    state.returned.push(returned);
    steps.push({ type: 'returned', returned });
    awaitAnswer();
  };

  setHandler(policyReviewStateQuery, () => state);
  setHandler(
    answerReviewUpdate,
    ({ reviewer, answer }) => {
      state.round += 1;
      const submitted: SubmittedAnswer = {
        id: `${reviewId}-a${state.round}`,
        round: state.round,
        answer,
        author: reviewer,
        submittedAt: isoAt(Date.now()),
      };
      state.answer = submitted;
      state.verdict = null;
      state.status = 'awaiting_approval';
      state.answerDueAt = null;
      nextReminderAt = Date.now() + timing.reminderMs;
      reminders = 0;
      steps.push({ type: 'answered', submitted });
      changes += 1;
      return state;
    },
    { validator: ({ reviewer, answer }) => refuse(refuseAnswer(state, reviewer, answer)) },
  );
  setHandler(
    reviewVerdictUpdate,
    ({ approver, approve, rationale }) => {
      const submitted = state.answer!;
      state.verdict = { approver, approve, rationale, at: isoAt(Date.now()) };
      if (approve) {
        state.status = 'publishing';
        steps.push({ type: 'approved', submitted });
      } else {
        returnAnswer({
          answerId: submitted.id,
          reason: 'sent_back',
          by: `${approver.roles.join('+')}:${approver.sub}`,
          note: rationale,
          at: state.verdict.at,
        });
      }
      changes += 1;
      return state;
    },
    { validator: ({ approver, approve, rationale }) => refuse(refuseVerdict(state, approver, approve, rationale)) },
  );
  setHandler(documentsPublishedSignal, ({ versions }) => {
    mergeVersions(versions);
    // A proposal overtaken by another review's publication goes back to the reviewers at once.
    const pending = state.status === 'awaiting_approval' ? state.answer : null;
    if (
      pending?.answer.kind === 'proposal' &&
      state.currentVersions &&
      staleBases(state.currentVersions, pending.answer.changes).length > 0
    ) {
      returnAnswer({
        answerId: pending.id,
        reason: 'stale_base',
        by: 'system',
        note: staleBaseNote(state.currentVersions, pending),
        at: isoAt(Date.now()),
      });
    }
    changes += 1;
  });

  /** A reminder, an escalation, or silence once the reminders are spent. */
  const remind = async () => {
    const now = Date.now();
    if (state.status === 'awaiting_approval' && state.answer) {
      if (reminders >= APPROVAL_REMINDERS) {
        nextReminderAt = Infinity;
        return;
      }
      reminders += 1;
      const key = `${state.answer.id}:approval-reminder:${reminders}`;
      nextReminderAt = now + timing.reminderMs;
      await activities.recordReviewProgress({
        reviewId,
        caseIds: caseIds(),
        event: { key, actor: 'system', action: 'policy_review_approval_reminder_sent' },
        messages: [{ key, recipients: [COMMITTEE_INBOX], ...verdictReminder(reviewId) }],
      });
      return;
    }
    const dueAt = Date.parse(state.answerDueAt!);
    if (!state.escalated && now >= dueAt) {
      state.escalated = true;
      nextReminderAt = now + timing.deadlineMs;
      const key = `${reviewId}:escalated`;
      await activities.recordReviewProgress({
        reviewId,
        caseIds: caseIds(),
        event: { key, actor: 'system', action: 'policy_review_escalated', details: { dueAt: state.answerDueAt } },
        messages: [{ key, recipients: [COMMITTEE_INBOX, ...REVIEWER_INBOXES], ...reviewEscalation(reviewId, state.answerDueAt!) }],
      });
      return;
    }
    if (!state.escalated) {
      nextReminderAt = dueAt;
      const key = `${reviewId}:answer-reminder:${state.round}`;
      await activities.recordReviewProgress({
        reviewId,
        caseIds: caseIds(),
        event: { key, actor: 'system', action: 'policy_review_reminder_sent', details: { dueAt: state.answerDueAt } },
        messages: [{ key, recipients: REVIEWER_INBOXES, ...answerReminder(reviewId, state.answerDueAt!) }],
      });
      return;
    }
    if (reminders >= ESCALATED_REMINDERS) {
      nextReminderAt = Infinity;
      return;
    }
    reminders += 1;
    nextReminderAt = now + timing.deadlineMs;
    const key = `${reviewId}:overdue-reminder:${state.round}:${reminders}`;
    await activities.recordReviewProgress({
      reviewId,
      caseIds: caseIds(),
      event: { key, actor: 'system', action: 'policy_review_reminder_sent', details: { overdue: true } },
      messages: [{ key, recipients: [COMMITTEE_INBOX, ...REVIEWER_INBOXES], ...overdueReminder(reviewId) }],
    });
  };

  /** Waits for an update or a signal, or for the next reminder when one is due. */
  const waitForNews = async () => {
    const seen = changes;
    const news = () => changes !== seen || steps.length > 0;
    if (nextReminderAt === Infinity) {
      await condition(news);
      return;
    }
    const delay = nextReminderAt - Date.now();
    if (delay > 0 && (await condition(news, delay))) return;
    if (!news()) await remind();
  };

  // Opening: pin the durations, record the review and load the current versions its validators judge against.
  if (!opening.timing) timing = await activities.policyReviewTiming();
  const answerDueAt = isoAt(Date.now() + timing.deadlineMs);
  const opened =
    opening.trigger === 'case'
      ? await activities.openCaseReview({ reviewId, runId, lesson: opening.lesson, answerDueAt, documents: state.documentsConcerned })
      : await activities.openPeriodicReview({ reviewId, runId, until: isoAt(Date.now()), answerDueAt });
  state.lessons = opened.lessons;
  state.period = opened.period;
  state.documentsConcerned = documentsConcerned(opened.lessons);
  state.currentVersions = opened.currentVersions;
  mergeVersions(heardOf);
  awaitAnswer();

  for (;;) {
    while (steps.length > 0) {
      const step = steps.shift()!;
      if (step.type === 'answered') {
        await activities.recordReviewAnswer({ reviewId, caseIds: caseIds(), submitted: step.submitted });
      } else if (step.type === 'returned') {
        await activities.recordAnswerReturned({ reviewId, caseIds: caseIds(), returned: step.returned });
      } else {
        const conclusion = await activities.concludePolicyReview({
          reviewId,
          caseIds: caseIds(),
          submitted: step.submitted,
          verdict: state.verdict!,
          lessons: state.lessons,
        });
        if (conclusion.status === 'stale') {
          // Another review published first: this proposal is not published, its reviewers rebase it.
          mergeVersions(conclusion.currentVersions);
          returnAnswer({
            answerId: step.submitted.id,
            reason: 'stale_base',
            by: 'system',
            note: staleBaseNote(state.currentVersions!, step.submitted),
            at: isoAt(Date.now()),
          });
          continue;
        }
        state.status = 'closed';
        state.outcome = conclusion.outcome;
        state.revisions = conclusion.revisions;
        mergeVersions(conclusion.currentVersions);
        await announce(conclusion.revisions, conclusion.openReviewIds);
        return { reviewId, outcome: conclusion.outcome, revisions: conclusion.revisions, caseIds: caseIds() };
      }
    }
    await waitForNews();
  }
}

/** Tells the other open reviews about the new versions, and starts the awareness campaign of a revised policy. */
async function announce(revisions: PolicyRevision[], openReviewIds: string[]): Promise<void> {
  if (revisions.length === 0) return;
  const versions = Object.fromEntries(
    revisions.map((revision) => [revision.documentId, revision.versionNumber]),
  ) as Partial<CurrentVersions>;
  // A review that closed meanwhile cannot be signalled; it no longer needs to know.
  await Promise.allSettled(openReviewIds.map((id) => getExternalWorkflowHandle(id).signal(documentsPublishedSignal, { versions })));
  const policy = revisions.find((revision) => revision.documentId === 'social-media-policy');
  if (policy) await startAwarenessCampaign(policy);
}
