import type { Prisma } from '../generated/prisma/client';
import type { InboxAddress } from '../domain/inboxes';
import {
  clauseOf,
  type CurrentVersions,
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

/** A step of a review: its event on the review's own trail and on the timeline of each case that fed it, and any messages. */
export interface ReviewProgress {
  reviewId: string;
  caseIds: string[];
  event: ReviewEvent;
  messages?: ReviewMessage[];
}

export interface OpenedReview {
  lessons: Lesson[];
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
      /** The other reviews still open, to be told about the new versions. */
      openReviewIds: string[];
    };

/** New texts of documents, by document. */
export type DocumentTexts = Map<PolicyDocumentId, { text: string; summary: string }>;

export type LatestVersions = Awaited<ReturnType<typeof latestPolicyVersions>>;

async function writeProgress(tx: Tx, progress: ReviewProgress): Promise<void> {
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
    return { lessons: [lesson], period: null, currentVersions: await currentPolicyVersions(tx) };
  });
}

/**
 * Records a periodic review of every case closed with a sanction or a capitalisation since the
 * previous periodic review (up to `until`), with its opening (`progressFor` words it). A retry
 * finds the review and its period as first recorded; another run with the same review id is
 * answered `duplicate_run`.
 */
export async function savePeriodicReviewOpening(
  db: Database,
  review: { reviewId: string; runId: string; until: string },
  progressFor: (opened: Omit<OpenedReview, 'currentVersions'>) => ReviewProgress,
): Promise<({ status: 'opened' } & OpenedReview) | { status: 'duplicate_run'; runId: string | null }> {
  const { reviewId } = review;
  return db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock(${PERIODIC_REVIEW_LOCK})`);
    const existing = await tx.policyReview.findUnique({ where: { id: reviewId } });
    if (existing && existing.runId !== review.runId) return { status: 'duplicate_run', runId: existing.runId };
    if (existing) {
      return {
        status: 'opened',
        lessons: existing.lessons as unknown as Lesson[],
        period: { since: existing.periodStart?.toISOString() ?? null, until: (existing.periodEnd ?? existing.openedAt).toISOString() },
        currentVersions: await currentPolicyVersions(tx),
      };
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
    const lessons = closed.map(lessonOfRecord);
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
    return { status: 'opened', lessons, period, currentVersions: await currentPolicyVersions(tx) };
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
export async function publishApprovedAnswer(
  db: Database,
  approved: { reviewId: string; answerId: string; author: string; verdict: ReviewVerdict },
  revise: (latest: LatestVersions) => DocumentTexts | null,
  progressFor: (outcome: 'revised' | 'no_change', revisions: PolicyRevision[]) => ReviewProgress,
): Promise<ReviewConclusion> {
  const { reviewId, verdict } = approved;
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
    const current = versionNumbersOf(latest);
    const texts = revise(latest);
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
    return { status: 'concluded', outcome, revisions, currentVersions: current, openReviewIds: await openReviewIds() };
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
