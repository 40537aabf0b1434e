import type { Decider } from './decider';
import type { Refusal } from './refusal';
import type { PolicyRevision } from './policyReview';
import type { Role } from './vocabulary';

/** Awareness campaigns follow revisions of this document only (step 7 of the method). */
export const CAMPAIGN_DOCUMENT_ID = 'social-media-policy';

export const isCampaignDocument = (documentId: string): boolean => documentId === CAMPAIGN_DOCUMENT_ID;

/** The campaign (and workflow) id of a policy version: one campaign per version, however often it is asked for. */
export const campaignIdFor = (policyVersionId: string): string => `campaign-${policyVersionId}`;

/** Who may schedule know-how sessions and start campaigns by hand (admins always may). */
export const CAMPAIGN_ROLES: readonly Role[] = ['communications'];

/** How campaigns run, from the worker's configuration; pinned into each campaign when it opens. */
export interface CampaignSettings {
  /** How long employees have to acknowledge, from the campaign's start (unless the campaign is given a deadline). */
  acknowledgeWithinMs: number;
  /** Those who have not acknowledged are reminded every this long, until the deadline. */
  reminderIntervalMs: number;
  /** Recipients handled by one batch activity. */
  batchSize: number;
  /** Batch activities in one workflow run before it continues as new (keeps every run's history short). */
  batchesPerRun: number;
  /** The acknowledgement link in the e-mails; `{campaignId}` is replaced by the campaign's id. */
  acknowledgeUrl: string;
}

export const DEFAULT_CAMPAIGN_SETTINGS: CampaignSettings = {
  acknowledgeWithinMs: 14 * 24 * 3600 * 1000,
  reminderIntervalMs: 4 * 24 * 3600 * 1000,
  batchSize: 1000,
  batchesPerRun: 25,
  acknowledgeUrl: 'http://localhost:3000/api/campaigns/{campaignId}/acknowledgements',
};

/** The From of campaign e-mails unless MAIL_FROM says otherwise. */
export const DEFAULT_MAIL_FROM = 'Policy communications <policy@localhost>';

export type CampaignStatus = 'running' | 'completed' | 'superseded';

export type CampaignPhase = 'opening' | 'announcing' | 'reminding' | 'reporting' | 'completed' | 'superseded';

/** The e-mails of a campaign; each goes at most once to each person. */
export type CampaignMessage = 'announcement' | `reminder-${number}` | 'manager-report';
export const reminderMessage = (round: number): CampaignMessage => `reminder-${round}`;

/** How the e-mails of a batch (or of a whole campaign) fared. */
export interface DeliveryCounts {
  /** Accepted by the SMTP server. */
  sent: number;
  /** Refused for good by the SMTP server (e.g. an unknown mailbox). */
  failed: number;
  /** Handed to the SMTP server by a worker that died before its answer was recorded: never sent again. */
  inDoubt: number;
  /** Not sent because no SMTP server is configured. */
  skipped: number;
}

export const noDeliveries = (): DeliveryCounts => ({ sent: 0, failed: 0, inDoubt: 0, skipped: 0 });

export function addDeliveries(total: DeliveryCounts, more: DeliveryCounts): DeliveryCounts {
  return {
    sent: total.sent + more.sent,
    failed: total.failed + more.failed,
    inDoubt: total.inDoubt + more.inDoubt,
    skipped: total.skipped + more.skipped,
  };
}

/** The input of a campaign workflow: the revision it announces, and (after continue-as-new) how far it got. */
export interface CampaignInput extends PolicyRevision {
  campaignId: string;
  /** Who asked for it: `policy-review` or the operator's `roles:sub`. */
  requestedBy: string;
  /** An explicit deadline (ISO); otherwise the configured time to acknowledge. */
  deadline?: string;
  progress?: CampaignProgress;
}

/** The input of the campaign of a revision. */
export function campaignInputFor(revision: PolicyRevision, requestedBy: string, deadline?: string): CampaignInput {
  return {
    campaignId: campaignIdFor(revision.policyVersionId),
    documentId: revision.documentId,
    policyVersionId: revision.policyVersionId,
    versionNumber: revision.versionNumber,
    changeSummary: revision.changeSummary,
    requestedBy,
    ...(deadline ? { deadline } : {}),
  };
}

