import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { addDeliveries, type CampaignMessage, type CampaignSettings, type DeliveryCounts, noDeliveries } from '../domain/campaign';
import {
  announcementMail,
  type CampaignFacts,
  type MailText,
  managerReportMail,
  type MissingReport,
  reminderMail,
} from '../domain/campaignTexts';
import type { Database } from '../platform/database';
import { campaignFactsOf } from './campaigns';
import type { Mailer, MailOutcome } from '../integrations/mailer';

/*
 * Campaign e-mails: what is guaranteed about duplicates, and how.
 *
 * Every e-mail of a campaign has a key: (campaign, message, recipient), the message being
 * `announcement`, `reminder-<n>` or `manager-report`. Before an e-mail is handed to the SMTP
 * server, its key is claimed by inserting a `campaign_deliveries` row (committed, primary key =
 * the key, ON CONFLICT DO NOTHING); only the attempt whose insert created the row sends it. Once the
 * server answers, the row is settled (in the same statement that claims the next window): `sent`,
 * `failed` (a permanent refusal), or deleted again when the server certainly did not take the
 * message (a 4xx answer, a refused connection), so a later attempt sends it. A claimed row is never
 * sent again by anyone.
 *
 * Guaranteed: no person receives the same campaign e-mail twice from this service, whatever is
 * retried or restarted: activity retries, a worker killed mid-batch, two attempts running at once
 * (a worker presumed dead that is not), continue-as-new. (The SMTP pool's own re-sending is off.)
 *
 * The price: a worker that dies between the claim and the recording of the server's answer leaves
 * its claims unsettled; at most one window of e-mails (the SMTP pool size) per crash. The server may
 * or may not have taken them, so they are not sent again: they become `in_doubt` (a late answer
 * from a worker presumed dead still settles them), counted in the campaign report; people whose
 * announcement is in doubt still get the next reminder like everyone who has not acknowledged (a
 * different e-mail). Message-IDs are deterministic, so a mail client that does see one message
 * twice (e.g. resent by hand) can collapse it.
 *
 * Batches walk the recipients in id order from a cursor (index ranges and primary-key lookups
 * only, so the cost per e-mail does not depend on the table's size or statistics). The activity
 * heartbeats its cursor after each window, so a retried batch resumes there; the claims make
 * re-walking a window harmless.
 */

export interface CampaignMailDependencies {
  db: Database;
  mailer: Mailer;
  settings: CampaignSettings;
}

export interface MailBatchRequest {
  campaignId: string;
  message: CampaignMessage;
  /** The last recipient handled by the previous batch (null: from the start). */
  cursor: string | null;
  /** Recipients this batch handles at most. */
  limit: number;
}

export interface CampaignBatchResult {
  cursor: string | null;
  /** No recipient is left for this message. */
  done: boolean;
  counts: DeliveryCounts;
  /** The campaign's status in the database; anything but `running` (a newer revision took over) stops the sending. */
  campaignStatus: string;
  supersededBy: string | null;
}

/** What a batch heartbeats, and a retried batch resumes from. */
interface Checkpoint {
  cursor: string | null;
  handled: number;
  counts: DeliveryCounts;
}

interface Candidate {
  employeeId: string;
  email: string;
  mail: MailText;
}

type Settled = { employeeId: string; outcome: MailOutcome['outcome'] | 'skipped'; detail: string };

/** How often a long batch looks whether its campaign was superseded meanwhile. */
const STATUS_CHECK_MS = 1_000;

/** Recipients read at once; they are claimed and sent a window at a time. */
const PAGE_SIZE = 500;

const STATUS_OF: Record<Settled['outcome'], string | null> = {
  accepted: 'sent',
  rejected: 'failed',
  in_doubt: 'in_doubt',
  skipped: 'skipped',
  not_sent: null,
};

/**
 * One statement, one commit: records the answers of the previous window (settled rows keep their key
 * for good; rows the server certainly did not take are released) and claims the next window's keys
 * for this attempt. Returns the recipients whose claim this attempt created: only those are sent.
 */
