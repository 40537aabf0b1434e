import { ApplicationFailure } from '@temporalio/common';
import type { CampaignPlan, CampaignSettings, SessionRequest } from '../domain/campaign';
import { acknowledgeLink, announcementPost, type CampaignFacts, sessionPost } from '../domain/campaignTexts';
import { roleInbox } from '../domain/inboxes';
import type { Prisma } from '../generated/prisma/client';
import type { Database } from '../platform/database';
import { campaignCoverage } from './campaignReports';
import { actorOf, asJson, audit, deliver, type Tx } from './records';
import type { SocialNetwork } from '../integrations/socialNetwork';
import { postOnce } from './socialPosts';

export interface CampaignRecordDependencies {
  db: Database;
  socialNetwork: SocialNetwork;
  settings: CampaignSettings;
}

export interface OpenCampaignRequest {
  campaignId: string;
  policyVersionId: string;
  documentId: string;
  versionNumber: number;
  changeSummary: string;
  requestedBy: string;
  deadline: string | null;
}

export interface KnowHowSessionView {
  id: string;
  campaignId: string;
  startsAt: string;
  facilitator: string;
  capacity: number;
  registered: number;
  heldAt: string | null;
}

export interface CampaignClosing {
  campaignId: string;
  outcome: 'completed' | 'superseded';
  supersededBy: string | null;
}

export interface CampaignSummary {
  campaignId: string;
  status: string;
  total: number;
  acknowledged: number;
  rate: number;
}

