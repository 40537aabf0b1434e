import { log } from '@temporalio/workflow';
import type { KnowHowSessionView } from '../activities/campaigns';
import { type CampaignProgress, refuseSession, type SessionRequest } from '../domain/campaign';
import { campaignRecords } from './activityCalls';
import { refuse } from './refusals';

/** Know-how sessions communications schedules during a campaign (a validated Update), each posted to the social network. */
export class KnowHowSessions {
  private postsInFlight = 0;

  constructor(
    private readonly campaignId: string,
    private readonly progress: CampaignProgress,
  ) {}

  readonly validate = (request: SessionRequest): void => {
    const { phase, plan, supersededBy } = this.progress;
    refuse(refuseSession({ phase, deadline: plan?.deadline ?? null, supersededBy }, request, Date.now()));
  };

  readonly schedule = async (request: SessionRequest): Promise<KnowHowSessionView> => {
    const { campaignId } = this;
    const session = await campaignRecords.recordKnowHowSession({ campaignId, ...request });
    // The post may wait on the social network; the caller need not.
    this.postsInFlight += 1;
    campaignRecords
      .postSessionNews({ campaignId, sessionId: session.id })
      .catch((error) => log.warn('a know-how session could not be posted', { sessionId: session.id, error }))
      .finally(() => (this.postsInFlight -= 1));
    return session;
  };

  allPosted(): boolean {
    return this.postsInFlight === 0;
  }
}