async function settleAndClaim(
  db: Database,
  key: { campaignId: string; message: string; claimedBy: string },
  answers: Settled[],
  claims: string[],
): Promise<Set<string>> {
  const { campaignId, message, claimedBy } = key;
  const kept = answers.filter((a) => STATUS_OF[a.outcome] !== null);
  const released = answers.filter((a) => STATUS_OF[a.outcome] === null).map((a) => a.employeeId);
  // The answers are written as an upsert on the primary key (the rows exist: this attempt claimed them),
  // so each is one index probe whatever the planner believes about the table's size.
  const rows = await db.$queryRaw<{ employee_id: string }[]>`
    WITH settled AS (
      INSERT INTO campaign_deliveries (campaign_id, message, employee_id, status, claimed_by, detail, settled_at)
      SELECT ${campaignId}, ${message}, a.employee_id, a.status, ${claimedBy}, a.detail, now()
      FROM unnest(${kept.map((a) => a.employeeId)}::text[], ${kept.map((a) => STATUS_OF[a.outcome])}::text[],
                  ${kept.map((a) => a.detail.slice(0, 500))}::text[]) AS a(employee_id, status, detail)
      ON CONFLICT (campaign_id, message, employee_id)
      DO UPDATE SET status = EXCLUDED.status, detail = EXCLUDED.detail, settled_at = EXCLUDED.settled_at
      RETURNING employee_id
    ), released AS (
      DELETE FROM campaign_deliveries
      WHERE campaign_id = ${campaignId} AND message = ${message} AND employee_id = ANY(${released}::text[])
        AND status = 'claimed' AND claimed_by = ${claimedBy}
      RETURNING employee_id
    )
    INSERT INTO campaign_deliveries (campaign_id, message, employee_id, status, claimed_by, claimed_at)
    SELECT ${campaignId}, ${message}, id, 'claimed', ${claimedBy}, now() FROM unnest(${claims}::text[]) AS id
    ON CONFLICT DO NOTHING
    RETURNING employee_id`;
  return new Set(rows.map((row) => row.employee_id));
}

/** Claims left by attempts that died: the server may have taken them, so they are never sent again. */
async function markInDoubt(db: Database, campaignId: string, message: string, claimedBy: string): Promise<number> {
  return db.$executeRaw`
    UPDATE campaign_deliveries SET status = 'in_doubt', detail = 'claimed by an attempt that ended before recording the answer', settled_at = now()
    WHERE campaign_id = ${campaignId} AND message = ${message} AND status = 'claimed' AND claimed_by <> ${claimedBy}`;
}

function tally(results: Settled[]): DeliveryCounts {
  const counts = noDeliveries();
  for (const { outcome } of results) {
    if (outcome === 'accepted') counts.sent += 1;
    else if (outcome === 'rejected') counts.failed += 1;
    else if (outcome === 'in_doubt') counts.inDoubt += 1;
    else if (outcome === 'skipped') counts.skipped += 1;
  }
  return counts;
}

async function campaignFacts(db: Database, settings: CampaignSettings, campaignId: string) {
  const campaign = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
  return { status: campaign.status, supersededBy: campaign.supersededBy, facts: campaignFactsOf(campaign, settings) };
}

/** A page of the walk: who needs the message among the next `scanned` ids after the cursor, up to `scannedTo`. */
interface Page {
  candidates: Candidate[];
  scanned: number;
  scannedTo: string | null;
}

type FetchPage = (after: string, take: number, facts: CampaignFacts) => Promise<Page>;

