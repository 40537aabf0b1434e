import type { Sanction, Severity, ActivityCategory } from '../domain/vocabulary';
import type { Database } from '../platform/database';
import { audit, deliver } from './records';
import { employeeInbox } from '../domain/inboxes';

export interface SanctionOrder {
  caseId: string;
  decisionId: string;
  employeeId: string;
  sanction: Sanction;
  category: ActivityCategory;
  severity: Severity;
  matrixVersion: number;
  rationale: string;
}

const SANCTION_WORDS: Record<Sanction, string> = {
  conversation: 'a conversation with your manager',
  mandatory_training: 'mandatory social-media training',
  written_warning: 'a written warning',
  suspension: 'a suspension',
  termination: 'the termination of your employment',
};

export function createSanctionActivities(db: Database) {
  return {
    /**
     * Records the sanction against the employee and notifies them and their manager, in one
     * transaction keyed by the case: however often it is retried, it applies once.
     */
    async applySanction(order: SanctionOrder): Promise<{ applied: boolean }> {
      return db.$transaction(async (tx) => {
        const existing = await tx.sanction.findUnique({ where: { caseId: order.caseId } });
        if (existing) return { applied: false };
        const employee = await tx.employee.findUniqueOrThrow({ where: { id: order.employeeId } });
        await tx.sanction.create({
          data: {
            caseId: order.caseId,
            employeeId: order.employeeId,
            type: order.sanction,
            category: order.category,
            severity: order.severity,
            matrixVersion: order.matrixVersion,
          },
        });
        const key = `${order.caseId}:sanction-notice`;
        const act = `${order.category.replaceAll('_', ' ')} (${order.severity})`;
        await deliver(tx, {
          key,
          caseId: order.caseId,
          recipient: employeeInbox(employee.id),
          subject: 'A measure has been decided about your social-media activity',
          body: `After review of ${act}, the company has decided on ${SANCTION_WORDS[order.sanction]}. Reason: ${order.rationale}`,
        });
        if (employee.managerId) {
          await deliver(tx, {
            key,
            caseId: order.caseId,
            recipient: employeeInbox(employee.managerId),
            subject: `Measure decided for ${employee.name}`,
            body: `${employee.name} receives ${order.sanction.replaceAll('_', ' ')} for ${act}. Reason: ${order.rationale}`,
          });
        }
        await audit(tx, {
          eventKey: `${order.caseId}:sanction-applied`,
          caseId: order.caseId,
          actor: 'system',
          action: 'sanction_applied',
          details: { sanction: order.sanction, matrixVersion: order.matrixVersion, notified: employee.managerId ? 2 : 1 },
        });
        return { applied: true };
      });
    },
  };
}
