import { ApplicationFailure } from '@temporalio/common';
import {
  addPositiveExamples,
  clauseOf,
  type CurrentVersions,
  EXAMPLE_DOCUMENTS,
  examplesSummary,
  isPolicyDocument,
  type Lesson,
  missingExamples,
  POLICY_DOCUMENTS,
  type PolicyDocumentId,
  type PolicyReviewTiming,
  type PolicyRevision,
  type ReturnedAnswer,
  type ReviewVerdict,
  staleBases,
  type SubmittedAnswer,
} from '../domain/policyReview';
import type { ActivityCategory, Sanction, Severity } from '../domain/vocabulary';
import type { Database } from '../platform/database';
import { actorOf, asJson, audit, deliver, type Tx } from './records';
import { type InboxAddress, roleInbox } from '../domain/inboxes';

/** A reminder after a week and escalation after two without an answer, unless the worker is configured otherwise. */
export const DEFAULT_POLICY_REVIEW_TIMING: PolicyReviewTiming = {
  reminderMs: 7 * 24 * 3600 * 1000,
  deadlineMs: 14 * 24 * 3600 * 1000,
};

export const REVIEWER_INBOXES = [roleInbox('social_media_lead'), roleInbox('communications')];
export const COMMITTEE_INBOX = roleInbox('steering_committee');

export interface ReviewMessage {
  /** Unique per message: a retried activity delivers it once to each recipient. */
  key: string;
  recipients: InboxAddress[];
  subject: string;
  body: string;
}

export interface ReviewEvent {
  /** Unique per event of the review; the per-case copies add the case id. */
  key: string;
  actor: string;
  action: string;
  details?: Record<string, unknown>;
}

/** A step of a review: its event on the review's own trail and on the timeline of each case that fed it, and any messages. */
export interface ReviewProgress {
  reviewId: string;
  caseIds: string[];
  event: ReviewEvent;
  messages?: ReviewMessage[];
}

export type ReviewConclusion =
  | { status: 'stale'; currentVersions: CurrentVersions }
  | {
      status: 'concluded';
      outcome: 'revised' | 'no_change';
      revisions: PolicyRevision[];
      currentVersions: CurrentVersions;
      /** The other reviews still open, to be told about the new versions. */
      openReviewIds: string[];
    };

export interface OpenedReview {
  lessons: Lesson[];
  period: { since: string | null; until: string } | null;
  currentVersions: CurrentVersions;
}

/** The newest version of each document. */
export async function latestPolicyVersions(db: Database | Tx) {
  const latest = await db.policyVersion.findMany({ distinct: ['documentId'], orderBy: [{ documentId: 'asc' }, { number: 'desc' }] });
  const byDocument = new Map(
    latest.filter((version) => isPolicyDocument(version.documentId)).map((version) => [version.documentId as PolicyDocumentId, version]),
  );
  const missing = POLICY_DOCUMENTS.filter((document) => !byDocument.has(document));
  if (missing.length > 0) throw new Error(`policy documents without a version: ${missing.join(', ')} (are the migrations applied?)`);
  return byDocument;
}

export async function currentPolicyVersions(db: Database | Tx): Promise<CurrentVersions> {
  const latest = await latestPolicyVersions(db);
  return Object.fromEntries(POLICY_DOCUMENTS.map((document) => [document, latest.get(document)!.number])) as CurrentVersions;
}

async function recordProgress(tx: Tx, progress: ReviewProgress): Promise<void> {
  const { reviewId, event } = progress;
  const details = asJson({ reviewId, ...event.details });
  // The review's own trail (no case), then the same event on the timeline of every case that fed it.
  const entry = { actor: event.actor, action: event.action, details };
  await audit(
    tx,
    { ...entry, eventKey: event.key, caseId: null },
    ...progress.caseIds.map((caseId) => ({ ...entry, eventKey: `${event.key}:${caseId}`, caseId })),
  );
  const caseId = progress.caseIds.length === 1 ? progress.caseIds[0] : null;
  await deliver(
    tx,
    ...(progress.messages ?? []).flatMap(({ key, recipients, subject, body }) =>
      recipients.map((recipient) => ({ key, recipient, subject, body, caseId })),
    ),
  );
}

