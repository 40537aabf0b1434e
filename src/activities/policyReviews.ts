import { ApplicationFailure } from '@temporalio/common';
import {
  addPositiveExamples,
  EXAMPLE_DOCUMENTS,
  examplesSummary,
  type Lesson,
  missingExamples,
  POLICY_DOCUMENTS,
  type PolicyDocumentId,
  type PolicyReviewTiming,
  type ReturnedAnswer,
  type ReviewVerdict,
  staleBases,
  type SubmittedAnswer,
} from '../domain/policyReview';
import type { Database } from '../platform/database';
import { actorOf } from '../domain/decider';
import { versionNumbersOf } from '../records/policyDocuments';
import {
  type DocumentTexts,
  foldReview,
  type LatestVersions,
  type OpenedReview,
  publishApprovedAnswer,
  type ReviewConclusion,
  type ReviewMessage,
  type ReviewProgress,
  saveAnswerReturned,
  saveCaseReviewOpening,
  savePeriodicReviewOpening,
  saveReviewAnswer,
  saveReviewProgress,
} from '../records/policyReviews';
import {
  answerReturned,
  answerSubmitted,
  COMMITTEE_INBOX,
  REVIEWER_INBOXES,
  reviewClosed,
  reviewFolded,
  reviewOpened,
} from '../domain/policyReviewNotices';

/** A reminder after a week and escalation after two without an answer, unless the worker is configured otherwise. */
export const DEFAULT_POLICY_REVIEW_TIMING: PolicyReviewTiming = {
  reminderMs: 7 * 24 * 3600 * 1000,
  deadlineMs: 14 * 24 * 3600 * 1000,
};

function openingMessage(reviewId: string, lessons: Lesson[], answerDueAt: string, documents: readonly string[]): ReviewMessage {
  return { key: `${reviewId}:opened`, recipients: REVIEWER_INBOXES, ...reviewOpened(reviewId, lessons, answerDueAt, documents) };
}

/**
 * The texts an approved answer publishes: the proposed ones and, for positive lessons, the examples
 * of good practice the policy and the training material lack. Null when a proposal's base is no
 * longer the current version.
 */
function revisedTexts(answer: SubmittedAnswer['answer'], lessons: Lesson[], latest: LatestVersions): DocumentTexts | null {
  if (answer.kind === 'proposal' && staleBases(versionNumbersOf(latest), answer.changes).length > 0) return null;
  const texts: DocumentTexts = new Map();
  if (answer.kind === 'proposal')
    for (const change of answer.changes) texts.set(change.document, { text: change.text, summary: change.summary });
  const positive = lessons.filter((lesson) => lesson.kind === 'positive');
  for (const document of EXAMPLE_DOCUMENTS) {
    const proposed = texts.get(document);
    const base = proposed?.text ?? latest.get(document)!.text;
    const missing = missingExamples(base, positive);
    if (missing.length === 0) continue;
    texts.set(document, {
      text: addPositiveExamples(base, missing),
      summary: [proposed?.summary, examplesSummary(missing)].filter(Boolean).join(' '),
    });
  }
  return texts;
}

