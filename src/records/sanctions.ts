import type { Employee } from '../generated/prisma/client';
import type { ActivityCategory, Sanction, Severity } from '../domain/vocabulary';
import type { Database } from '../platform/database';
import { audit, type AuditEntry } from './auditTrail';
import { deliver, type InboxMessage } from './inbox';
import type { Tx } from './transaction';

export interface SanctionEntry {
  caseId: string;
  employeeId: string;
  sanction: Sanction;
  category: ActivityCategory;
  severity: Severity;
  matrixVersion: number;
}

/**
 * Records the sanction against the employee with its notices and timeline event, in one
 * transaction keyed by the case: however often it is retried, it applies once. The notices are
 * worded by `noticesTo` for the employee as the directory has them.
 */
export async function applySanctionOnce(
  db: Database,
  entry: SanctionEntry,
  noticesTo: (employee: Employee) => { messages: InboxMessage[]; event: AuditEntry },
): Promise<{ applied: boolean }> {
  return db.$transaction(async (tx) => {
    const existing = await tx.sanction.findUnique({ where: { caseId: entry.caseId } });
    if (existing) return { applied: false };
    const employee = await tx.employee.findUniqueOrThrow({ where: { id: entry.employeeId } });
    await tx.sanction.create({
      data: {
        caseId: entry.caseId,
        employeeId: entry.employeeId,
        type: entry.sanction,
        category: entry.category,
        severity: entry.severity,
        matrixVersion: entry.matrixVersion,
      },
    });
    const { messages, event } = noticesTo(employee);
    await deliver(tx, ...messages);
    await audit(tx, event);
    return { applied: true };
  });
}

/** How many other cases of the employee ended in a sanction. */
export function priorSanctionCount(db: Tx, employeeId: string, exceptCaseId: string): Promise<number> {
  return db.sanction.count({ where: { employeeId, caseId: { not: exceptCaseId } } });
}
