import type { Tx } from './transaction';

/** How many cases are open in each status. */
export async function openCaseCounts(db: Tx): Promise<{ status: string; count: number }[]> {
  const groups = await db.case.groupBy({ by: ['status'], where: { status: { not: 'closed' } }, _count: { _all: true } });
  return groups.map((group) => ({ status: group.status, count: group._count._all }));
}

/** Removal requests still awaiting news from the platform. */
export function pendingRemovalCount(db: Tx): Promise<number> {
  return db.case.count({ where: { status: 'awaiting_removal' } });
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
