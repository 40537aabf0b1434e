import type { DeliveryCounts } from '../domain/campaign';
import type { Tx } from './transaction';

export interface DepartmentCoverage {
  department: string;
  total: number;
  acknowledged: number;
  rate: number;
}

/** E-mails of one kind; `sending` are claimed by a batch that has not settled them yet. */
export type EmailCounts = DeliveryCounts & { sending: number };

export interface SessionSummary {
  id: string;
  startsAt: Date;
  facilitator: string;
  capacity: number;
  registered: number;
  attended: number;
  heldAt: Date | null;
}

/** What a campaign achieved: the report of `GET /api/campaigns/:id` and, frozen, its final report. */
export interface CampaignCoverage {
  campaignId: string;
  status: string;
  policyVersionId: string;
  documentId: string;
  versionNumber: number;
  title: string;
  changeSummary: string;
  requestedBy: string;
  startedAt: Date;
  deadline: Date;
  completedAt: Date | null;
  supersededBy: string | null;
  coverage: { total: number; acknowledged: number; rate: number; byDepartment: DepartmentCoverage[] };
  emails: {
    announcement: EmailCounts;
    /** `rounds`: reminder rounds that sent at least one e-mail. */
    reminders: EmailCounts & { rounds: number };
    managerReports: EmailCounts;
  };
  sessions: { scheduled: number; held: number; registered: number; attended: number; list: SessionSummary[] };
}

const rateOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

const noEmails = (): EmailCounts => ({ sent: 0, failed: 0, inDoubt: 0, skipped: 0, sending: 0 });

const STATUS_FIELD: Record<string, keyof EmailCounts> = {
  sent: 'sent',
  failed: 'failed',
  in_doubt: 'inDoubt',
  skipped: 'skipped',
  claimed: 'sending',
};

/** The coverage of a campaign from the database (a few grouped queries, whatever the directory's size); null if unknown. */
export async function campaignCoverage(db: Tx, campaignId: string): Promise<CampaignCoverage | null> {
  const campaign = await db.campaign.findUnique({ where: { id: campaignId } });
  if (!campaign) return null;
  const [departments, deliveries, sessions] = await Promise.all([
    db.$queryRaw<{ department: string; total: bigint; acknowledged: bigint }[]>`
      SELECT r.department, count(*) AS total, count(a.employee_id) AS acknowledged
      FROM campaign_recipients r
      LEFT JOIN acknowledgements a ON a.campaign_id = r.campaign_id AND a.employee_id = r.employee_id
      WHERE r.campaign_id = ${campaignId}
      GROUP BY r.department
      ORDER BY r.department`,
    db.campaignDelivery.groupBy({ by: ['message', 'status'], where: { campaignId }, _count: { _all: true } }),
    db.knowHowSession.findMany({
      where: { campaignId },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      include: { _count: { select: { registrations: { where: { attended: true } } } } },
    }),
  ]);

  const byDepartment = departments.map((row) => {
    const total = Number(row.total);
    const acknowledged = Number(row.acknowledged);
    return { department: row.department, total, acknowledged, rate: rateOf(acknowledged, total) };
  });
  const total = byDepartment.reduce((sum, row) => sum + row.total, 0);
  const acknowledged = byDepartment.reduce((sum, row) => sum + row.acknowledged, 0);

  const announcement = noEmails();
  const reminders = { ...noEmails(), rounds: 0 };
  const managerReports = noEmails();
  const reminderRounds = new Set<string>();
  for (const group of deliveries) {
    const field = STATUS_FIELD[group.status];
    if (!field) continue;
    const target = group.message === 'announcement' ? announcement : group.message === 'manager-report' ? managerReports : reminders;
    target[field] += group._count._all;
    if (target === reminders) reminderRounds.add(group.message);
  }
  reminders.rounds = reminderRounds.size;

  const list: SessionSummary[] = sessions.map((session) => ({
    id: session.id,
    startsAt: session.startsAt,
    facilitator: session.facilitator,
    capacity: session.capacity,
    registered: session.registeredCount,
    attended: session._count.registrations,
    heldAt: session.heldAt,
  }));

  return {
    campaignId,
    status: campaign.status,
    policyVersionId: campaign.policyVersionId,
    documentId: campaign.documentId,
    versionNumber: campaign.versionNumber,
    title: campaign.title,
    changeSummary: campaign.changeSummary,
    requestedBy: campaign.requestedBy,
    startedAt: campaign.startedAt,
    deadline: campaign.deadline,
    completedAt: campaign.completedAt,
    supersededBy: campaign.supersededBy,
    coverage: { total, acknowledged, rate: rateOf(acknowledged, total), byDepartment },
    emails: { announcement, reminders, managerReports },
    sessions: {
      scheduled: list.length,
      held: list.filter((session) => session.heldAt !== null).length,
      registered: list.reduce((sum, session) => sum + session.registered, 0),
      attended: list.reduce((sum, session) => sum + session.attended, 0),
      list,
    },
  };
}
