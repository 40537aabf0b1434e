import type { Prisma } from '../generated/prisma/client';
import type { InboxAddress } from '../domain/inboxes';
import {
  clauseOf,
  type CurrentVersions,
  documentsConcerned,
  type Lesson,
  POLICY_DOCUMENTS,
  type PolicyDocumentId,
  type PolicyRevision,
  type ReturnedAnswer,
  type ReviewVerdict,
  type SubmittedAnswer,
} from '../domain/policyReview';
import type { PolicyReviewListQuery } from '../domain/schemas/policy';
import type { ActivityCategory, Sanction, Severity } from '../domain/vocabulary';
import type { Database } from '../platform/database';
import { audit } from './auditTrail';
import { deliver } from './inbox';
import { asJson } from './json';
import { currentPolicyVersions, latestPolicyVersions, versionNumbersOf } from './policyDocuments';
import type { Tx } from './transaction';

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

/**
 * A step of a review: its event on the review's own trail and on the timeline of each case that fed
 * it (the cases on record for the review), and any messages.
 */
export interface ReviewProgress {
  reviewId: string;
  event: ReviewEvent;
  messages?: ReviewMessage[];
}

/** What a review's workflow keeps of its opening: ids and what its validators need; the lessons stay in the database. */
export interface OpenedReview {
  caseIds: string[];
  documentsConcerned: PolicyDocumentId[];
  period: { since: string | null; until: string } | null;
  currentVersions: CurrentVersions;
}

export type ReviewConclusion =
  | { status: 'stale'; currentVersions: CurrentVersions }
  | {
      status: 'concluded';
      outcome: 'revised' | 'no_change';
      revisions: PolicyRevision[];
      currentVersions: CurrentVersions;
      /** The other open reviews whose pending proposal the new versions overtook: they are told, so it goes back for a rebase. */
      overtakenReviewIds: string[];
    };

/** New texts of documents, by document. */
export type DocumentTexts = Map<PolicyDocumentId, { text: string; summary: string }>;

export type LatestVersions = Awaited<ReturnType<typeof latestPolicyVersions>>;

async function caseIdsOfReview(tx: Tx, reviewId: string): Promise<string[]> {
  const rows = await tx.policyReviewCase.findMany({ where: { reviewId }, select: { caseId: true }, orderBy: { caseId: 'asc' } });
  return rows.map((row) => row.caseId);
}

async function writeProgress(tx: Tx, progress: ReviewProgress): Promise<void> {
  const { reviewId, event } = progress;
  const caseIds = await caseIdsOfReview(tx, reviewId);
  const details = asJson({ reviewId, ...event.details });
  // The review's own trail (no case), then the same event on the timeline of every case that fed it.
  const entry = { actor: event.actor, action: event.action, details };
  await audit(
    tx,
    { ...entry, eventKey: event.key, caseId: null },
    ...caseIds.map((caseId) => ({ ...entry, eventKey: `${event.key}:${caseId}`, caseId })),
  );
  const caseId = caseIds.length === 1 ? caseIds[0] : null;
  await deliver(
    tx,
    ...(progress.messages ?? []).flatMap(({ key, recipients, subject, body }) =>
      recipients.map((recipient) => ({ key, recipient, subject, body, caseId })),
    ),
  );
}

