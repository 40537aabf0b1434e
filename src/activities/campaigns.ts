import { ApplicationFailure } from '@temporalio/common';
import type { CampaignPlan, CampaignSettings, SessionRequest } from '../domain/campaign';
import { acknowledgeLink, announcementPost, type CampaignFacts, finalReportNotice, sessionPost } from '../domain/campaignTexts';
import { roleInbox } from '../domain/inboxes';
import type { SocialNetwork } from '../integrations/socialNetwork';
import type { Database } from '../platform/database';
import { actorOf } from '../domain/decider';
import {
  type CampaignClosing,
  getCampaign,
  type OpenCampaignRequest,
  saveCampaignClosing,
  saveCampaignOpening,
} from '../records/campaigns';
import { getKnowHowSession, type KnowHowSessionView, saveKnowHowSession } from '../records/knowHowSessions';
import { postOnce } from './socialPosts';

export type { KnowHowSessionView };

export interface CampaignRecordDependencies {
  db: Database;
  socialNetwork: SocialNetwork;
  settings: CampaignSettings;
}

export interface CampaignSummary {
  campaignId: string;
  status: string;
  total: number;
  acknowledged: number;
  rate: number;
}

export function campaignFactsOf(
  campaign: { id: string; title: string; versionNumber: number; changeSummary: string; deadline: Date },
  settings: CampaignSettings,
): CampaignFacts {
  return {
    campaignId: campaign.id,
    title: campaign.title,
    versionNumber: campaign.versionNumber,
    changeSummary: campaign.changeSummary,
    deadline: campaign.deadline.toISOString(),
    acknowledgeUrl: acknowledgeLink(settings.acknowledgeUrl, campaign.id),
  };
}

export function createCampaignRecordActivities({ db, socialNetwork, settings }: CampaignRecordDependencies) {
  const facts = async (campaignId: string) => campaignFactsOf(await getCampaign(db, campaignId), settings);

  return {
    /**
     * Records the campaign once, with its audience (the active directory when it opens) and its
     * deadline; supersedes the older revisions' open campaigns, or is superseded at once when a
     * newer revision's campaign exists.
     */
    async openCampaign(request: OpenCampaignRequest): Promise<CampaignPlan> {
      const { campaignId } = request;
      const opened = await saveCampaignOpening(db, request, settings.acknowledgeWithinMs, (campaign) => ({
        eventKey: `${campaignId}:opened`,
        caseId: null,
        actor: request.requestedBy,
        action: 'campaign_opened',
        details: {
          campaignId,
          policyVersionId: request.policyVersionId,
          versionNumber: request.versionNumber,
          recipients: campaign.recipientCount,
          deadline: campaign.deadline.toISOString(),
          supersededBy: campaign.supersededBy,
        },
      }));
      if (!opened)
        throw ApplicationFailure.nonRetryable(`Policy version ${request.policyVersionId} does not exist`, 'unknown_policy_version');
      const { campaign, supersedes } = opened;
      return {
        title: campaign.title,
        startedAt: campaign.startedAt.toISOString(),
        deadline: campaign.deadline.toISOString(),
        recipients: campaign.recipientCount,
        reminderIntervalMs: settings.reminderIntervalMs,
        batchSize: settings.batchSize,
        batchesPerRun: settings.batchesPerRun,
        supersededBy: campaign.status === 'superseded' ? campaign.supersededBy : null,
        supersedes,
      };
    },

    /** Opens the discussion of the revision on the enterprise social network (once per campaign). */
    async postCampaignAnnouncement(request: { campaignId: string }): Promise<'posted' | 'skipped'> {
      const post = announcementPost(await facts(request.campaignId));
      return postOnce(db, socialNetwork, { idempotencyKey: `${request.campaignId}:announcement`, ...post });
    },

    /** Records a know-how session the workflow accepted (its id chosen by the API: a re-sent request records it once). */
    async recordKnowHowSession(request: SessionRequest & { campaignId: string }): Promise<KnowHowSessionView> {
      return saveKnowHowSession(db, request, {
        eventKey: `${request.campaignId}:session:${request.sessionId}`,
        caseId: null,
        actor: actorOf(request.scheduledBy),
        action: 'session_scheduled',
        details: {
          campaignId: request.campaignId,
          sessionId: request.sessionId,
          startsAt: request.startsAt,
          facilitator: request.facilitator,
          capacity: request.capacity,
        },
      });
    },

    /** Announces a know-how session on the enterprise social network. */
    async postSessionNews(request: { campaignId: string; sessionId: string }): Promise<'posted' | 'skipped'> {
      const session = await getKnowHowSession(db, request.sessionId);
      const post = sessionPost(await facts(request.campaignId), { ...session, startsAt: session.startsAt.toISOString() });
      return postOnce(db, socialNetwork, { idempotencyKey: `${request.campaignId}:session:${request.sessionId}`, ...post });
    },

    /** Ends the campaign with its final report (frozen coverage), on the timeline and in communications' inbox. */
    async closeCampaign(closing: CampaignClosing): Promise<CampaignSummary> {
      const { campaignId } = closing;
      const closed = await saveCampaignClosing(db, closing, (report) => {
        const superseded = report.status === 'superseded';
        const { total, acknowledged } = report.coverage;
        return {
          message: {
            key: `${campaignId}:final-report`,
            recipient: roleInbox('communications'),
            ...finalReportNotice(campaignId, {
              title: report.title,
              versionNumber: report.versionNumber,
              superseded,
              coverage: report.coverage,
              reminderRounds: report.emails.reminders.rounds,
              managerReportsSent: report.emails.managerReports.sent,
              sessions: report.sessions,
            }),
            caseId: null,
          },
          event: {
            eventKey: `${campaignId}:closed`,
            caseId: null,
            actor: 'system',
            action: superseded ? 'campaign_superseded' : 'campaign_completed',
            details: { campaignId, total, acknowledged, supersededBy: report.supersededBy },
          },
        };
      });
      const coverage = (closed.finalReport as { coverage?: { total: number; acknowledged: number; rate: number } } | null)?.coverage;
      return {
        campaignId,
        status: closed.status,
        total: coverage?.total ?? 0,
        acknowledged: coverage?.acknowledged ?? 0,
        rate: coverage?.rate ?? 0,
      };
    },
  };
}
