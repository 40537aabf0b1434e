import type { Campaign } from '../generated/prisma/client';
import type { Database } from '../platform/database';
import { audit, type AuditEntry } from './auditTrail';
import { type CampaignCoverage, campaignCoverage } from './campaignCoverage';
import { deliver, type InboxMessage } from './inbox';
import { asJson } from './json';
import type { Tx } from './transaction';

export interface OpenCampaignRequest {
  campaignId: string;
  policyVersionId: string;
  documentId: string;
  versionNumber: number;
  changeSummary: string;
  requestedBy: string;
  deadline: string | null;
}

export interface CampaignClosing {
  campaignId: string;
  outcome: 'completed' | 'superseded';
  supersededBy: string | null;
}

/**
 * Records the campaign once, with its audience (the active directory, copied in one statement), its
 * deadline (`acknowledgeWithinMs` from now unless requested) and its opening event (`eventFor`
 * words it); supersedes the older revisions' open campaigns, or is superseded at once when a newer
 * revision's campaign exists. Campaigns of one document open one at a time (advisory lock). Null
 * when the policy version does not exist.
 */
export async function saveCampaignOpening(
  db: Database,
  request: OpenCampaignRequest,
  acknowledgeWithinMs: number,
  eventFor: (campaign: Campaign) => AuditEntry,
): Promise<{ campaign: Campaign; supersedes: string[] } | null> {
  const { campaignId, documentId, versionNumber } = request;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`campaigns:${documentId}`}))`;
      let campaign = await tx.campaign.findUnique({ where: { id: campaignId } });
      if (!campaign) {
        const version = await tx.policyVersion.findUnique({
          where: { id: request.policyVersionId },
          include: { document: { select: { title: true } } },
        });
        if (!version) return null;
        const newer = await tx.campaign.findFirst({
          where: { documentId, versionNumber: { gt: versionNumber }, status: { not: 'superseded' } },
          orderBy: { versionNumber: 'desc' },
        });
        const now = new Date();
        campaign = await tx.campaign.create({
          data: {
            id: campaignId,
            policyVersionId: request.policyVersionId,
            documentId,
            versionNumber,
            title: version.document.title,
            changeSummary: request.changeSummary || version.changeSummary,
            status: newer ? 'superseded' : 'running',
            supersededBy: newer?.id ?? null,
            completedAt: newer ? now : null,
            deadline: request.deadline ? new Date(request.deadline) : new Date(now.getTime() + acknowledgeWithinMs),
            requestedBy: request.requestedBy,
            startedAt: now,
          },
        });
        if (!newer) {
          await tx.campaign.updateMany({
            where: { documentId, status: 'running', versionNumber: { lt: versionNumber } },
            data: { status: 'superseded', supersededBy: campaignId, completedAt: now },
          });
          const recipients = await tx.$executeRaw`
            INSERT INTO campaign_recipients (campaign_id, employee_id, department)
            SELECT ${campaignId}, e.id, e.department FROM employees e WHERE e.active
            ON CONFLICT DO NOTHING`;
          campaign = await tx.campaign.update({ where: { id: campaignId }, data: { recipientCount: recipients } });
        }
        await audit(tx, eventFor(campaign));
      }
      const supersedes = await tx.campaign.findMany({
        where: { supersededBy: campaignId },
        select: { id: true },
        orderBy: { id: 'asc' },
      });
      return { campaign, supersedes: supersedes.map((older) => older.id) };
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}

/**
 * Ends the campaign once: completed or superseded, with its final report (the coverage, frozen),
 * and the report's message and event (`trailFor` words them from the report). Answers the campaign as closed.
 */
export async function saveCampaignClosing(
  db: Database,
  closing: CampaignClosing,
  trailFor: (report: CampaignCoverage) => { message: InboxMessage; event: AuditEntry },
): Promise<Campaign> {
  const { campaignId } = closing;
  return db.$transaction(
    async (tx) => {
      const campaign = await tx.campaign.findUniqueOrThrow({ where: { id: campaignId } });
      if (!campaign.finalReport) {
        const superseded = campaign.status === 'superseded' || closing.outcome === 'superseded';
        await tx.campaign.update({
          where: { id: campaignId },
          data: {
            status: superseded ? 'superseded' : 'completed',
            supersededBy: superseded ? (campaign.supersededBy ?? closing.supersededBy) : null,
            completedAt: campaign.completedAt ?? new Date(),
          },
        });
        const report = (await campaignCoverage(tx, campaignId))!;
        await tx.campaign.update({ where: { id: campaignId }, data: { finalReport: asJson(JSON.parse(JSON.stringify(report))) } });
        const { message, event } = trailFor(report);
        await deliver(tx, message);
        await audit(tx, event);
      }
      return tx.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
}

export function getCampaign(db: Tx, campaignId: string) {
  return db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
}

/** The campaign's status now: anything but `running` means a newer revision took over or it ended. */
export function getCampaignStatus(db: Tx, campaignId: string) {
  return db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { status: true, supersededBy: true } });
}

export function findCampaign(db: Tx, campaignId: string) {
  return db.campaign.findUnique({ where: { id: campaignId } });
}

export async function campaignExists(db: Tx, campaignId: string): Promise<boolean> {
  return (await db.campaign.count({ where: { id: campaignId } })) > 0;
}

/** The open campaign of a newer revision of the same document, if any. */
export function findNewerCampaign(db: Tx, campaign: { documentId: string; versionNumber: number }) {
  return db.campaign.findFirst({
    where: { documentId: campaign.documentId, versionNumber: { gt: campaign.versionNumber }, status: { not: 'superseded' } },
    select: { id: true },
  });
}

/** Every campaign, newest first, with its acknowledgement count. */
export async function campaignsWithAcknowledgements(db: Tx) {
  const [campaigns, counts] = await Promise.all([
    db.campaign.findMany({ orderBy: [{ startedAt: 'desc' }, { id: 'asc' }] }),
    db.acknowledgement.groupBy({ by: ['campaignId'], _count: { _all: true } }),
  ]);
  const acknowledged = new Map(counts.map((count) => [count.campaignId, count._count._all]));
  return campaigns.map((campaign) => ({ ...campaign, acknowledged: acknowledged.get(campaign.id) ?? 0 }));
}

/**
 * The running or completed campaigns addressing the employee that they have not acknowledged,
 * earliest deadline first, except those a newer revision of the same document replaced.
 */
export async function campaignsAwaitingAcknowledgement(db: Tx, employeeId: string) {
  const [campaigns, latest] = await Promise.all([
    db.campaign.findMany({
      where: {
        status: { in: ['running', 'completed'] },
        recipients: { some: { employeeId } },
        acknowledgements: { none: { employeeId } },
      },
      orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
    }),
    db.campaign.groupBy({ by: ['documentId'], where: { status: { not: 'superseded' } }, _max: { versionNumber: true } }),
  ]);
  const latestOf = new Map(latest.map((row) => [row.documentId, row._max.versionNumber]));
  return campaigns.filter((campaign) => latestOf.get(campaign.documentId) === campaign.versionNumber);
}