/** Campaign events on the audit trail (no case): keyed, so a retried activity records each once. */
async function auditCampaign(tx: Tx, eventKey: string, actor: string, action: string, details: Prisma.InputJsonValue): Promise<void> {
  await audit(tx, { eventKey, caseId: null, actor, action, details });
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

export const sessionViewOf = (session: {
  id: string;
  campaignId: string;
  startsAt: Date;
  facilitator: string;
  capacity: number;
  registeredCount: number;
  heldAt: Date | null;
}): KnowHowSessionView => ({
  id: session.id,
  campaignId: session.campaignId,
  startsAt: session.startsAt.toISOString(),
  facilitator: session.facilitator,
  capacity: session.capacity,
  registered: session.registeredCount,
  heldAt: session.heldAt?.toISOString() ?? null,
});

export function createCampaignRecordActivities({ db, socialNetwork, settings }: CampaignRecordDependencies) {
  const facts = async (campaignId: string) => campaignFactsOf(await db.campaign.findUniqueOrThrow({ where: { id: campaignId } }), settings);

  return {
    /**
     * Records the campaign once, with its audience (the active directory, copied in one statement) and
     * its deadline; supersedes the older revisions' open campaigns, or is superseded at once when a
     * newer revision's campaign exists. Campaigns of one document open one at a time (advisory lock).
     */
    async openCampaign(request: OpenCampaignRequest): Promise<CampaignPlan> {
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
            if (!version)
              throw ApplicationFailure.nonRetryable(`Policy version ${request.policyVersionId} does not exist`, 'unknown_policy_version');
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
                deadline: request.deadline ? new Date(request.deadline) : new Date(now.getTime() + settings.acknowledgeWithinMs),
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
            await auditCampaign(tx, `${campaignId}:opened`, request.requestedBy, 'campaign_opened', {
              campaignId,
              policyVersionId: request.policyVersionId,
              versionNumber,
              recipients: campaign.recipientCount,
              deadline: campaign.deadline.toISOString(),
              supersededBy: campaign.supersededBy,
            });
          }
          const supersedes = await tx.campaign.findMany({
            where: { supersededBy: campaignId },
            select: { id: true },
            orderBy: { id: 'asc' },
          });
          return {
            title: campaign.title,
            startedAt: campaign.startedAt.toISOString(),
            deadline: campaign.deadline.toISOString(),
            recipients: campaign.recipientCount,
            reminderIntervalMs: settings.reminderIntervalMs,
            batchSize: settings.batchSize,
            batchesPerRun: settings.batchesPerRun,
            supersededBy: campaign.status === 'superseded' ? campaign.supersededBy : null,
            supersedes: supersedes.map((older) => older.id),
          };
        },
        { maxWait: 30_000, timeout: 120_000 },
      );
    },

    /** Opens the discussion of the revision on the enterprise social network (once per campaign). */
    async postCampaignAnnouncement(request: { campaignId: string }): Promise<'posted' | 'skipped'> {
      const post = announcementPost(await facts(request.campaignId));
      return postOnce(db, socialNetwork, { idempotencyKey: `${request.campaignId}:announcement`, ...post });
    },

    /** Records a know-how session the workflow accepted (its id chosen by the API: a re-sent request records it once). */
    async recordKnowHowSession(request: SessionRequest & { campaignId: string }): Promise<KnowHowSessionView> {
      return db.$transaction(async (tx) => {
        const session = await tx.knowHowSession.upsert({
          where: { id: request.sessionId },
          update: {},
          create: {
            id: request.sessionId,
            campaignId: request.campaignId,
            startsAt: new Date(request.startsAt),
            facilitator: request.facilitator,
            capacity: request.capacity,
            scheduledBy: request.scheduledBy.sub,
          },
        });
        await auditCampaign(tx, `${request.campaignId}:session:${request.sessionId}`, actorOf(request.scheduledBy), 'session_scheduled', {
          campaignId: request.campaignId,
          sessionId: session.id,
          startsAt: request.startsAt,
          facilitator: request.facilitator,
          capacity: request.capacity,
        });
        return sessionViewOf(session);
      });
    },

    /** Announces a know-how session on the enterprise social network. */
    async postSessionNews(request: { campaignId: string; sessionId: string }): Promise<'posted' | 'skipped'> {
      const session = await db.knowHowSession.findUniqueOrThrow({ where: { id: request.sessionId } });
      const post = sessionPost(await facts(request.campaignId), { ...session, startsAt: session.startsAt.toISOString() });
      return postOnce(db, socialNetwork, { idempotencyKey: `${request.campaignId}:session:${request.sessionId}`, ...post });
    },

    /** Ends the campaign with its final report (frozen coverage), on the timeline and in communications' inbox. */
    async closeCampaign(closing: CampaignClosing): Promise<CampaignSummary> {
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
            const { total, acknowledged, rate } = report.coverage;
            const percent = `${Math.round(rate * 100)}%`;
            const subject = superseded
              ? `Campaign on ${report.title} version ${report.versionNumber} superseded at ${percent} acknowledged`
              : `Campaign on ${report.title} version ${report.versionNumber} completed: ${percent} acknowledged`;
            await deliver(tx, {
              key: `${campaignId}:final-report`,
              recipient: roleInbox('communications'),
              subject,
              body:
                `${acknowledged} of ${total} employees acknowledged; ${report.emails.reminders.rounds} reminder round(s), ` +
                `${report.emails.managerReports.sent} manager report(s), ${report.sessions.held} of ${report.sessions.scheduled} know-how session(s) held. ` +
                `Full report: GET /api/campaigns/${campaignId}.`,
              caseId: null,
            });
            await auditCampaign(tx, `${campaignId}:closed`, 'system', superseded ? 'campaign_superseded' : 'campaign_completed', {
              campaignId,
              total,
              acknowledged,
              supersededBy: superseded ? (campaign.supersededBy ?? closing.supersededBy) : null,
            });
          }
          const closed = await tx.campaign.findUniqueOrThrow({ where: { id: campaignId } });
          const coverage = (closed.finalReport as { coverage?: { total: number; acknowledged: number; rate: number } } | null)?.coverage;
          return {
            campaignId,
            status: closed.status,
            total: coverage?.total ?? 0,
            acknowledged: coverage?.acknowledged ?? 0,
            rate: coverage?.rate ?? 0,
          };
        },
        { maxWait: 30_000, timeout: 60_000 },
      );
    },
  };
}