export function createCampaignMailActivities({ db, mailer, settings }: CampaignMailDependencies) {
  /** Sends one message to those `fetch` finds after the cursor, a window at a time, over at most `limit` ids. */
  async function runBatch(request: MailBatchRequest, fetch: FetchPage): Promise<CampaignBatchResult> {
    const { campaignId, message } = request;
    const context = Context.current();
    const resumed = context.info.heartbeatDetails as Checkpoint | undefined;
    let { cursor, handled, counts }: Checkpoint = resumed ?? { cursor: request.cursor, handled: 0, counts: noDeliveries() };
    const claimedBy = `${context.info.workflowExecution?.runId ?? 'standalone'}/${context.info.activityId}#${context.info.attempt}`;
    const { status, supersededBy, facts } = await campaignFacts(db, settings, campaignId);
    if (status !== 'running') return { cursor, done: false, counts, campaignStatus: status, supersededBy };

    // One window is what may be in flight at once: the SMTP pool, so a crash leaves at most that many in doubt.
    const window = mailer.configured ? mailer.concurrency : 500;
    const key = { campaignId, message, claimedBy };
    // The answers of the window just sent, recorded with the next window's claims (or on the way out).
    let unrecorded: Settled[] = [];
    const record = async () => {
      if (unrecorded.length > 0) await settleAndClaim(db, key, unrecorded, []);
      unrecorded = [];
    };
    let checkedAt = Date.now();
    let done = false;
    while (!done && handled < request.limit) {
      const want = Math.min(PAGE_SIZE, request.limit - handled);
      const page = await fetch(cursor ?? '', want, facts);
      // Fewer ids than asked for: nobody is left after this page.
      done = page.scanned < want;
      const queue = [...page.candidates];
      while (queue.length > 0) {
        // A cancelled attempt (timed out, or its workflow cancelled) stops: another attempt takes over from its claims.
        if (context.cancellationSignal.aborted) {
          await record();
          throw ApplicationFailure.retryable('the batch was cancelled', 'batch_cancelled');
        }
        const candidates = queue.splice(0, window);
        const mine = await settleAndClaim(
          db,
          key,
          unrecorded,
          candidates.map((candidate) => candidate.employeeId),
        );
        unrecorded = [];
        const results = await Promise.all(
          candidates
            .filter((candidate) => mine.has(candidate.employeeId))
            .map(async (candidate): Promise<Settled> => {
              if (!mailer.configured)
                return { employeeId: candidate.employeeId, outcome: 'skipped', detail: 'no SMTP server is configured' };
              const sent = await mailer.send({
                to: candidate.email,
                subject: candidate.mail.subject,
                text: candidate.mail.text,
                messageId: `<${campaignId}.${message}.${candidate.employeeId}@${mailer.domain}>`,
                headers: { 'X-Campaign-Id': campaignId, 'X-Campaign-Message': message },
              });
              return { employeeId: candidate.employeeId, outcome: sent.outcome, detail: sent.detail };
            }),
        );
        unrecorded = results;
        counts = addDeliveries(counts, tally(results));
        const notSent = results.filter((result) => result.outcome === 'not_sent');
        if (notSent.length > 0) {
          await record();
          // Released above; the retry resumes from the last checkpoint, before this window, and sends them.
          throw ApplicationFailure.retryable(
            `the SMTP server did not take ${notSent.length} e-mail(s): ${notSent[0].detail}`,
            'smtp_unavailable',
          );
        }
        cursor = candidates[candidates.length - 1].employeeId;
        context.heartbeat({ cursor, handled, counts } satisfies Checkpoint);
        if (Date.now() - checkedAt > STATUS_CHECK_MS) {
          checkedAt = Date.now();
          const now = await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { status: true, supersededBy: true } });
          if (now.status !== 'running') {
            await record();
            return { cursor, done: false, counts, campaignStatus: now.status, supersededBy: now.supersededBy };
          }
        }
      }
      // Everyone up to the end of the page is handled (sent now, or before, or not concerned).
      handled += page.scanned;
      cursor = page.scannedTo ?? cursor;
      context.heartbeat({ cursor, handled, counts } satisfies Checkpoint);
    }
    await record();
    if (done) counts = { ...counts, inDoubt: counts.inDoubt + (await markInDoubt(db, campaignId, message, claimedBy)) };
    return { cursor: done ? null : cursor, done, counts, campaignStatus: 'running', supersededBy: null };
  }

  /**
   * The next `take` recipients in id order after `after` (an index range, whatever the table's
   * statistics), and among them those who still need `message`: active, not sent it yet, and for a
   * reminder not acknowledged. The checks are per-row lookups on primary keys.
   */
  const recipientsAwaiting =
    (campaignId: string, message: CampaignMessage, compose: (facts: CampaignFacts, name: string) => MailText): FetchPage =>
    async (after, take, facts) => {
      const rows = await db.$queryRaw<
        {
          employee_id: string;
          email: string | null;
          name: string | null;
          active: boolean | null;
          delivered: number | null;
          acknowledged: number | null;
        }[]
      >`
        SELECT r.employee_id, e.email, e.name, e.active,
               (SELECT 1 FROM campaign_deliveries d
                WHERE d.campaign_id = ${campaignId} AND d.message = ${message} AND d.employee_id = r.employee_id) AS delivered,
               (SELECT 1 FROM acknowledgements a WHERE a.campaign_id = ${campaignId} AND a.employee_id = r.employee_id) AS acknowledged
        FROM (SELECT employee_id FROM campaign_recipients
              WHERE campaign_id = ${campaignId} AND employee_id > ${after}
              ORDER BY employee_id LIMIT ${take}) r
        LEFT JOIN employees e ON e.id = r.employee_id
        ORDER BY r.employee_id`;
      const needs = (row: (typeof rows)[number]) =>
        row.active === true && row.delivered === null && (message === 'announcement' || row.acknowledged === null);
      return {
        candidates: rows.filter(needs).map((row) => ({ employeeId: row.employee_id, email: row.email!, mail: compose(facts, row.name!) })),
        scanned: rows.length,
        scannedTo: rows.at(-1)?.employee_id ?? null,
      };
    };

  /** Managers (in id order after `after`) with direct reports who have not acknowledged, and who have not had their report. */
  const managersAwaiting =
    (campaignId: string): FetchPage =>
    async (after, take, facts) => {
      const managers = await db.$queryRaw<{ id: string; email: string; name: string }[]>`
        SELECT m.id, m.email, m.name
        FROM employees m
        WHERE m.active AND m.id > ${after}
          AND EXISTS (SELECT 1 FROM employees e
                      JOIN campaign_recipients r ON r.campaign_id = ${campaignId} AND r.employee_id = e.id
                      WHERE e.manager_id = m.id AND e.active
                        AND NOT EXISTS (SELECT 1 FROM acknowledgements a WHERE a.campaign_id = ${campaignId} AND a.employee_id = e.id))
          AND NOT EXISTS (SELECT 1 FROM campaign_deliveries d
                          WHERE d.campaign_id = ${campaignId} AND d.message = 'manager-report' AND d.employee_id = m.id)
        ORDER BY m.id
        LIMIT ${take}`;
      if (managers.length === 0) return { candidates: [], scanned: 0, scannedTo: null };
      const reports = await db.$queryRaw<{ manager_id: string; id: string; name: string; department: string }[]>`
        SELECT e.manager_id, e.id, e.name, r.department
        FROM employees e
        JOIN campaign_recipients r ON r.campaign_id = ${campaignId} AND r.employee_id = e.id
        WHERE e.manager_id = ANY(${managers.map((manager) => manager.id)}::text[]) AND e.active
          AND NOT EXISTS (SELECT 1 FROM acknowledgements a WHERE a.campaign_id = ${campaignId} AND a.employee_id = e.id)
        ORDER BY e.name, e.id`;
      const missingOf = new Map<string, MissingReport[]>();
      for (const report of reports) {
        const list = missingOf.get(report.manager_id) ?? [];
        list.push({ id: report.id, name: report.name, department: report.department });
        missingOf.set(report.manager_id, list);
      }
      return {
        candidates: managers.map((manager) => ({
          employeeId: manager.id,
          email: manager.email,
          mail: managerReportMail(facts, manager.name, missingOf.get(manager.id) ?? []),
        })),
        // The query itself leaves out those who need nothing: every manager it returns is a candidate.
        scanned: managers.length,
        scannedTo: managers.at(-1)!.id,
      };
    };

  return {
    /** One batch of the announcement or of a reminder round, resumable from its heartbeat. */
    async sendCampaignMails(request: MailBatchRequest): Promise<CampaignBatchResult> {
      const { campaignId, message } = request;
      const round = Number(/^reminder-(\d+)$/.exec(message)?.[1] ?? 0);
      const compose =
        message === 'announcement'
          ? (facts: CampaignFacts, name: string) => announcementMail(facts, name)
          : (facts: CampaignFacts, name: string) => reminderMail(facts, name, round);
      return runBatch(request, recipientsAwaiting(campaignId, message, compose));
    },

    /** One batch of the reports to managers after the deadline: each gets the list of their reports who did not acknowledge. */
    async sendManagerReports(request: Omit<MailBatchRequest, 'message'>): Promise<CampaignBatchResult> {
      return runBatch({ ...request, message: 'manager-report' }, managersAwaiting(request.campaignId));
    },
  };
}
