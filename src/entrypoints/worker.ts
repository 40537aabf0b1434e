import { campaignSettingsFrom, loadWorkerConfig, mailerConfigFrom, policyReviewSettingsFrom } from '../platform/config';
import { connectDatabase } from '../platform/database';
import { createLogger } from '../platform/logger';
import { ensurePolicyReviewScheduleAt } from '../platform/policyReviewSchedule';
import { installTemporalLogging } from '../platform/temporalLogging';
import { startCaseWorker } from '../platform/worker';
import { createContentSite } from '../activities/contentSite';
import { createMailer } from '../activities/mailer';
import { createSocialNetwork } from '../activities/socialNetwork';
import { exitOnStartupFailure } from './fatal';

async function main() {
  const config = loadWorkerConfig();
  const logger = createLogger(config.LOG_LEVEL, 'worker');
  installTemporalLogging(logger);
  const db = connectDatabase(config.DATABASE_URL);
  const policyReview = policyReviewSettingsFrom(config);
  const mailer = createMailer(mailerConfigFrom(config));
  if (!mailer.configured) logger.warn('SMTP_URL is not set: campaign e-mails are recorded as skipped, not sent');
  // The Temporal runtime drains the worker on SIGINT/SIGTERM; `finished` settles once it has.
  const worker = await startCaseWorker({
    address: config.TEMPORAL_ADDRESS,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    db,
    contentSite: createContentSite({ baseUrl: config.CONTENT_SITE_URL, token: config.CONTENT_SITE_TOKEN }),
    socialNetwork: createSocialNetwork(db, { webhookUrl: config.SOCIAL_WEBHOOK_URL }),
    policyReviewTiming: policyReview.timing,
    mailer,
    campaigns: campaignSettingsFrom(config),
  });
  const schedule = await ensurePolicyReviewScheduleAt(
    { address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE },
    { taskQueue: config.TEMPORAL_TASK_QUEUE, ...policyReview },
  );
  logger.info(schedule, 'periodic policy review scheduled');
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, address: config.TEMPORAL_ADDRESS }, 'worker running');
  await worker.finished;
  mailer.close();
  await db.$disconnect();
  logger.info('worker stopped');
}

main().catch(exitOnStartupFailure);
