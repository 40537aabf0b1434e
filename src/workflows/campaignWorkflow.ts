import { condition, getExternalWorkflowHandle, log, setHandler } from '@temporalio/workflow';
import { type CampaignInput, reminderDueAt, reminderMessage } from '../domain/campaign';
import { campaignBatches, campaignRecords } from './activityCalls';
import { campaignStateQuery, scheduleSessionUpdate, supersedeSignal } from './campaignMessages';
import { type CampaignOutcome, CampaignRun } from './campaignRun';

export type { CampaignOutcome } from './campaignRun';

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
  const run = new CampaignRun(input);
  const { progress, superseded } = run;

  setHandler(campaignStateQuery, run.state);
  setHandler(supersedeSignal, run.supersede);
  setHandler(scheduleSessionUpdate, run.sessions.schedule, { validator: run.sessions.validate });

  // Opening: the campaign on record with its audience; the older campaigns it replaces are told to stop.
  if (progress.phase === 'opening') {
    progress.plan = await campaignRecords.openCampaign({
      campaignId,
      policyVersionId: input.policyVersionId,
      documentId: input.documentId,
      versionNumber: input.versionNumber,
      changeSummary: input.changeSummary,
      requestedBy: input.requestedBy,
      deadline: input.deadline ?? null,
    });
    for (const older of run.plan.supersedes) {
      try {
        await getExternalWorkflowHandle(older).signal(supersedeSignal, { by: campaignId });
      } catch (error) {
        // Its workflow is over; its record was marked superseded when this campaign opened.
        log.info('a superseded campaign has no running workflow', { older, error });
      }
    }
    if (run.plan.supersededBy) progress.supersededBy = run.plan.supersededBy;
    progress.phase = 'announcing';
  }

  // Announcing: the post that opens the discussion, then the e-mail to everyone.
  if (progress.phase === 'announcing' && !superseded()) {
    if (!progress.announcementPosted) {
      await campaignRecords.postCampaignAnnouncement({ campaignId });
      progress.announcementPosted = true;
    }
    const announced = await run.sendAll((cursor) =>
      campaignBatches.sendCampaignMails({ campaignId, message: 'announcement', cursor, limit: run.plan.batchSize }),
    );
    if (announced) progress.phase = 'reminding';
  }

  // Reminding: those who have not acknowledged, at each interval until the deadline.
  while (progress.phase === 'reminding' && !superseded()) {
    const due = reminderDueAt(run.plan, progress.reminderRound);
    if (due === null) {
      progress.phase = 'reporting';
      break;
    }
    if (due > Date.now() && (await condition(superseded, due - Date.now()))) break;
    const message = reminderMessage(progress.reminderRound);
    const reminded = await run.sendAll((cursor) =>
      campaignBatches.sendCampaignMails({ campaignId, message, cursor, limit: run.plan.batchSize }),
    );
    if (!reminded) break;
    progress.remindersSent += 1;
    progress.reminderRound += 1;
  }

  // Reporting: after the deadline, each manager hears who of their reports did not acknowledge.
  if (progress.phase === 'reporting' && !superseded()) {
    const deadline = Date.parse(run.plan.deadline);
    const interrupted = deadline > Date.now() && (await condition(superseded, deadline - Date.now()));
    if (!interrupted) {
      const reported = await run.sendAll((cursor) => campaignBatches.sendManagerReports({ campaignId, cursor, limit: run.plan.batchSize }));
      if (reported) progress.phase = 'completed';
    }
  }

  // Closing, with the final report (or as superseded).
  if (superseded()) progress.phase = 'superseded';
  await run.quiesce();
  const summary = await campaignRecords.closeCampaign({
    campaignId,
    outcome: progress.phase === 'superseded' ? 'superseded' : 'completed',
    supersededBy: progress.supersededBy,
  });
  progress.phase = summary.status === 'superseded' ? 'superseded' : 'completed';
  return { ...summary, supersededBy: progress.supersededBy, remindersSent: progress.remindersSent };
}