const documentList = (documents: readonly string[]) => documents.join(', ');

function openingMessage(reviewId: string, lessons: Lesson[], answerDueAt: string, documents: readonly string[]): ReviewMessage {
  const what =
    lessons.length === 0
      ? 'No case was closed with a sanction or a capitalisation since the last periodic review: check that the documents are still complete and current.'
      : `${lessons.length === 1 ? 'One case' : `${lessons.length} cases`} to learn from (${lessons.map((l) => `${l.category}/${l.severity}`).join(', ')}).`;
  return {
    key: `${reviewId}:opened`,
    recipients: REVIEWER_INBOXES,
    subject: 'A policy review awaits your answer',
    body: `Policy review ${reviewId}: ${what} Documents concerned: ${documentList(documents)}. Propose new text or say why no change is needed by ${answerDueAt}.`,
  };
}

/** The lesson of a closed case, rebuilt from its records (for the periodic review). */
function lessonOfRecord(record: {
  id: string;
  kind: string;
  category: string;
  severity: string;
  sanction: { type: string } | null;
  opportunity: { id: string } | null;
  decisions: { outcome: string; rationale: string; approvalStatus: string }[];
}): Lesson {
  const taken = record.decisions.find(
    (d) => (d.outcome === 'sanction' || d.outcome === 'capitalize') && d.approvalStatus !== 'refused' && d.approvalStatus !== 'pending',
  );
  const category = record.category as ActivityCategory;
  return {
    caseId: record.id,
    kind: record.kind === 'positive' ? 'positive' : 'inappropriate',
    category,
    severity: record.severity as Severity,
    decision: {
      outcome: record.sanction ? 'sanction' : 'capitalize',
      sanction: (record.sanction?.type as Sanction | undefined) ?? null,
      rationale: taken?.rationale ?? '',
    },
    clause: clauseOf(category),
    explanation: null,
  };
}

