import { allHandlersFinished, condition, continueAsNew, workflowInfo } from '@temporalio/workflow';
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
  reminderDueAt,
} from '../domain/campaign';
import { isoAt } from './activityCalls';
import type { SupersedeArgs } from './campaignMessages';
import { KnowHowSessions } from './knowHowSessions';

export interface CampaignOutcome extends CampaignSummary {
  supersededBy: string | null;
  remindersSent: number;
}

/**
 * One campaign's progress through its phases, carried across continue-as-new: its plan, where the
 * batches of the current message stopped, its e-mails so far, and whether a newer campaign superseded it.
 */
export class CampaignRun {
  readonly progress: CampaignProgress;
  readonly sessions: KnowHowSessions;
  private batchesThisRun = 0;

  constructor(private readonly input: CampaignInput) {
    this.progress = input.progress ?? newProgress();
    this.sessions = new KnowHowSessions(input.campaignId, this.progress);
  }

  readonly superseded = (): boolean => this.progress.supersededBy !== null;

  /** Settled when the campaign opens. */
  get plan(): CampaignPlan {
    return this.progress.plan as CampaignPlan;
  }

  readonly state = (): CampaignState => {
    const { input, progress } = this;
    return {
      campaignId: input.campaignId,
      policyVersionId: input.policyVersionId,
      versionNumber: input.versionNumber,
      phase: progress.phase,
      deadline: progress.plan?.deadline ?? null,
      nextReminderAt: this.nextReminder(),
      remindersSent: progress.remindersSent,
      emails: progress.emails,
      supersededBy: progress.supersededBy,
      run: progress.run,
    };
  };

  readonly supersede = ({ by }: SupersedeArgs): void => {
    const { progress } = this;
    if (by !== this.input.campaignId && !isClosedPhase(progress.phase) && progress.supersededBy === null) progress.supersededBy = by;
  };

  /** Lets Updates and posts in flight finish, so that continue-as-new or completion drops none. */
  quiesce(): Promise<void> {
    return condition(() => allHandlersFinished() && this.sessions.allPosted());
  }

  /** Runs batches of one message until no recipient is left; false when the campaign was superseded meanwhile. */
  async sendAll(batch: (cursor: string | null) => Promise<CampaignBatchResult>): Promise<boolean> {
    const { progress } = this;
    while (!this.superseded()) {
      const result = await batch(progress.cursor);
      this.batchesThisRun += 1;
      progress.emails = addDeliveries(progress.emails, result.counts);
      if (result.campaignStatus !== 'running') {
        // Superseded in the database before (or without) the signal arriving.
        progress.supersededBy ??= result.supersededBy ?? 'a newer campaign';
        return false;
      }
      progress.cursor = result.done ? null : result.cursor;
      if (result.done) return true;
      await this.continueIfLong();
    }
    return false;
  }

  /** After `batchesPerRun` batches (or when Temporal suggests it) the campaign continues as new with its progress. */
  private async continueIfLong(): Promise<void> {
    if (this.batchesThisRun < this.plan.batchesPerRun && !workflowInfo().continueAsNewSuggested) return;
    await this.quiesce();
    await continueAsNew<(input: CampaignInput) => Promise<CampaignOutcome>>({
      ...this.input,
      progress: { ...this.progress, run: this.progress.run + 1 },
    });
  }

  private nextReminder(): string | null {
    const { progress } = this;
    if (progress.phase !== 'reminding' || !progress.plan) return null;
    const due = reminderDueAt(progress.plan, progress.reminderRound);
    return due === null ? null : isoAt(due);
  }
}
