import type { Sanction, Severity, ActivityCategory } from '../domain/vocabulary';
import type { Database } from '../platform/database';
import { managerSanctionNotice, sanctionNotice } from '../domain/caseNotices';
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

export function createSanctionActivities(db: Database) {
  return {
    /** Records the sanction against the employee and notifies them and their manager: however often it is retried, it applies once. */
    async applySanction(order: SanctionOrder): Promise<{ applied: boolean }> {
      const key = `${order.caseId}:sanction-notice`;
      const facts = {
        act: `${order.category.replaceAll('_', ' ')} (${order.severity})`,
        sanction: order.sanction,
        rationale: order.rationale,
      };
      return applySanctionOnce(db, order, (employee) => {
        const messages: InboxMessage[] = [
          {
            key,
            caseId: order.caseId,
            recipient: employeeInbox(employee.id),
            ...sanctionNotice(facts),
          },
        ];
        if (employee.managerId) {
          messages.push({
            key,
            caseId: order.caseId,
            recipient: employeeInbox(employee.managerId),
            ...managerSanctionNotice(employee.name, facts),
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
