import type { CaseOpening } from '../domain/case';
import type { CaseStatus, DecidingRole } from '../domain/vocabulary';
import type { Database } from '../platform/database';

export interface CaseRecordActivities {
  openCaseRecord(opening: CaseOpening, decidingRole: DecidingRole): Promise<void>;
}

/** Writes the detection and its case once: a retried or replayed call finds the rows and leaves them. */
export function createCaseRecordActivities(db: Database): CaseRecordActivities {
  return {
    async openCaseRecord(opening, decidingRole) {
      const { caseId, detection, employee, assessment } = opening;
      const status: CaseStatus = 'awaiting_decision';
      await db.$transaction(async (tx) => {
        const activity = await tx.detectedActivity.upsert({
          where: { source_sourceRef: { source: detection.source, sourceRef: detection.sourceRef } },
          update: {},
          create: {
            ...detection,
            detectedAt: new Date(detection.detectedAt),
            employeeId: employee.id,
            ...assessment,
          },
        });
        await tx.case.upsert({
          where: { id: caseId },
          update: {},
          create: {
            id: caseId,
            activityId: activity.id,
            employeeId: employee.id,
            ...assessment,
            status,
            decidingRole,
            department: employee.department,
          },
        });
        await tx.auditEvent.upsert({
          where: { eventKey: `${caseId}:opened` },
          update: {},
          create: {
            eventKey: `${caseId}:opened`,
            caseId,
            actor: `detector:${detection.source}`,
            action: 'case_opened',
            details: { ...assessment, decidingRole },
          },
        });
      });
    },
  };
}
