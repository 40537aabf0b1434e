import type { Tx } from './transaction';

/** What a hold covers: one case, or one employee and every case about them. */
export type HoldTarget = { caseId: string } | { employeeId: string };

const activeOn = (target: HoldTarget) => ({ ...target, releasedAt: null });

/** Places a hold, or finds the one already active on the target. */
export async function placeHold(db: Tx, target: HoldTarget, reason: string, placedBy: string) {
  const active = await db.legalHold.findFirst({ where: activeOn(target), orderBy: { placedAt: 'asc' } });
  if (active) return { created: false, hold: active };
  return { created: true, hold: await db.legalHold.create({ data: { ...target, reason, placedBy } }) };
}

/** Releases every active hold on the target; none: null. */
export async function releaseHolds(db: Tx, target: HoldTarget, releaseReason: string, releasedBy: string) {
  const released = await db.legalHold.updateMany({ where: activeOn(target), data: { releasedAt: new Date(), releasedBy, releaseReason } });
  if (released.count === 0) return null;
  return db.legalHold.findFirstOrThrow({ where: target, orderBy: { releasedAt: 'desc' } });
}

/** The active holds on the employee and on any of the cases (what keeps them from retention and erasure). */
export function activeHoldsOn(db: Tx, employeeId: string, caseIds: string[]) {
  return db.legalHold.findMany({
    where: { releasedAt: null, OR: [{ employeeId }, { caseId: { in: caseIds } }] },
    select: { id: true, caseId: true, employeeId: true, reason: true },
  });
}
