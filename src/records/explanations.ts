import type { ExplanationDraft } from '../domain/explanation';
import type { Database } from '../platform/database';
import { audit, type AuditEntry } from './auditTrail';
import { asJson } from './json';
import type { Tx } from './transaction';

/** Records the first draft of a case's lesson once, with its timeline event. */
export async function saveExplanationDraft(db: Database, caseId: string, draft: ExplanationDraft, event: AuditEntry): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.explanation.upsert({
      where: { caseId },
      update: {},
      create: { caseId, kind: draft.kind, title: draft.title, parts: asJson(draft.parts), status: 'draft', editedBy: 'system' },
    });
    await audit(tx, event);
  });
}

/** Saves an accepted edit; an older revision never overwrites a newer one. */
export async function saveExplanationEdit(
  db: Database,
  edit: { caseId: string; revision: number; draft: ExplanationDraft; editedBy: string },
  event: AuditEntry,
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.explanation.updateMany({
      where: { caseId: edit.caseId, revision: { lt: edit.revision } },
      data: { title: edit.draft.title, parts: asJson(edit.draft.parts), revision: edit.revision, editedBy: edit.editedBy },
    });
    await audit(tx, event);
  });
}

/** The lesson approved for publication at `publishAt`; its case awaits that date. */
export async function saveExplanationApproval(
  db: Database,
  approval: { caseId: string; approvedBy: string; publishAt: string },
  event: AuditEntry,
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.explanation.update({
      where: { caseId: approval.caseId },
      data: { status: 'approved', approvedBy: approval.approvedBy, publishAt: new Date(approval.publishAt) },
    });
    await tx.case.update({ where: { id: approval.caseId }, data: { status: 'awaiting_publication' } });
    await audit(tx, event);
  });
}

export async function saveExplanationWithdrawal(db: Database, caseId: string, event: AuditEntry): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.explanation.update({ where: { caseId }, data: { status: 'withdrawn', withdrawnAt: new Date() } });
    await audit(tx, event);
  });
}

/** Publishes an approved lesson to the community feed; a published one stays as it is. */
export async function saveLessonPublished(db: Database, caseId: string, event: AuditEntry): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.explanation.updateMany({ where: { caseId, status: 'approved' }, data: { status: 'published', publishedAt: new Date() } });
    await audit(tx, event);
  });
}

export function getExplanation(db: Tx, caseId: string) {
  return db.explanation.findUniqueOrThrow({ where: { caseId } });
}

export function findExplanation(db: Tx, caseId: string) {
  return db.explanation.findUnique({ where: { caseId } });
}

/** A page of the community feed: published lessons, newest first, published before `before`. */
export function publishedLessons(db: Tx, page: { limit: number; before?: string }) {
  return db.explanation.findMany({
    where: { status: 'published', publishedAt: page.before ? { lt: new Date(page.before) } : undefined },
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    take: page.limit,
    select: { id: true, kind: true, title: true, parts: true, publishedAt: true },
  });
}
