import type { SessionRequest } from '../domain/campaign';
import type { Database } from '../platform/database';
import { audit, type AuditEntry } from './auditTrail';
import type { Tx } from './transaction';

export interface KnowHowSessionView {
  id: string;
  campaignId: string;
  startsAt: string;
  facilitator: string;
  capacity: number;
  registered: number;
  heldAt: string | null;
}

export const sessionViewOf = (session: {
  id: string;
  campaignId: string;
  startsAt: Date;
  facilitator: string;
  capacity: number;
  registeredCount: number;
  heldAt: Date | null;
}): KnowHowSessionView => ({
  id: session.id,
  campaignId: session.campaignId,
  startsAt: session.startsAt.toISOString(),
  facilitator: session.facilitator,
  capacity: session.capacity,
  registered: session.registeredCount,
  heldAt: session.heldAt?.toISOString() ?? null,
});

/** Records a know-how session once (its id chosen by the API), with its event on the campaign's trail. */
export async function saveKnowHowSession(
  db: Database,
  request: SessionRequest & { campaignId: string },
  event: AuditEntry,
): Promise<KnowHowSessionView> {
  return db.$transaction(async (tx) => {
    const session = await tx.knowHowSession.upsert({
      where: { id: request.sessionId },
      update: {},
      create: {
        id: request.sessionId,
        campaignId: request.campaignId,
        startsAt: new Date(request.startsAt),
        facilitator: request.facilitator,
        capacity: request.capacity,
        scheduledBy: request.scheduledBy.sub,
      },
    });
    await audit(tx, event);
    return sessionViewOf(session);
  });
}

export function getKnowHowSession(db: Tx, sessionId: string) {
  return db.knowHowSession.findUniqueOrThrow({ where: { id: sessionId } });
}

/** A campaign's sessions in order, each with the employee's registration (if any). */
export function sessionsOfCampaign(db: Tx, campaignId: string, employeeId: string) {
  return db.knowHowSession.findMany({
    where: { campaignId },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    include: { registrations: { where: { employeeId }, select: { attended: true } } },
  });
}

/** The session, if it belongs to the campaign. */
export function findSessionOf(db: Tx, campaignId: string, sessionId: string) {
  return db.knowHowSession.findFirst({ where: { id: sessionId, campaignId } });
}

export type Registration =
  { outcome: 'registered' | 'already_registered' } | { outcome: 'started' } | { outcome: 'full'; capacity: number };

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';

/**
 * Registers the employee for a session. Capacity holds under any concurrency: the session's row is
 * updated only while its count is below capacity (the row lock orders concurrent registrations), in
 * the same transaction as the registration.
 */
export async function registerOnce(db: Database, sessionId: string, employeeId: string): Promise<Registration> {
  const key = { sessionId_employeeId: { sessionId, employeeId } };
  try {
    return await db.$transaction(async (tx): Promise<Registration> => {
      if (await tx.sessionRegistration.findUnique({ where: key })) return { outcome: 'already_registered' };
      const taken = await tx.$executeRaw`
        UPDATE know_how_sessions SET registered_count = registered_count + 1
        WHERE id = ${sessionId} AND registered_count < capacity AND held_at IS NULL AND starts_at > now()`;
      if (taken === 0) {
        const now = await tx.knowHowSession.findUniqueOrThrow({ where: { id: sessionId } });
        if (now.heldAt || now.startsAt.getTime() <= Date.now()) return { outcome: 'started' };
        return { outcome: 'full', capacity: now.capacity };
      }
      await tx.sessionRegistration.create({ data: { sessionId, employeeId } });
      return { outcome: 'registered' };
    });
  } catch (error) {
    // The same person registering twice at once: the second transaction rolled back, the first counts.
    if (isUniqueViolation(error)) return { outcome: 'already_registered' };
    throw error;
  }
}

/** The session and the employee's registration for it. */
export async function getRegistration(db: Tx, sessionId: string, employeeId: string) {
  const [session, registration] = await Promise.all([
    db.knowHowSession.findUniqueOrThrow({ where: { id: sessionId } }),
    db.sessionRegistration.findUniqueOrThrow({ where: { sessionId_employeeId: { sessionId, employeeId } } }),
  ]);
  return { session, registration };
}

/** Which of these employees are registered for the session. */
export async function registeredAmong(db: Tx, sessionId: string, employeeIds: string[]): Promise<Set<string>> {
  const registrations = await db.sessionRegistration.findMany({
    where: { sessionId, employeeId: { in: employeeIds } },
    select: { employeeId: true },
  });
  return new Set(registrations.map((registration) => registration.employeeId));
}

/** Marks these registered employees as attended and the session held (when first recorded); answers the session and its attendance. */
export async function saveAttendance(db: Database, session: { id: string; heldAt: Date | null }, attended: string[]) {
  const held = await db.$transaction(async (tx) => {
    await tx.sessionRegistration.updateMany({ where: { sessionId: session.id, employeeId: { in: attended } }, data: { attended: true } });
    return tx.knowHowSession.update({ where: { id: session.id }, data: { heldAt: session.heldAt ?? new Date() } });
  });
  const attendees = await db.sessionRegistration.count({ where: { sessionId: session.id, attended: true } });
  return { held, attendees };
}
