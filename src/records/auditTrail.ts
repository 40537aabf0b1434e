import type { Prisma } from '../generated/prisma/client';
import type { Tx } from './transaction';

export interface AuditEntry {
  /** Unique per event: a retried activity records its event once. */
  eventKey: string;
  /** Null for events of no case (a periodic review, a campaign). */
  caseId: string | null;
  actor: string;
  action: string;
  details?: Prisma.InputJsonValue;
}

export async function audit(tx: Tx, ...entries: AuditEntry[]): Promise<void> {
  await tx.auditEvent.createMany({ data: entries.map((entry) => ({ ...entry, details: entry.details ?? {} })), skipDuplicates: true });
}