/** Reminders and escalations: an event on the review's trail and its cases' timelines, and inbox messages. */
export async function saveReviewProgress(db: Database, progress: ReviewProgress): Promise<void> {
  await db.$transaction((tx) => writeProgress(tx, progress));
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

/** Records the review of one case (once), with its opening on the review's trail and the case's timeline. */
export async function saveCaseReviewOpening(
  db: Database,
  review: { reviewId: string; runId: string; lesson: Lesson },
  progress: ReviewProgress,
): Promise<OpenedReview> {
  const { reviewId, lesson } = review;
  return db.$transaction(async (tx) => {
    await tx.policyReview.upsert({
      where: { id: reviewId },
      update: {},
      create: {
        id: reviewId,
        trigger: 'case',
        status: 'open',
        runId: review.runId,
        lessons: asJson([lesson]),
        cases: { create: [{ caseId: lesson.caseId }] },
      },
    });
    await writeProgress(tx, progress);
    return {
      caseIds: [lesson.caseId],
      documentsConcerned: documentsConcerned([lesson]),
      period: null,
      currentVersions: await currentPolicyVersions(tx),
    };
  });
}

/** What an opened review hands its workflow, from its lessons. */
async function openedReview(tx: Tx, lessons: Lesson[], period: OpenedReview['period']): Promise<OpenedReview> {
  return {
    caseIds: lessons.map((lesson) => lesson.caseId),
    documentsConcerned: documentsConcerned(lessons),
    period,
    currentVersions: await currentPolicyVersions(tx),
  };
}

/**
 * The lessons of reviews that closed unanswered (folded) and were not carried into a periodic review
 * yet, now carried into `reviewId`; those whose case is among `lessons` already are not repeated.
 */
async function carryFoldedLessons(tx: Tx, reviewId: string, lessons: Lesson[]): Promise<Lesson[]> {
  const folded = await tx.policyReview.findMany({
    where: { outcome: 'folded', carriedIntoId: null },
    orderBy: [{ closedAt: 'asc' }, { id: 'asc' }],
  });
  if (folded.length === 0) return [];
  await tx.policyReview.updateMany({ where: { id: { in: folded.map((review) => review.id) } }, data: { carriedIntoId: reviewId } });
  const seen = new Set(lessons.map((lesson) => lesson.caseId));
  const carried: Lesson[] = [];
  for (const lesson of folded.flatMap((review) => review.lessons as unknown as Lesson[])) {
    if (seen.has(lesson.caseId)) continue;
    seen.add(lesson.caseId);
    carried.push(lesson);
  }
  return carried;
}

/**
 * Records a periodic review of every case closed with a sanction or a capitalisation since the
 * previous periodic review (up to `until`), and of the lessons of reviews that closed unanswered
 * since, with its opening (`progressFor` words it). A retry finds the review and its period as first
 * recorded; another run with the same review id is answered `duplicate_run`.
 */
export async function savePeriodicReviewOpening(
  db: Database,
  review: { reviewId: string; runId: string; until: string },
  progressFor: (opened: { lessons: Lesson[]; period: NonNullable<OpenedReview['period']> }) => ReviewProgress,
): Promise<({ status: 'opened' } & OpenedReview) | { status: 'duplicate_run'; runId: string | null }> {
  const { reviewId } = review;
  return db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock(${PERIODIC_REVIEW_LOCK})`);
    const existing = await tx.policyReview.findUnique({ where: { id: reviewId } });
    if (existing && existing.runId !== review.runId) return { status: 'duplicate_run', runId: existing.runId };
    if (existing) {
      const period = { since: existing.periodStart?.toISOString() ?? null, until: (existing.periodEnd ?? existing.openedAt).toISOString() };
      return { status: 'opened', ...(await openedReview(tx, existing.lessons as unknown as Lesson[], period)) };
    }
    const previous = await tx.policyReview.aggregate({ where: { trigger: 'periodic' }, _max: { periodEnd: true } });
    const since = previous._max.periodEnd;
    const until = new Date(review.until);
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
    const closedLessons = closed.map(lessonOfRecord);
    const lessons = [...closedLessons, ...(await carryFoldedLessons(tx, reviewId, closedLessons))];
    await tx.policyReview.create({
      data: {
        id: reviewId,
        trigger: 'periodic',
        status: 'open',
        runId: review.runId,
        lessons: asJson(lessons),
        periodStart: since,
        periodEnd: until,
        cases: { create: lessons.map((lesson) => ({ caseId: lesson.caseId })) },
      },
    });
    const period = { since: since?.toISOString() ?? null, until: until.toISOString() };
    await writeProgress(tx, progressFor({ lessons, period }));
    return { status: 'opened', ...(await openedReview(tx, lessons, period)) };
  });
}

/**
 * Closes a review nobody answered, with its step on the trail: outcome `folded`, its lessons left
 * for the next periodic review to carry. A repeated call finds it closed and leaves it.
 */
export async function foldReview(db: Database, reviewId: string, progress: ReviewProgress): Promise<void> {
  await db.$transaction(async (tx) => {
    const closed = await tx.policyReview.updateMany({
      where: { id: reviewId, status: 'open' },
      data: { status: 'closed', outcome: 'folded', closedAt: new Date() },
    });
    if (closed.count > 0) await writeProgress(tx, progress);
  });
}

/** Records a reviewer's answer once, with its step on the trail. */
export async function saveReviewAnswer(
  db: Database,
  reviewId: string,
  submitted: SubmittedAnswer,
  progress: ReviewProgress,
): Promise<void> {
  const { answer, author } = submitted;
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
    await writeProgress(tx, progress);
  });
}

/** Records an answer going back to the reviewers (sent back, or overtaken by another review's publication), with its step on the trail. */
export async function saveAnswerReturned(db: Database, returned: ReturnedAnswer, progress: ReviewProgress): Promise<void> {
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
    await writeProgress(tx, progress);
  });
}

function revisionOf(version: { id: string; documentId: string; number: number; changeSummary: string }): PolicyRevision {
  return {
    documentId: version.documentId,
    policyVersionId: version.id,
    versionNumber: version.number,
    changeSummary: version.changeSummary,
  };
}

/**
 * Carries out an approved answer in one transaction: every text `revise` gives that differs from
 * the current one becomes a new version, the answer is approved and the review closed, with the
 * step `progressFor` words. Publications are serialised by a lock on the documents; `revise`
 * answers null when the answer's bases are no longer current, and nothing is published. A retry
 * after a commit finds the review closed and answers what was published.
 */
/** The other open reviews whose pending proposal changes a document `revisions` published a new version of. */
async function overtakenReviews(tx: Tx, reviewId: string, revisions: PolicyRevision[]): Promise<string[]> {
  const revised = new Set(revisions.map((revision) => revision.documentId));
  if (revised.size === 0) return [];
  const pending = await tx.policyReviewAnswer.findMany({
    where: { status: 'pending', kind: 'proposal', reviewId: { not: reviewId }, review: { status: 'open' } },
    select: { reviewId: true, changes: true },
    orderBy: { reviewId: 'asc' },
  });
  const touches = (changes: unknown) => (changes as { document: string }[]).some((change) => revised.has(change.document));
  return [...new Set(pending.filter((answer) => touches(answer.changes)).map((answer) => answer.reviewId))];
}

export async function publishApprovedAnswer(
  db: Database,
  approved: { reviewId: string; answerId: string; author: string; verdict: ReviewVerdict },
  revise: (latest: LatestVersions, lessons: Lesson[]) => DocumentTexts | null,
  progressFor: (outcome: 'revised' | 'no_change', revisions: PolicyRevision[]) => ReviewProgress,
): Promise<ReviewConclusion> {
  const { reviewId, verdict } = approved;
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM policy_documents ORDER BY id FOR UPDATE`;
    const review = await tx.policyReview.findUniqueOrThrow({ where: { id: reviewId }, include: { versions: true } });
    if (review.status === 'closed') {
      const revisions = review.versions.map(revisionOf);
      return {
        status: 'concluded',
        outcome: review.outcome === 'revised' ? 'revised' : 'no_change',
        revisions,
        currentVersions: await currentPolicyVersions(tx),
        overtakenReviewIds: await overtakenReviews(tx, reviewId, revisions),
      };
    }
    const latest = await latestPolicyVersions(tx);
    const current = versionNumbersOf(latest);
    const texts = revise(latest, review.lessons as unknown as Lesson[]);
    if (!texts) return { status: 'stale', currentVersions: current };

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
            author: approved.author,
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
      where: { id: approved.answerId },
      data: { status: 'approved', decidedBy: verdict.approver.sub, decisionNote: verdict.rationale, decidedAt: effectiveAt },
    });
    await tx.policyReview.update({ where: { id: reviewId }, data: { status: 'closed', outcome, closedAt: new Date() } });
    await writeProgress(tx, progressFor(outcome, revisions));
    return {
      status: 'concluded',
      outcome,
      revisions,
      currentVersions: current,
      overtakenReviewIds: await overtakenReviews(tx, reviewId, revisions),
    };
  });
}