/** What the campaign settles when it opens, pinned for its whole life. */
export interface CampaignPlan {
  title: string;
  startedAt: string;
  deadline: string;
  recipients: number;
  reminderIntervalMs: number;
  batchSize: number;
  batchesPerRun: number;
  /** Set when a newer revision's campaign exists already: this one stops at once. */
  supersededBy: string | null;
  /** The older campaigns this one replaces (their workflows are told to stop). */
  supersedes: string[];
}

/** Everything a campaign workflow carries across continue-as-new. */
export interface CampaignProgress {
  plan: CampaignPlan | null;
  phase: CampaignPhase;
  announcementPosted: boolean;
  /** Where the current message's batches stopped: the last employee (or manager) id handled. */
  cursor: string | null;
  /** The next reminder round (1-based). */
  reminderRound: number;
  remindersSent: number;
  emails: DeliveryCounts;
  supersededBy: string | null;
  /** How many times the workflow continued as new. */
  run: number;
}

export const newProgress = (): CampaignProgress => ({
  plan: null,
  phase: 'opening',
  announcementPosted: false,
  cursor: null,
  reminderRound: 1,
  remindersSent: 0,
  emails: noDeliveries(),
  supersededBy: null,
  run: 0,
});

/** The live state of a campaign, as its workflow answers the `campaignState` query. */
export interface CampaignState {
  campaignId: string;
  policyVersionId: string;
  versionNumber: number;
  phase: CampaignPhase;
  deadline: string | null;
  nextReminderAt: string | null;
  remindersSent: number;
  emails: DeliveryCounts;
  supersededBy: string | null;
  run: number;
}

/** When reminder `round` (1-based) is due, in ms since the epoch; null when it would fall on or after the deadline. */
export function reminderDueAt(plan: Pick<CampaignPlan, 'startedAt' | 'deadline' | 'reminderIntervalMs'>, round: number): number | null {
  const due = Date.parse(plan.startedAt) + round * plan.reminderIntervalMs;
  return due < Date.parse(plan.deadline) ? due : null;
}

export const isClosedPhase = (phase: CampaignPhase): boolean => phase === 'completed' || phase === 'superseded';

/** A facilitated know-how session, as communications asks for it. */
export interface SessionRequest {
  /** Chosen by the API, so that a re-sent request schedules one session. */
  sessionId: string;
  startsAt: string;
  facilitator: string;
  capacity: number;
  scheduledBy: Decider;
}

/** Why a session cannot be scheduled in a campaign in `phase` with this `deadline`, at `nowMs`; null when it can. */
export function refuseSession(
  campaign: { phase: CampaignPhase; deadline: string | null; supersededBy: string | null },
  request: SessionRequest,
  nowMs: number,
): Refusal | null {
  if (!request.scheduledBy.roles.some((role) => role === 'admin' || CAMPAIGN_ROLES.includes(role))) {
    return { kind: 'forbidden', code: 'wrong_role', message: 'Only communications may schedule know-how sessions.' };
  }
  if (campaign.phase === 'opening' || campaign.deadline === null) {
    return { kind: 'conflict', code: 'not_ready', message: 'The campaign is still opening; try again in a moment.' };
  }
  if (isClosedPhase(campaign.phase) || campaign.supersededBy !== null) {
    return { kind: 'conflict', code: 'campaign_closed', message: 'This campaign is over: schedule sessions in the current one.' };
  }
  const startsAt = Date.parse(request.startsAt);
  if (startsAt <= nowMs) return { kind: 'unprocessable', code: 'session_in_past', message: 'A session must start in the future.' };
  if (startsAt > Date.parse(campaign.deadline)) {
    return {
      kind: 'unprocessable',
      code: 'session_after_deadline',
      message: `A session must start before the campaign's deadline (${campaign.deadline}).`,
    };
  }
  return null;
}
