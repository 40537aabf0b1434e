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
import type { Mailer, MailOutcome } from '../integrations/mailer';
import type { Database } from '../platform/database';
import { type DeliveryAnswer, markInDoubt, settleAndClaim } from '../records/campaignDeliveries';
import { managersAwaitingReport, recipientsAfter, reportsNotAcknowledged } from '../records/campaignRecipients';
import { getCampaign, getCampaignStatus } from '../records/campaigns';
import { campaignFactsOf } from './campaigns';

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

/** How an answer is recorded: a message the server certainly did not take releases its claim. */
const STATUS_OF: Record<Settled['outcome'], DeliveryAnswer['status']> = {
  accepted: 'sent',
  rejected: 'failed',
  in_doubt: 'in_doubt',
  skipped: 'skipped',
  not_sent: 'released',
};

const answersOf = (results: Settled[]): DeliveryAnswer[] =>
  results.map(({ employeeId, outcome, detail }) => ({ employeeId, status: STATUS_OF[outcome], detail }));

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
  const campaign = await getCampaign(db, campaignId);
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
      if (unrecorded.length > 0) await settleAndClaim(db, key, answersOf(unrecorded), []);
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
          answersOf(unrecorded),
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
          const now = await getCampaignStatus(db, campaignId);
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
    if (done) counts = { ...counts, inDoubt: counts.inDoubt + (await markInDoubt(db, key)) };
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
      const rows = await recipientsAfter(db, campaignId, message, after, take);
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
      const managers = await managersAwaitingReport(db, campaignId, after, take);
      if (managers.length === 0) return { candidates: [], scanned: 0, scannedTo: null };
      const reports = await reportsNotAcknowledged(
        db,
        campaignId,
        managers.map((manager) => manager.id),
      );
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
