import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { KnowHowSessionView } from '../activities/campaigns';
import type { CampaignState, SessionRequest } from '../domain/campaign';

/** The live state of a campaign. */
export const campaignStateQuery = defineQuery<CampaignState>('campaignState');

export interface SupersedeArgs {
  /** The campaign of the newer revision. */
  by: string;
}
/** Sent by a newer revision's campaign: this one stops cleanly (no more e-mails, no manager reports) and closes as superseded. */
export const supersedeSignal = defineSignal<[SupersedeArgs]>('supersede');

/** Communications schedules a know-how session; the validator refuses it in a closed campaign or outside its dates. */
export const scheduleSessionUpdate = defineUpdate<KnowHowSessionView, [SessionRequest]>('scheduleSession');