export function createPolicyReviewActivities(db: Database, timing: PolicyReviewTiming = DEFAULT_POLICY_REVIEW_TIMING) {
  return {
    /** The configured review durations, pinned by a review that was not given its own. */
    async policyReviewTiming(): Promise<PolicyReviewTiming> {
      return timing;
    },

    /** Records the review of one case (once), puts it on the case's timeline and asks the reviewers for an answer. */
    async openCaseReview(input: {
      reviewId: string;
      runId: string;
      lesson: Lesson;
      answerDueAt: string;
      documents: PolicyDocumentId[];
    }): Promise<OpenedReview> {
      const { reviewId, lesson } = input;
      return saveCaseReviewOpening(db, input, {
        reviewId,
        event: {
          key: `${reviewId}:opened`,
          actor: 'system',
          action: 'policy_review_opened',
          details: { trigger: 'case', documents: input.documents, answerDueAt: input.answerDueAt },
        },
        messages: [openingMessage(reviewId, [lesson], input.answerDueAt, input.documents)],
      });
    },

    /**
     * Opens a periodic review of every case closed with a sanction or a capitalisation since the
     * previous periodic review (up to `until`). A retry finds the review and its period as first recorded.
     */
    async openPeriodicReview(input: { reviewId: string; runId: string; until: string; answerDueAt: string }): Promise<OpenedReview> {
      const { reviewId } = input;
      const opened = await savePeriodicReviewOpening(db, input, ({ lessons, period }) => ({
        reviewId,
        event: {
          key: `${reviewId}:opened`,
          actor: 'schedule',
          action: 'policy_review_opened',
          details: { trigger: 'periodic', period, cases: lessons.length, answerDueAt: input.answerDueAt },
        },
        messages: [openingMessage(reviewId, lessons, input.answerDueAt, POLICY_DOCUMENTS)],
      }));
      if (opened.status === 'duplicate_run') {
        // The schedule names its runs by the second: a second trigger within the same second reuses the id of a finished run.
        throw ApplicationFailure.nonRetryable(
          `Policy review ${reviewId} already ran (run ${opened.runId}); trigger the schedule again.`,
          'duplicate_review_run',
        );
      }
      const { status: _status, ...review } = opened;
      return review;
    },

    /** Reminders and escalations: an event on the review's trail and its cases' timelines, and inbox messages. */
    async recordReviewProgress(progress: ReviewProgress): Promise<void> {
      await saveReviewProgress(db, progress);
    },

    /** Closes a review nobody answered: its lessons go to the next periodic review. */
    async foldPolicyReview(input: { reviewId: string; answerDueAt: string }): Promise<void> {
      const { reviewId, answerDueAt } = input;
      await foldReview(db, reviewId, {
        reviewId,
        event: { key: `${reviewId}:folded`, actor: 'system', action: 'policy_review_folded', details: { answerDueAt } },
        messages: [
          { key: `${reviewId}:folded`, recipients: [...REVIEWER_INBOXES, COMMITTEE_INBOX], ...reviewFolded(reviewId, answerDueAt) },
        ],
      });
    },

    /** Records a reviewer's answer and asks the steering committee for its verdict. */
    async recordReviewAnswer(input: { reviewId: string; submitted: SubmittedAnswer }): Promise<void> {
      const { reviewId, submitted } = input;
      const { answer, author } = submitted;
      const documents = answer.kind === 'proposal' ? answer.changes.map((change) => change.document) : [];
      await saveReviewAnswer(db, reviewId, submitted, {
        reviewId,
        event: {
          key: `${submitted.id}:answered`,
          actor: actorOf(author),
          action: 'policy_review_answered',
          details: { kind: answer.kind, documents, round: submitted.round },
        },
        messages: [
          {
            key: `${submitted.id}:answered`,
            recipients: [COMMITTEE_INBOX],
            ...answerSubmitted(reviewId, author.name, answer.kind, documents),
          },
        ],
      });
    },

    /** Records an answer going back to the reviewers: sent back by the committee, or overtaken by another review's publication. */
    async recordAnswerReturned(input: { reviewId: string; returned: ReturnedAnswer }): Promise<void> {
      const { reviewId, returned } = input;
      const stale = returned.reason === 'stale_base';
      await saveAnswerReturned(db, returned, {
        reviewId,
        event: {
          key: `${returned.answerId}:returned`,
          actor: returned.by,
          action: stale ? 'policy_review_rebase_needed' : 'policy_review_sent_back',
          details: { answerId: returned.answerId, note: returned.note },
        },
        messages: [
          {
            key: `${returned.answerId}:returned`,
            recipients: REVIEWER_INBOXES,
            ...answerReturned(reviewId, returned),
          },
        ],
      });
    },

    /**
     * Carries out an approved answer in one transaction: every proposed document (and, for positive
     * lessons on record, the examples of good practice) becomes a new version, the answer is approved
     * and the review closed. A proposal whose base is no longer current is not published: the review
     * goes back to its reviewers. A retry after a commit finds the review closed and answers what was published.
     */
    async concludePolicyReview(input: { reviewId: string; submitted: SubmittedAnswer; verdict: ReviewVerdict }): Promise<ReviewConclusion> {
      const { reviewId, submitted, verdict } = input;
      return publishApprovedAnswer(
        db,
        { reviewId, answerId: submitted.id, author: submitted.author.sub, verdict },
        (latest, lessons) => revisedTexts(submitted.answer, lessons, latest),
        (outcome, revisions) => {
          return {
            reviewId,
            event: {
              key: `${reviewId}:closed`,
              actor: actorOf(verdict.approver),
              action: 'policy_review_closed',
              details: {
                outcome,
                answerId: submitted.id,
                versions: revisions.map((r) => ({ document: r.documentId, number: r.versionNumber })),
              },
            },
            messages: [
              {
                key: `${reviewId}:closed`,
                recipients: [...REVIEWER_INBOXES, COMMITTEE_INBOX],
                ...reviewClosed(reviewId, outcome, verdict, revisions),
              },
            ],
          };
        },
      );
    },
  };
}
