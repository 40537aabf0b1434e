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