export async function policyReviewExists(db: Tx, reviewId: string): Promise<boolean> {
  return (await db.policyReview.count({ where: { id: reviewId } })) > 0;
}

export async function isReviewOpen(db: Tx, reviewId: string): Promise<boolean> {
  return (await db.policyReview.findUnique({ where: { id: reviewId }, select: { status: true } }))?.status === 'open';
}

const reviewInclude = {
  cases: { include: { case: { select: { id: true, kind: true, category: true, severity: true, status: true, closedAt: true } } } },
  versions: { select: { documentId: true, number: true, changeSummary: true, effectiveAt: true }, orderBy: { documentId: 'asc' } },
} satisfies Prisma.PolicyReviewInclude;

/** A review with the cases that fed it and the versions it published. */
export type ReviewRecord = Prisma.PolicyReviewGetPayload<{ include: typeof reviewInclude }>;

/** A page of reviews, newest first, with the total matching. */
export async function findPolicyReviews(db: Tx, query: PolicyReviewListQuery): Promise<{ total: number; reviews: ReviewRecord[] }> {
  const where: Prisma.PolicyReviewWhereInput = {
    status: query.status,
    trigger: query.trigger,
    cases: query.caseId ? { some: { caseId: query.caseId } } : undefined,
  };
  const [total, reviews] = await Promise.all([
    db.policyReview.count({ where }),
    db.policyReview.findMany({
      where,
      include: reviewInclude,
      orderBy: [{ openedAt: 'desc' }, { id: 'asc' }],
      take: query.limit,
      skip: query.offset,
    }),
  ]);
  return { total, reviews };
}

/** A review as recorded: the record, its answers in order, and its own trail. */
export async function findPolicyReview(db: Tx, reviewId: string) {
  const [record, answers, trail] = await Promise.all([
    db.policyReview.findUnique({ where: { id: reviewId }, include: reviewInclude }),
    db.policyReviewAnswer.findMany({ where: { reviewId }, orderBy: { round: 'asc' } }),
    db.auditEvent.findMany({
      where: { caseId: null, details: { path: ['reviewId'], equals: reviewId } },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    }),
  ]);
  return { record, answers, trail };
}
