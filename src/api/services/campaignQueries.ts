import { WorkflowNotFoundError } from '@temporalio/client';
import { campaignCoverage } from '../../records/campaignCoverage';
import { sessionViewOf } from '../../records/knowHowSessions';
import type { CampaignState } from '../../domain/campaign';
import { campaignStateQuery } from '../../workflows/campaignMessages';
import type { Principal } from '../auth/tokens';
import type { ApiContext } from '../context';
import { notFound } from '../errors';

async function liveState(ctx: ApiContext, campaignId: string): Promise<CampaignState | null> {
  const handle = ctx.temporal.workflow.getHandle(campaignId);
  try {
    const description = await handle.describe();
    if (description.status.name !== 'RUNNING') return null;
    return await handle.query(campaignStateQuery);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}

/** A campaign's report: coverage (acknowledged / total, by department), e-mails, reminders, sessions; live state while it runs. */
export async function viewCampaign(ctx: ApiContext, campaignId: string) {
  const [coverage, live, record] = await Promise.all([
    campaignCoverage(ctx.db, campaignId),
    liveState(ctx, campaignId),
    ctx.db.campaign.findUnique({ where: { id: campaignId }, select: { finalReport: true } }),
  ]);
  if (!coverage) {
    if (live) return { campaignId, status: 'opening', live };
    throw notFound(`Campaign ${campaignId}`);
  }
  return { ...coverage, live, finalReport: record?.finalReport ?? null };
}

/** Every campaign, newest first, with its acknowledgement count. */
export async function listCampaigns(ctx: ApiContext) {
  const [campaigns, counts] = await Promise.all([
    ctx.db.campaign.findMany({ orderBy: [{ startedAt: 'desc' }, { id: 'asc' }] }),
    ctx.db.acknowledgement.groupBy({ by: ['campaignId'], _count: { _all: true } }),
  ]);
  const acknowledged = new Map(counts.map((count) => [count.campaignId, count._count._all]));
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
      acknowledged: acknowledged.get(campaign.id) ?? 0,
    })),
  };
}

/**
 * What the caller still has to acknowledge: the campaigns addressing them that they have not
 * acknowledged, except those a newer revision of the same document replaced.
 */
export async function pendingAcknowledgements(ctx: ApiContext, principal: Principal) {
  const [campaigns, latest] = await Promise.all([
    ctx.db.campaign.findMany({
      where: {
        status: { in: ['running', 'completed'] },
        recipients: { some: { employeeId: principal.sub } },
        acknowledgements: { none: { employeeId: principal.sub } },
      },
      orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
    }),
    ctx.db.campaign.groupBy({ by: ['documentId'], where: { status: { not: 'superseded' } }, _max: { versionNumber: true } }),
  ]);
  const latestOf = new Map(latest.map((row) => [row.documentId, row._max.versionNumber]));
  const now = Date.now();
  return {
    pending: campaigns
      .filter((campaign) => latestOf.get(campaign.documentId) === campaign.versionNumber)
      .map((campaign) => ({
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
  const campaign = await ctx.db.campaign.findUnique({ where: { id: campaignId }, select: { id: true } });
  if (!campaign) throw notFound(`Campaign ${campaignId}`);
  const sessions = await ctx.db.knowHowSession.findMany({
    where: { campaignId },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    include: { registrations: { where: { employeeId: principal.sub }, select: { attended: true } } },
  });
  return {
    sessions: sessions.map(({ registrations, ...session }) => ({
      ...sessionViewOf(session),
      placesLeft: Math.max(0, session.capacity - session.registeredCount),
      registered: session.registeredCount,
      mine: registrations.length > 0 ? { registered: true, attended: registrations[0].attended } : null,
    })),
  };
}
