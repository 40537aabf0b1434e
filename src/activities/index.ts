import { type CampaignSettings, DEFAULT_CAMPAIGN_SETTINGS, DEFAULT_MAIL_FROM } from '../domain/campaign';
import type { PolicyReviewTiming } from '../domain/policyReview';
import type { ContentSite } from '../integrations/contentSite';
import { createMailer, type Mailer } from '../integrations/mailer';
import type { SocialNetwork } from '../integrations/socialNetwork';
import type { Database } from '../platform/database';
import { createCampaignMailActivities } from './campaignMail';
import { createCampaignRecordActivities } from './campaigns';
import { createCaseActivities } from './cases';
import { createContentActivities } from './content';
import { createDecisionActivities } from './decisions';
import { createExplanationActivities } from './explanations';
import { createJudgementActivities } from './judgement';
import { createOpportunityActivities } from './opportunities';
import { createPolicyReviewActivities } from './policyReviews';
import { createRetentionActivities } from './retention';
import { createSanctionActivities } from './sanctions';

export interface ActivityDependencies {
  db: Database;
  contentSite: ContentSite;
  socialNetwork: SocialNetwork;
  /** Durations of policy reviews opened without their own (defaults: a week to the reminder, two to the escalation). */
  policyReviewTiming?: PolicyReviewTiming;
  /** Campaign e-mail (SMTP); none configured by default: campaign e-mails are then recorded as skipped. */
  mailer?: Mailer;
  /** How campaigns run (defaults: two weeks to acknowledge, reminders every four days). */
  campaigns?: CampaignSettings;
}

export function createActivities(deps: ActivityDependencies) {
  return {
    ...createCaseActivities(deps.db),
    ...createJudgementActivities(deps.db),
    ...createDecisionActivities(deps.db),
    ...createSanctionActivities(deps.db),
    ...createContentActivities(deps.db, deps.contentSite),
    ...createOpportunityActivities(deps.db),
    ...createExplanationActivities(deps.db, deps.socialNetwork),
    ...createPolicyReviewActivities(deps.db, deps.policyReviewTiming),
    ...createCampaignActivities(deps),
    ...createRetentionActivities(deps.db),
  };
}

function createCampaignActivities(deps: ActivityDependencies) {
  const settings = deps.campaigns ?? DEFAULT_CAMPAIGN_SETTINGS;
  const mailer = deps.mailer ?? createMailer({ from: DEFAULT_MAIL_FROM });
  return {
    ...createCampaignRecordActivities({ db: deps.db, socialNetwork: deps.socialNetwork, settings }),
    ...createCampaignMailActivities({ db: deps.db, mailer, settings }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
