// A stand-in for the policy review that publishes revisions: it starts their campaigns as the real one does.
import type { PolicyRevision } from '../../src/domain/policyReview';
import { startAwarenessCampaign } from '../../src/workflows/campaignStarter';

export { campaignWorkflow } from '../../src/workflows/campaignWorkflow';

export async function publishRevisions(revisions: PolicyRevision[]): Promise<void> {
  for (const revision of revisions) await startAwarenessCampaign(revision);
}
