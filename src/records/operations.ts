import type { Tx } from './transaction';

/** Content still awaiting removal on an open case: a request to a platform, or a removal the company site did not confirm. */
export const OPEN_REMOVAL_STATUSES = ['requested', 'awaiting_removal'];

export function pendingRemovalCount(db: Tx): Promise<number> {
  return db.contentAction.count({ where: { status: { in: OPEN_REMOVAL_STATUSES }, case: { status: { not: 'closed' } } } });
}

/** Each running campaign's audience and how many of it acknowledged. */
export async function runningCampaignCoverage(db: Tx): Promise<{ campaignId: string; recipients: number; acknowledged: number }[]> {
  const campaigns = await db.campaign.findMany({
    where: { status: 'running' },
    select: { id: true, recipientCount: true, _count: { select: { acknowledgements: true } } },
  });
  return campaigns.map((campaign) => ({
    campaignId: campaign.id,
    recipients: campaign.recipientCount,
    acknowledged: campaign._count.acknowledgements,
  }));
}
