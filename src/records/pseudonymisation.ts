import { randomUUID } from 'node:crypto';
import { Prisma } from '../generated/prisma/client';
import type { Lesson } from '../domain/policyReview';
import { PSEUDONYMISED, type PseudonymisationReport, type RetainedCase } from '../domain/retention';
import type { Sanction } from '../domain/vocabulary';
import type { Database } from '../platform/database';
import { employeeInbox } from '../domain/inboxes';
import { asJson } from './json';
import { activeHoldsOn } from './legalHolds';
import type { Tx } from './transaction';

const LONG_TRANSACTION = { timeout: 60_000 };

/** An inactive directory entry that stands for the person of a pseudonymised case: the records keep their links, not the person. */
async function createPseudonym(tx: Tx, department: string): Promise<string> {
  const id = `pseudonym-${randomUUID()}`;
  await tx.employee.create({ data: { id, name: PSEUDONYMISED, email: `${id}@pseudonymised.invalid`, department, active: false } });
  return id;
}

/**
 * Replaces the personal data of one closed case: the post (text, URL), every rationale and note,
 * the timeline's details, its notifications, the deciders' rationale in the lessons of its policy
 * reviews. `unlink`: the case, its detection and its sanction move to a new pseudonym (retention);
 * otherwise they stay with the employee, whose own record is pseudonymised (erasure). Its
 * published lesson, anonymised already, stays. A case pseudonymised before is left: null.
 */
async function pseudonymiseCase(tx: Tx, caseId: string, unlink: boolean): Promise<{ notifications: number } | null> {
  const record = await tx.case.findUnique({ where: { id: caseId } });
  if (!record || record.pseudonymisedAt) return null;
  await tx.detectedActivity.update({ where: { id: record.activityId }, data: { content: PSEUDONYMISED, url: PSEUDONYMISED } });
  await tx.decision.updateMany({ where: { caseId }, data: { rationale: PSEUDONYMISED, plan: Prisma.DbNull } });
  await tx.decision.updateMany({ where: { caseId, contentRationale: { not: null } }, data: { contentRationale: PSEUDONYMISED } });
  await tx.decision.updateMany({ where: { caseId, justification: { not: null } }, data: { justification: PSEUDONYMISED } });
  await tx.approval.updateMany({ where: { caseId }, data: { rationale: PSEUDONYMISED } });
  await tx.contentAction.updateMany({ where: { caseId }, data: { rationale: PSEUDONYMISED } });
  await tx.opportunity.updateMany({ where: { caseId }, data: { reproduce: PSEUDONYMISED } });
  await tx.opportunity.updateMany({ where: { caseId, followUpNote: { not: null } }, data: { followUpNote: PSEUDONYMISED } });
  await tx.auditEvent.updateMany({ where: { caseId }, data: { details: {} } });
  const notifications = await tx.notification.updateMany({ where: { caseId }, data: { subject: PSEUDONYMISED, body: PSEUDONYMISED } });
  for (const { review } of await tx.policyReviewCase.findMany({ where: { caseId }, select: { review: true } })) {
    const lessons = (review.lessons as unknown as Lesson[]).map((lesson) =>
      lesson.caseId === caseId ? { ...lesson, decision: { ...lesson.decision, rationale: PSEUDONYMISED } } : lesson,
    );
    await tx.policyReview.update({ where: { id: review.id }, data: { lessons: asJson(lessons) } });
  }
  if (unlink) {
    const employeeId = await createPseudonym(tx, record.department);
    await tx.detectedActivity.update({ where: { id: record.activityId }, data: { employeeId } });
    await tx.sanction.updateMany({ where: { caseId }, data: { employeeId } });
    await tx.case.update({ where: { id: caseId }, data: { employeeId } });
  }
  await tx.case.update({ where: { id: caseId }, data: { pseudonymisedAt: new Date() } });
  return { notifications: notifications.count };
}

/** A page of closed, not yet pseudonymised cases closed before `closedBefore`, in id order after `after`. */
export async function retentionCandidates(db: Tx, closedBefore: Date, after: string | null, limit: number) {
  const rows = await db.case.findMany({
    where: { status: 'closed', pseudonymisedAt: null, closedAt: { lte: closedBefore }, id: after ? { gt: after } : undefined },
    orderBy: { id: 'asc' },
    take: limit,
    select: { id: true, employeeId: true, kind: true, severity: true, closedAt: true, sanction: { select: { type: true } } },
  });
  const held = await db.legalHold.findMany({
    where: { releasedAt: null, OR: [{ caseId: { in: rows.map((r) => r.id) } }, { employeeId: { in: rows.map((r) => r.employeeId) } }] },
    select: { caseId: true, employeeId: true },
  });
  const heldIds = new Set(held.flatMap((hold) => [hold.caseId, hold.employeeId]).filter((id): id is string => id !== null));
  return rows.map((row) => ({
    caseId: row.id,
    held: heldIds.has(row.id) || heldIds.has(row.employeeId),
    retained: {
      kind: row.kind,
      severity: row.severity,
      sanction: (row.sanction?.type ?? null) as Sanction | null,
      closedAt: row.closedAt!,
    } as RetainedCase,
  }));
}

/** Pseudonymises one expired case and moves it to a pseudonym, unless a hold was placed meanwhile. */
export async function pseudonymiseExpiredCase(db: Database, caseId: string): Promise<{ notifications: number } | null> {
  return db.$transaction(async (tx) => {
    const record = await tx.case.findUnique({ where: { id: caseId }, select: { employeeId: true } });
    if (!record || (await activeHoldsOn(tx, record.employeeId, [caseId])).length > 0) return null;
    return pseudonymiseCase(tx, caseId, true);
  }, LONG_TRANSACTION);
}

/** The cases of an employee that keep them from being erased: open ones. */
export function openCasesOf(db: Tx, employeeId: string) {
  return db.case.findMany({ where: { employeeId, status: { not: 'closed' } }, select: { id: true, status: true } });
}

export function caseIdsOf(db: Tx, employeeId: string): Promise<string[]> {
  return db.case.findMany({ where: { employeeId }, select: { id: true } }).then((rows) => rows.map((row) => row.id));
}

/**
 * Erases an employee: their record keeps its id (every link holds) but loses name, e-mail and
 * handles and leaves the active directory; their cases' personal data and their inbox are
 * pseudonymised. One transaction: all of it or nothing.
 */
export async function eraseEmployeeData(db: Database, employeeId: string): Promise<PseudonymisationReport & { erasedAt: Date }> {
  return db.$transaction(async (tx) => {
    let cases = 0;
    let notifications = 0;
    for (const caseId of await caseIdsOf(tx, employeeId)) {
      const done = await pseudonymiseCase(tx, caseId, false);
      if (done) {
        cases += 1;
        notifications += done.notifications;
      }
    }
    // Their messages about a case were pseudonymised with it; the others are counted here.
    const inbox = await tx.notification.updateMany({
      where: { recipient: employeeInbox(employeeId), NOT: { body: PSEUDONYMISED } },
      data: { subject: PSEUDONYMISED, body: PSEUDONYMISED },
    });
    const erasedAt = new Date();
    await tx.employee.update({
      where: { id: employeeId },
      data: { name: PSEUDONYMISED, email: `erased-${randomUUID()}@pseudonymised.invalid`, handles: [], active: false, erasedAt },
    });
    await tx.campaignDelivery.updateMany({ where: { employeeId }, data: { detail: null } });
    return { cases, notifications: notifications + inbox.count, erasedAt };
  }, LONG_TRANSACTION);
}
