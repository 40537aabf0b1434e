import { ParentClosePolicy, startChild, WorkflowIdReusePolicy } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { campaignInputFor, isCampaignDocument } from '../domain/campaign';
import type { PolicyRevision } from '../domain/policyReview';
import { campaignWorkflow } from './campaignWorkflow';

/**
 * Starts the awareness campaign of a new version of the social-media policy, from a workflow (the
 * policy review that published it). The campaign outlives its parent (ABANDON) and runs with the
 * worker's configured durations; one campaign per version, however often this is called. Revisions of
 * other documents start no campaign.
 */
export async function startAwarenessCampaign(revision: PolicyRevision): Promise<void> {
  if (!isCampaignDocument(revision.documentId)) return;
  const input = campaignInputFor(revision, 'policy-review');
  try {
    await startChild(campaignWorkflow, {
      workflowId: input.campaignId,
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [input],
    });
  } catch (error) {
    // Started already (by hand, or by an earlier attempt): that campaign is this revision's.
    if (error instanceof WorkflowExecutionAlreadyStartedError) return;
    throw error;
  }
}
