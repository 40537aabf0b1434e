import type { Database } from '../platform/database';
import { audit, type AuditEntry } from './auditTrail';
import { deliver, type InboxMessage } from './inbox';

export interface ContentActionEntry {
  caseId: string;
  action: 'remove' | 'request_removal' | 'leave';
  rationale: string;
  status: string;
}

/**
 * Records what is done with the case's content, once per case, with its timeline event and any
 * inbox messages. A repeated call leaves the record as it is, unless `latestStatusWins` (a
 * removal tried again takes the site's latest answer).
 */
export async function saveContentAction(
  db: Database,
  entry: ContentActionEntry,
  trail: { event: AuditEntry; messages?: InboxMessage[]; latestStatusWins?: boolean },
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.contentAction.upsert({
      where: { caseId: entry.caseId },
      update: trail.latestStatusWins ? { status: entry.status } : {},
      create: entry,
    });
    await audit(tx, trail.event);
    await deliver(tx, ...(trail.messages ?? []));
  });
}

/** A new status of the case's content (a reported removal, or none in time), with its timeline event. */
export async function saveContentStatus(db: Database, caseId: string, status: string, event: AuditEntry): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.contentAction.update({ where: { caseId }, data: { status } });
    await audit(tx, event);
  });
}
