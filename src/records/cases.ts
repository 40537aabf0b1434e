import type { CaseOpening } from '../domain/case';
import type { CaseStatus, DecidingRole } from '../domain/vocabulary';
import type { Database } from '../platform/database';
import { audit, type AuditEntry } from './auditTrail';
import { deliver, type InboxMessage } from './inbox';
import type { Tx } from './transaction';

export interface CaseProgress {
  caseId: string;
  status?: CaseStatus;
  decidingRole?: DecidingRole;
  event: Omit<AuditEntry, 'caseId'>;
  messages?: Omit<InboxMessage, 'caseId'>[];
}

/** Writes the detection and its case once, with the case's first event: a repeated call finds the rows and leaves them. */
export async function saveCaseOpening(db: Database, opening: CaseOpening, decidingRole: DecidingRole, event: AuditEntry): Promise<void> {
  const { caseId, detection, employee, assessment } = opening;
  await db.$transaction(async (tx) => {
    const activity = await tx.detectedActivity.upsert({
      where: { source_sourceRef: { source: detection.source, sourceRef: detection.sourceRef } },
      update: {},
      create: { ...detection, detectedAt: new Date(detection.detectedAt), employeeId: employee.id, ...assessment },
    });
    await tx.case.upsert({
      where: { id: caseId },
      update: {},
      create: {
        id: caseId,
        activityId: activity.id,
        employeeId: employee.id,
        ...assessment,
        status: 'awaiting_decision',
        decidingRole,
        department: employee.department,
      },
    });
    await audit(tx, event);
  });
}

/** Moves the case record along (status, routed role), with its timeline event and any inbox messages. */
export async function saveCaseProgress(db: Database, progress: CaseProgress): Promise<void> {
  const { caseId } = progress;
  await db.$transaction(async (tx) => {
    if (progress.status || progress.decidingRole) {
      await tx.case.update({
        where: { id: caseId },
        data: {
          status: progress.status,
          decidingRole: progress.decidingRole,
          closedAt: progress.status === 'closed' ? new Date() : undefined,
        },
      });
    }
    await audit(tx, { ...progress.event, caseId });
    if (progress.messages?.length) await deliver(tx, ...progress.messages.map((message) => ({ ...message, caseId })));
  });
}

/** The case with its detected activity and employee: what its explanation is written from. */
export function getCaseFacts(db: Tx, caseId: string) {
  return db.case.findUniqueOrThrow({ where: { id: caseId }, include: { activity: true, employee: true } });
}
