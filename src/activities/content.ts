import type { Decider } from '../domain/decider';
import { streisandRisk } from '../domain/streisand';
import type { RemovalReport, Severity } from '../domain/vocabulary';
import type { ContentSite } from '../integrations/contentSite';
import type { Database } from '../platform/database';
import { actorOf } from '../domain/decider';
import { saveContentAction, saveContentStatus } from '../records/contentActions';
import { manualRemovalRequest, removalRequest } from '../domain/caseNotices';
import { roleInbox } from '../domain/inboxes';

export interface ContentOrder {
  caseId: string;
  url: string;
  platform: string;
  reach: number;
  severity: Severity;
  rationale: string;
}

export function createContentActivities(db: Database, site: ContentSite) {
  return {
    /** Removes the content from a company site; without a site adapter, the social-media lead is asked to. */
    async removeFromCompanySite(order: ContentOrder): Promise<{ status: 'removed' | 'awaiting_removal' }> {
      const removal = await site.remove({ caseId: order.caseId, url: order.url, reason: order.rationale });
      const status = removal.outcome === 'removed' ? 'removed' : 'awaiting_removal';
      await saveContentAction(
        db,
        { caseId: order.caseId, action: 'remove', rationale: order.rationale, status },
        {
          latestStatusWins: true,
          event: {
            eventKey: `${order.caseId}:content-remove`,
            caseId: order.caseId,
            actor: 'system',
            action: removal.outcome === 'removed' ? 'content_removed' : 'manual_removal_requested',
            details: removal.outcome === 'removed' ? { url: order.url } : { url: order.url, reason: removal.reason },
          },
          messages:
            removal.outcome === 'manual'
              ? [
                  {
                    key: `${order.caseId}:manual-removal`,
                    caseId: order.caseId,
                    recipient: roleInbox('social_media_lead'),
                    ...manualRemovalRequest(order, removal.reason),
                  },
                ]
              : [],
        },
      );
      return { status };
    },

    /** Opens a tracked removal request for content on a site the company does not control. */
    async openRemovalRequest(order: ContentOrder): Promise<void> {
      const risk = streisandRisk(order.reach, order.severity);
      await saveContentAction(
        db,
        { caseId: order.caseId, action: 'request_removal', rationale: order.rationale, status: 'requested' },
        {
          event: {
            eventKey: `${order.caseId}:removal-requested`,
            caseId: order.caseId,
            actor: 'system',
            action: 'removal_requested',
            details: { url: order.url, platform: order.platform, streisandRisk: risk.level },
          },
          messages: [
            {
              key: `${order.caseId}:removal-request`,
              caseId: order.caseId,
              recipient: roleInbox('social_media_lead'),
              ...removalRequest(order, risk.hint),
            },
          ],
        },
      );
    },

    async leaveContent(order: Pick<ContentOrder, 'caseId' | 'rationale'>): Promise<void> {
      await saveContentAction(
        db,
        { caseId: order.caseId, action: 'leave', rationale: order.rationale, status: 'left' },
        {
          event: {
            eventKey: `${order.caseId}:content-left`,
            caseId: order.caseId,
            actor: 'system',
            action: 'content_left',
            details: { rationale: order.rationale },
          },
        },
      );
    },

    /** Records news of a removal; `sequence` tells reports apart so each is on the timeline once. */
    async recordRemovalReport(report: { caseId: string; sequence: number; reporter: Decider; status: RemovalReport; note: string }) {
      const status = report.status === 'in_progress' ? 'requested' : report.status;
      await saveContentStatus(db, report.caseId, status, {
        eventKey: `${report.caseId}:removal-report:${report.sequence}`,
        caseId: report.caseId,
        actor: actorOf(report.reporter),
        action: 'removal_reported',
        details: { status: report.status, note: report.note },
      });
    },

    /** Gives up waiting on a removal nobody reports on, after the last reminder. */
    async markRemovalUnresolved(caseId: string): Promise<void> {
      await saveContentStatus(db, caseId, 'unresolved', {
        eventKey: `${caseId}:removal-unresolved`,
        caseId,
        actor: 'system',
        action: 'removal_unresolved',
      });
    },
  };
}
