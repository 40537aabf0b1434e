import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  log,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { CampaignBatchResult } from '../activities/campaignMail';
import type { CampaignSummary } from '../activities/campaigns';
import {
  addDeliveries,
  type CampaignInput,
  type CampaignPlan,
  type CampaignProgress,
  type CampaignState,
  isClosedPhase,
  newProgress,
  refuseSession,
  reminderDueAt,
  reminderMessage,
} from '../domain/campaign';
import { campaignStateQuery, scheduleSessionUpdate, supersedeSignal } from './campaignMessages';
import { refuse } from './refusals';
import { isoAt } from './activityCalls';

const records = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Batches heartbeat after every window of e-mails: a dead worker's batch is retried elsewhere within the heartbeat timeout. */
const batches = proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export interface CampaignOutcome extends CampaignSummary {
  supersededBy: string | null;
  remindersSent: number;
}

/**
 * Step 7 after a revision of the social-media policy: announce it to the whole directory (e-mail and a
 * post on the enterprise social network), remind those who have not acknowledged at each interval
 * until the deadline, then send each manager the list of their reports who did not, and close with
 * the final report. A newer revision's campaign supersedes it (signal) and it stops cleanly.
 *
 * Scale: e-mails go in batch activities over the recipients in id order (cursor), each batch one
 * activity, never one per employee; after `batchesPerRun` batches the workflow continues as new with
 * its progress, so every run's history stays short whatever the directory's size. Acknowledgements are
 * database rows, never signals. See src/activities/campaignMail.ts for the no-duplicate guarantee.
 */
export async function campaignWorkflow(input: CampaignInput): Promise<CampaignOutcome> {
  const { campaignId } = input;
  const progress: CampaignProgress = input.progress ?? newProgress();
  let batchesThisRun = 0;
  let postsInFlight = 0;

  const superseded = () => progress.supersededBy !== null;
  const plan = () => progress.plan as CampaignPlan;
  const nextReminder = () => {
    if (progress.phase !== 'reminding' || !progress.plan) return null;
    const due = reminderDueAt(progress.plan, progress.reminderRound);
    return due === null ? null : isoAt(due);
  };

  setHandler(campaignStateQuery, (): CampaignState => ({
    campaignId,
    policyVersionId: input.policyVersionId,
    versionNumber: input.versionNumber,
    phase: progress.phase,
    deadline: progress.plan?.deadline ?? null,
    nextReminderAt: nextReminder(),
    remindersSent: progress.remindersSent,
    emails: progress.emails,
    supersededBy: progress.supersededBy,
    run: progress.run,
  }));
  setHandler(supersedeSignal, ({ by }) => {
    if (by !== campaignId && !isClosedPhase(progress.phase) && progress.supersededBy === null) progress.supersededBy = by;
  });
  setHandler(
    scheduleSessionUpdate,
    async (request) => {
      const session = await records.recordKnowHowSession({ campaignId, ...request });
      // The post may wait on the social network; the caller need not.
      postsInFlight += 1;
      records
        .postSessionNews({ campaignId, sessionId: session.id })
        .catch((error) => log.warn('a know-how session could not be posted', { sessionId: session.id, error }))
        .finally(() => (postsInFlight -= 1));
      return session;
    },
    {
      validator: (request) =>
        refuse(
          refuseSession(
            { phase: progress.phase, deadline: progress.plan?.deadline ?? null, supersededBy: progress.supersededBy },
            request,
            Date.now(),
          ),
        ),
    },
  );

  /** Lets Updates and posts in flight finish, so that continue-as-new or completion drops none. */
  const quiesce = () => condition(() => allHandlersFinished() && postsInFlight === 0);

  const continueIfLong = async () => {
    if (batchesThisRun < plan().batchesPerRun && !workflowInfo().continueAsNewSuggested) return;
    await quiesce();
    await continueAsNew<typeof campaignWorkflow>({ ...input, progress: { ...progress, run: progress.run + 1 } });
  };

  /** Runs batches of one message until no recipient is left; false when the campaign was superseded meanwhile. */
  const sendAll = async (batch: (cursor: string | null) => Promise<CampaignBatchResult>): Promise<boolean> => {
    while (!superseded()) {
      const result = await batch(progress.cursor);
      batchesThisRun += 1;
      progress.emails = addDeliveries(progress.emails, result.counts);
      if (result.campaignStatus !== 'running') {
        // Superseded in the database before (or without) the signal arriving.
        progress.supersededBy ??= result.supersededBy ?? 'a newer campaign';
        return false;
      }
      progress.cursor = result.done ? null : result.cursor;
      if (result.done) return true;
      await continueIfLong();
    }
    return false;
  };

  if (progress.phase === 'opening') {
    progress.plan = await records.openCampaign({
      campaignId,
      policyVersionId: input.policyVersionId,
      documentId: input.documentId,
      versionNumber: input.versionNumber,
      changeSummary: input.changeSummary,
      requestedBy: input.requestedBy,
      deadline: input.deadline ?? null,
    });
    for (const older of plan().supersedes) {
      try {
        await getExternalWorkflowHandle(older).signal(supersedeSignal, { by: campaignId });
      } catch (error) {
        // Its workflow is over; its record was marked superseded when this campaign opened.
        log.info('a superseded campaign has no running workflow', { older, error });
      }
    }
    if (plan().supersededBy) progress.supersededBy = plan().supersededBy;
    progress.phase = 'announcing';
  }

  if (progress.phase === 'announcing' && !superseded()) {
    if (!progress.announcementPosted) {
      await records.postCampaignAnnouncement({ campaignId });
      progress.announcementPosted = true;
    }
    const announced = await sendAll((cursor) =>
      batches.sendCampaignMails({ campaignId, message: 'announcement', cursor, limit: plan().batchSize }),
    );
    if (announced) progress.phase = 'reminding';
  }

  while (progress.phase === 'reminding' && !superseded()) {
    const due = reminderDueAt(plan(), progress.reminderRound);
    if (due === null) {
      progress.phase = 'reporting';
      break;
    }
    if (due > Date.now() && (await condition(superseded, due - Date.now()))) break;
    const message = reminderMessage(progress.reminderRound);
    const reminded = await sendAll((cursor) => batches.sendCampaignMails({ campaignId, message, cursor, limit: plan().batchSize }));
    if (!reminded) break;
    progress.remindersSent += 1;
    progress.reminderRound += 1;
  }

  if (progress.phase === 'reporting' && !superseded()) {
    const deadline = Date.parse(plan().deadline);
    const interrupted = deadline > Date.now() && (await condition(superseded, deadline - Date.now()));
    if (!interrupted) {
      const reported = await sendAll((cursor) => batches.sendManagerReports({ campaignId, cursor, limit: plan().batchSize }));
      if (reported) progress.phase = 'completed';
    }
  }

  if (superseded()) progress.phase = 'superseded';
  await quiesce();
  const summary = await records.closeCampaign({
    campaignId,
    outcome: progress.phase === 'superseded' ? 'superseded' : 'completed',
    supersededBy: progress.supersededBy,
  });
  progress.phase = summary.status === 'superseded' ? 'superseded' : 'completed';
  return { ...summary, supersededBy: progress.supersededBy, remindersSent: progress.remindersSent };
}
