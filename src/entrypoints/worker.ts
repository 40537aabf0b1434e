import { loadWorkerConfig } from '../platform/config';
import { connectDatabase } from '../platform/database';
import { createLogger } from '../platform/logger';
import { installTemporalLogging } from '../platform/temporalLogging';
import { startCaseWorker } from '../platform/worker';
import { createContentSite } from '../activities/contentSite';
import { exitOnStartupFailure } from './fatal';

async function main() {
  const config = loadWorkerConfig();
  const logger = createLogger(config.LOG_LEVEL, 'worker');
  installTemporalLogging(logger);
  const db = connectDatabase(config.DATABASE_URL);
  // The Temporal runtime drains the worker on SIGINT/SIGTERM; `finished` settles once it has.
  const worker = await startCaseWorker({
    address: config.TEMPORAL_ADDRESS,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    db,
    contentSite: createContentSite({ baseUrl: config.CONTENT_SITE_URL, token: config.CONTENT_SITE_TOKEN }),
  });
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, address: config.TEMPORAL_ADDRESS }, 'worker running');
  await worker.finished;
  await db.$disconnect();
  logger.info('worker stopped');
}

main().catch(exitOnStartupFailure);
