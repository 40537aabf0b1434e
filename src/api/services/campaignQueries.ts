import { campaignCoverage } from '../../records/campaignCoverage';
import { campaignExists, campaignsAwaitingAcknowledgement, campaignsWithAcknowledgements, findCampaign } from '../../records/campaigns';
import { sessionsOfCampaign, sessionViewOf } from '../../records/knowHowSessions';
import { campaignStateQuery } from '../../workflows/campaignMessages';
import type { Principal } from '../auth/tokens';
import type { ApiContext } from '../context';
import { notFound } from '../errors';
import { liveState } from './liveState';

/** A campaign's report: coverage (acknowledged / total, by department), e-mails, reminders, sessions; live state while it runs. */
export async function viewCampaign(ctx: ApiContext, campaignId: string) {
  // A closed campaign's report is in the database: only a running one is asked for its state.
  const [coverage, running, record] = await Promise.all([
    campaignCoverage(ctx.db, campaignId),
    liveState(ctx, campaignId, campaignStateQuery, { runningOnly: true }),
    findCampaign(ctx.db, campaignId),
  ]);
  const live = running?.state ?? null;
  if (!coverage) {
    if (live) return { campaignId, status: 'opening', live };
    throw notFound(`Campaign ${campaignId}`);
  }
  return { ...coverage, live, finalReport: record?.finalReport ?? null };
}

/** Every campaign, newest first, with its acknowledgement count. */
export async function listCampaigns(ctx: ApiContext) {
  const campaigns = await campaignsWithAcknowledgements(ctx.db);
  return {
    campaigns: campaigns.map((campaign) => ({
      campaignId: campaign.id,
      status: campaign.status,
      documentId: campaign.documentId,
      policyVersionId: campaign.policyVersionId,
      versionNumber: campaign.versionNumber,
      title: campaign.title,
      deadline: campaign.deadline,
      startedAt: campaign.startedAt,
      completedAt: campaign.completedAt,
      supersededBy: campaign.supersededBy,
      recipients: campaign.recipientCount,
      acknowledged: campaign.acknowledged,
    })),
  };
}

/**
 * What the caller still has to acknowledge: the campaigns addressing them that they have not
 * acknowledged, except those a newer revision of the same document replaced.
 */
export async function pendingAcknowledgements(ctx: ApiContext, principal: Principal) {
  const campaigns = await campaignsAwaitingAcknowledgement(ctx.db, principal.sub);
  const now = Date.now();
  return {
    pending: campaigns.map((campaign) => ({
      campaignId: campaign.id,
      documentId: campaign.documentId,
      policyVersionId: campaign.policyVersionId,
      versionNumber: campaign.versionNumber,
      title: campaign.title,
      changeSummary: campaign.changeSummary,
      deadline: campaign.deadline,
      overdue: campaign.deadline.getTime() < now,
      acknowledge: `POST /api/campaigns/${campaign.id}/acknowledgements`,
    })),
  };
}

/** A campaign's know-how sessions, with the places left and whether the caller is registered. */
export async function listSessions(ctx: ApiContext, campaignId: string, principal: Principal) {
  if (!(await campaignExists(ctx.db, campaignId))) throw notFound(`Campaign ${campaignId}`);
  const sessions = await sessionsOfCampaign(ctx.db, campaignId, principal.sub);
  return {
    sessions: sessions.map(({ registrations, ...session }) => ({
      ...sessionViewOf(session),
      placesLeft: Math.max(0, session.capacity - session.registeredCount),
      registered: session.registeredCount,
      mine: registrations.length > 0 ? { registered: true, attended: registrations[0].attended } : null,
    })),
  };
}
