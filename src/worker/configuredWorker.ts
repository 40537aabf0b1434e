import { createContentSite } from '../integrations/contentSite';
import { createMailer } from '../integrations/mailer';
import { createSocialNetwork } from '../integrations/socialNetwork';
import {
  campaignSettingsFrom,
  mailerConfigFrom,
  policyReviewSettingsFrom,
  retentionSettingsFrom,
  type WorkerConfig,
} from '../platform/config';
import type { Database } from '../platform/database';
import type { Logger } from '../platform/logger';
import { ensurePolicyReviewScheduleAt } from '../platform/policyReviewSchedule';
import { ensureRetentionScheduleAt } from '../platform/retentionSchedule';
import { type RunningWorker, startCaseWorker } from './caseWorker';
import { chooseWorkflowBundle } from './workflowCode';

/**
 * The worker as configured by the environment, with its integrations (content site, social
 * network, SMTP), and the periodic policy-review and retention Schedules ensured. Shared by the worker entry
 * point and the all-in-one local runner.
 */
export async function startConfiguredWorker(
  config: Omit<WorkerConfig, 'DATABASE_URL' | 'TEMPORAL_ADDRESS'>,
  address: string,
  db: Database,
  logger: Logger,
): Promise<RunningWorker> {
  const policyReview = policyReviewSettingsFrom(config);
  const mailer = createMailer(mailerConfigFrom(config));
  if (!mailer.configured) logger.warn('SMTP_URL is not set: campaign e-mails are recorded as skipped, not sent');
  const worker = await startCaseWorker({
    address,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    db,
    contentSite: createContentSite({ baseUrl: config.CONTENT_SITE_URL, token: config.CONTENT_SITE_TOKEN }),
    socialNetwork: createSocialNetwork({ webhookUrl: config.SOCIAL_WEBHOOK_URL }),
    policyReviewTiming: policyReview.timing,
    mailer,
    campaigns: campaignSettingsFrom(config),
    workflowBundle: chooseWorkflowBundle(config.WORKFLOW_BUNDLE, logger),
  });
  const schedule = await ensurePolicyReviewScheduleAt(
    { address, namespace: config.TEMPORAL_NAMESPACE },
    { taskQueue: config.TEMPORAL_TASK_QUEUE, ...policyReview },
  );
  logger.info(schedule, 'periodic policy review scheduled');
  const retention = await ensureRetentionScheduleAt(
    { address, namespace: config.TEMPORAL_NAMESPACE },
    { taskQueue: config.TEMPORAL_TASK_QUEUE, ...retentionSettingsFrom(config) },
  );
  logger.info(retention, 'retention run scheduled');
  const finished = worker.finished.finally(() => mailer.close());
  return {
    ...worker,
    finished,
    async stop() {
      await worker.stop();
      await finished;
    },
  };
}