// One lock for every periodic review's choice of period: two runs never cover the same cases.
const PERIODIC_REVIEW_LOCK = 6_060_601;

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
      return db.$transaction(async (tx) => {
        await tx.policyReview.upsert({
          where: { id: reviewId },
          update: {},
          create: {
            id: reviewId,
            trigger: 'case',
            status: 'open',
            runId: input.runId,
            lessons: asJson([lesson]),
            cases: { create: [{ caseId: lesson.caseId }] },
          },
        });
        await recordProgress(tx, {
          reviewId,
          caseIds: [lesson.caseId],
          event: {
            key: `${reviewId}:opened`,
            actor: 'system',
            action: 'policy_review_opened',
            details: { trigger: 'case', documents: input.documents, answerDueAt: input.answerDueAt },
          },
          messages: [openingMessage(reviewId, [lesson], input.answerDueAt, input.documents)],
        });
        return { lessons: [lesson], period: null, currentVersions: await currentPolicyVersions(tx) };
      });
    },

    /**
     * Opens a periodic review of every case closed with a sanction or a capitalisation since the
     * previous periodic review (up to `until`). A retry finds the review and its period as first recorded.
     */
    async openPeriodicReview(input: { reviewId: string; runId: string; until: string; answerDueAt: string }): Promise<OpenedReview> {
      const { reviewId } = input;
      return db.$transaction(async (tx) => {
        await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock(${PERIODIC_REVIEW_LOCK})`);
        const existing = await tx.policyReview.findUnique({ where: { id: reviewId } });
        if (existing && existing.runId !== input.runId) {
          // The schedule names its runs by the second: a second trigger within the same second reuses the id of a finished run.
          throw ApplicationFailure.nonRetryable(
            `Policy review ${reviewId} already ran (run ${existing.runId}); trigger the schedule again.`,
            'duplicate_review_run',
          );
        }
        if (existing) {
          return {
            lessons: existing.lessons as unknown as Lesson[],
            period: { since: existing.periodStart?.toISOString() ?? null, until: (existing.periodEnd ?? existing.openedAt).toISOString() },
            currentVersions: await currentPolicyVersions(tx),
          };
        }
        const previous = await tx.policyReview.aggregate({ where: { trigger: 'periodic' }, _max: { periodEnd: true } });
        const since = previous._max.periodEnd;
        const until = new Date(input.until);
        const closed = await tx.case.findMany({
          where: {
            status: 'closed',
            closedAt: { gt: since ?? undefined, lte: until },
            OR: [{ sanction: { isNot: null } }, { opportunity: { isNot: null } }],
          },
          include: {
            sanction: { select: { type: true } },
            opportunity: { select: { id: true } },
            decisions: { orderBy: { decidedAt: 'desc' } },
          },
          orderBy: [{ closedAt: 'asc' }, { id: 'asc' }],
        });
        const lessons = closed.map(lessonOfRecord);
        await tx.policyReview.create({
          data: {
            id: reviewId,
            trigger: 'periodic',
            status: 'open',
            runId: input.runId,
            lessons: asJson(lessons),
            periodStart: since,
            periodEnd: until,
            cases: { create: lessons.map((lesson) => ({ caseId: lesson.caseId })) },
          },
        });
        const period = { since: since?.toISOString() ?? null, until: until.toISOString() };
        await recordProgress(tx, {
          reviewId,
          caseIds: lessons.map((lesson) => lesson.caseId),
          event: {
            key: `${reviewId}:opened`,
            actor: 'schedule',
            action: 'policy_review_opened',
            details: { trigger: 'periodic', period, cases: lessons.length, answerDueAt: input.answerDueAt },
          },
          messages: [openingMessage(reviewId, lessons, input.answerDueAt, POLICY_DOCUMENTS)],
        });
        return { lessons, period, currentVersions: await currentPolicyVersions(tx) };
      });
    },

    /** Reminders and escalations: an event on the review's trail and its cases' timelines, and inbox messages. */
    async recordReviewProgress(progress: ReviewProgress): Promise<void> {
      await db.$transaction((tx) => recordProgress(tx, progress));
    },

    /** Records a reviewer's answer and asks the steering committee for its verdict. */
    async recordReviewAnswer(input: { reviewId: string; caseIds: string[]; submitted: SubmittedAnswer }): Promise<void> {
      const { reviewId, submitted } = input;
      const { answer, author } = submitted;
      const documents = answer.kind === 'proposal' ? answer.changes.map((change) => change.document) : [];
      await db.$transaction(async (tx) => {
        await tx.policyReviewAnswer.upsert({
          where: { id: submitted.id },
          update: {},
          create: {
            id: submitted.id,
            reviewId,
            round: submitted.round,
            kind: answer.kind,
            author: author.sub,
            authorName: author.name,
            reason: answer.kind === 'proposal' ? answer.rationale : answer.reason,
            changes: asJson(answer.kind === 'proposal' ? answer.changes : []),
            status: 'pending',
            submittedAt: new Date(submitted.submittedAt),
          },
        });
        const what = answer.kind === 'proposal' ? `proposes new versions of ${documentList(documents)}` : 'finds that no change is needed';
        await recordProgress(tx, {
          reviewId,
          caseIds: input.caseIds,
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
              subject: 'A policy review awaits your approval',
              body: `Policy review ${reviewId}: ${author.name} ${what}. Approve it or send it back.`,
            },
          ],
        });
      });
    },

    /** Records an answer going back to the reviewers: sent back by the committee, or overtaken by another review's publication. */
    async recordAnswerReturned(input: { reviewId: string; caseIds: string[]; returned: ReturnedAnswer }): Promise<void> {
      const { reviewId, returned } = input;
      await db.$transaction(async (tx) => {
        await tx.policyReviewAnswer.update({
          where: { id: returned.answerId },
          data: {
            status: returned.reason === 'stale_base' ? 'stale' : 'sent_back',
            decidedBy: returned.by,
            decisionNote: returned.note,
            decidedAt: new Date(returned.at),
          },
        });
        const stale = returned.reason === 'stale_base';
        await recordProgress(tx, {
          reviewId,
          caseIds: input.caseIds,
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
              subject: stale ? 'Rebase your policy proposal' : 'Your policy proposal was sent back',
              body: `Policy review ${reviewId}: ${returned.note}`,
            },
          ],
        });
      });
    },

    /**
     * Carries out an approved answer in one transaction: every proposed document (and, for positive
     * lessons, the examples of good practice) becomes a new version, the answer is approved and the
     * review closed. Publications are serialised by a lock on the documents, and a proposal whose
     * base is no longer current is not published: the review goes back to its reviewers. A retry
     * after a commit finds the review closed and answers what was published.
     */
    async concludePolicyReview(input: {
      reviewId: string;
      caseIds: string[];
      submitted: SubmittedAnswer;
      verdict: ReviewVerdict;
      lessons: Lesson[];
    }): Promise<ReviewConclusion> {
      const { reviewId, submitted, verdict } = input;
      return db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM policy_documents ORDER BY id FOR UPDATE`;
        const review = await tx.policyReview.findUniqueOrThrow({ where: { id: reviewId }, include: { versions: true } });
        const openReviewIds = async () =>
          (await tx.policyReview.findMany({ where: { status: 'open', id: { not: reviewId } }, select: { id: true } })).map((r) => r.id);
        if (review.status === 'closed') {
          return {
            status: 'concluded',
            outcome: review.outcome === 'revised' ? 'revised' : 'no_change',
            revisions: review.versions.map(revisionOf),
            currentVersions: await currentPolicyVersions(tx),
            openReviewIds: await openReviewIds(),
          };
        }
        const latest = await latestPolicyVersions(tx);
        const current = Object.fromEntries(POLICY_DOCUMENTS.map((document) => [document, latest.get(document)!.number])) as CurrentVersions;
        const { answer } = submitted;
        if (answer.kind === 'proposal' && staleBases(current, answer.changes).length > 0)
          return { status: 'stale', currentVersions: current };

        const texts = new Map<PolicyDocumentId, { text: string; summary: string }>();
        if (answer.kind === 'proposal')
          for (const change of answer.changes) texts.set(change.document, { text: change.text, summary: change.summary });
        const positive = input.lessons.filter((lesson) => lesson.kind === 'positive');
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
        const effectiveAt = new Date(verdict.at);
        const created: { id: string; documentId: string; number: number; changeSummary: string }[] = [];
        for (const document of POLICY_DOCUMENTS) {
          const next = texts.get(document);
          if (!next || next.text === latest.get(document)!.text) continue;
          created.push(
            await tx.policyVersion.create({
              data: {
                documentId: document,
                number: latest.get(document)!.number + 1,
                text: next.text,
                changeSummary: next.summary,
                author: submitted.author.sub,
                approver: verdict.approver.sub,
                effectiveAt,
                reviewId,
              },
            }),
          );
          current[document] = latest.get(document)!.number + 1;
        }
        const outcome = created.length > 0 ? 'revised' : 'no_change';
        const revisions = created.map(revisionOf);
        await tx.policyReviewAnswer.update({
          where: { id: submitted.id },
          data: { status: 'approved', decidedBy: verdict.approver.sub, decisionNote: verdict.rationale, decidedAt: effectiveAt },
        });
        await tx.policyReview.update({ where: { id: reviewId }, data: { status: 'closed', outcome, closedAt: new Date() } });
        const published = revisions.map((r) => `${r.documentId} v${r.versionNumber}`);
        await recordProgress(tx, {
          reviewId,
          caseIds: input.caseIds,
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
              subject: outcome === 'revised' ? 'Policy documents revised' : 'Policy review closed without change',
              body:
                outcome === 'revised'
                  ? `Policy review ${reviewId} was approved by ${verdict.approver.name}: published ${published.join(', ')}, effective ${verdict.at}.`
                  : `Policy review ${reviewId} was closed by ${verdict.approver.name}: no change needed.`,
            },
          ],
        });
        return { status: 'concluded', outcome, revisions, currentVersions: current, openReviewIds: await openReviewIds() };
      });
    },
  };
}

function revisionOf(version: { id: string; documentId: string; number: number; changeSummary: string }): PolicyRevision {
  return {
    documentId: version.documentId,
    policyVersionId: version.id,
    versionNumber: version.number,
    changeSummary: version.changeSummary,
  };
}
