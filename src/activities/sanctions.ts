import type { Sanction, Severity, ActivityCategory } from '../domain/vocabulary';
import type { Database } from '../platform/database';
import { employeeInbox } from '../domain/inboxes';
import type { InboxMessage } from '../records/inbox';
import { applySanctionOnce } from '../records/sanctions';

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
    /** Records the sanction against the employee and notifies them and their manager: however often it is retried, it applies once. */
    async applySanction(order: SanctionOrder): Promise<{ applied: boolean }> {
      const key = `${order.caseId}:sanction-notice`;
      const act = `${order.category.replaceAll('_', ' ')} (${order.severity})`;
      return applySanctionOnce(db, order, (employee) => {
        const messages: InboxMessage[] = [
          {
            key,
            caseId: order.caseId,
            recipient: employeeInbox(employee.id),
            subject: 'A measure has been decided about your social-media activity',
            body: `After review of ${act}, the company has decided on ${SANCTION_WORDS[order.sanction]}. Reason: ${order.rationale}`,
          },
        ];
        if (employee.managerId) {
          messages.push({
            key,
            caseId: order.caseId,
            recipient: employeeInbox(employee.managerId),
            subject: `Measure decided for ${employee.name}`,
            body: `${employee.name} receives ${order.sanction.replaceAll('_', ' ')} for ${act}. Reason: ${order.rationale}`,
          });
        }
        const event = {
          eventKey: `${order.caseId}:sanction-applied`,
          caseId: order.caseId,
          actor: 'system',
          action: 'sanction_applied',
          details: { sanction: order.sanction, matrixVersion: order.matrixVersion, notified: messages.length },
        };
        return { messages, event };
      });
    },
  };
}
