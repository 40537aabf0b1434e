import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { actorOf } from '../../domain/decider';
import { campaignExists } from '../../records/campaigns';
import type { KnowHowSessionView } from '../../records/knowHowSessions';
import { findPolicyVersionById } from '../../records/policyDocuments';
import { CAMPAIGN_DOCUMENT_ID, campaignIdFor, campaignInputFor, isCampaignDocument } from '../../domain/campaign';
import type { CampaignStartInput, KnowHowSessionInput } from '../../domain/schemas/campaigns';
import { campaignWorkflow } from '../../workflows';
import { scheduleSessionUpdate } from '../../workflows/campaignMessages';
import type { Principal } from '../auth/tokens';
import type { ApiContext } from '../context';
import { ApiError, notFound } from '../errors';
import { sendUpdate } from './workflowUpdates';

/**
 * Starts the campaign of an existing version of the social-media policy by hand (operators; the policy
 * review starts it on its own). Its id derives from the version: asking again finds the same campaign.
 */
export async function startCampaign(
  ctx: ApiContext,
  input: CampaignStartInput,
  principal: Principal,
): Promise<{ campaignId: string; created: boolean }> {
  const version = await findPolicyVersionById(ctx.db, input.policyVersionId);
  if (!version) throw notFound(`Policy version ${input.policyVersionId}`);
  if (!isCampaignDocument(version.documentId)) {
    throw new ApiError(
      422,
      'not_campaign_document',
      `Campaigns follow revisions of the ${CAMPAIGN_DOCUMENT_ID} document; version ${version.id} is of ${version.documentId}.`,
    );
  }
  if (input.deadline && Date.parse(input.deadline) <= Date.now()) {
    throw new ApiError(422, 'deadline_in_past', 'The deadline must be in the future.', [{ path: 'deadline', message: 'is in the past' }]);
  }
  const revision = {
    documentId: version.documentId,
    policyVersionId: version.id,
    versionNumber: version.number,
    changeSummary: version.changeSummary,
  };
  const campaignId = campaignIdFor(version.id);
  try {
    await ctx.temporal.workflow.start(campaignWorkflow, {
      workflowId: campaignId,
      taskQueue: ctx.taskQueue,
      args: [campaignInputFor(revision, actorOf(principal), input.deadline)],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return { campaignId, created: true };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { campaignId, created: false };
    throw error;
  }
}

/** Asks the campaign's workflow to schedule a know-how session; its validator refuses it in a closed campaign or outside its dates. */
export async function scheduleSession(
  ctx: ApiContext,
  campaignId: string,
  input: KnowHowSessionInput,
  principal: Principal,
): Promise<KnowHowSessionView> {
  const sessionId = randomUUID();
  return sendUpdate(
    ctx,
    campaignId,
    scheduleSessionUpdate,
    { sessionId, ...input, startsAt: new Date(input.startsAt).toISOString(), scheduledBy: principal },
    {
      label: `Campaign ${campaignId}`,
      closedCode: 'campaign_closed',
      recorded: () => campaignExists(ctx.db, campaignId),
    },
  );
}
