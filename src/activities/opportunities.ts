import type { CapitalizeDecision } from '../domain/decisions';
import type { Decider } from '../domain/decider';
import type { Database } from '../platform/database';
import { actorOf } from '../domain/decider';
import type { InboxMessage } from '../records/inbox';
import { saveFollowUp, saveOpportunity } from '../records/opportunities';
import { amplifyRequest, insightNotice } from '../domain/caseNotices';
import { roleInbox, teamInbox } from '../domain/inboxes';

export interface OpportunityOrder {
  caseId: string;
  plan: CapitalizeDecision['plan'];
  rationale: string;
  url: string;
  followUpDueAt: string;
}

export function createOpportunityActivities(db: Database) {
  return {
    /** Records the opportunity, shares the insight with the named team, and asks communications to amplify. */
    async capitalizeOnActivity(order: OpportunityOrder): Promise<void> {
      const { caseId, plan } = order;
      const messages: InboxMessage[] = [
        {
          key: `${caseId}:insight`,
          caseId,
          recipient: teamInbox(plan.shareInsightWith),
          ...insightNotice(order.url, order.rationale, plan.reproduce),
        },
      ];
      if (plan.amplify) {
        messages.push({
          key: `${caseId}:amplify`,
          caseId,
          recipient: roleInbox('communications'),
          ...amplifyRequest(order.url, order.rationale),
        });
      }
      await saveOpportunity(db, order, messages, {
        eventKey: `${caseId}:capitalized`,
        caseId,
        actor: 'system',
        action: 'opportunity_created',
        details: { sharedWith: plan.shareInsightWith, amplify: plan.amplify, followUpDueAt: order.followUpDueAt },
      });
    },

    async recordFollowUp(report: { caseId: string; reporter: Decider | null; reproduced: boolean | null; note: string }) {
      await saveFollowUp(db, report, {
        eventKey: `${report.caseId}:follow-up`,
        caseId: report.caseId,
        actor: report.reporter ? actorOf(report.reporter) : 'system',
        action: report.reproduced === null ? 'follow_up_unanswered' : 'follow_up_reported',
        details: { reproduced: report.reproduced, note: report.note },
      });
    },
  };
}
