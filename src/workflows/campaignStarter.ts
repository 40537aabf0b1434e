import { campaignInputFor, isCampaignDocument } from '../domain/campaign';
import type { PolicyRevision } from '../domain/policyReview';
import { startChildOnce } from './childWorkflows';
import { campaignWorkflow } from './campaignWorkflow';

/**
 * Starts the awareness campaign of a new version of the social-media policy, from a workflow (the
 * policy review that published it). The campaign outlives its parent and runs with the worker's
 * configured durations; one campaign per version, however often this is called (one started by hand
 * is this revision's). Revisions of other documents start no campaign.
 */
export function startAwarenessCampaign(revision: PolicyRevision): Promise<void> {
  if (!isCampaignDocument(revision.documentId)) return Promise.resolve();
  const input = campaignInputFor(revision, 'policy-review');
  // Not async: one more async return before the review moves on would reorder its commands (see caseWorkflow).
  return startChildOnce(campaignWorkflow, input.campaignId, input);
}
