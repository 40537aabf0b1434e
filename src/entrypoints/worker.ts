import { loadWorkerConfig } from '../platform/config';
import { connectDatabase } from '../platform/database';
import { createLogger } from '../platform/logger';
import { installTemporalLogging } from '../platform/temporalLogging';
import { startConfiguredWorker } from '../worker/configuredWorker';
import { exitOnStartupFailure } from './fatal';

async function main() {
  const config = loadWorkerConfig();
  const logger = createLogger(config.LOG_LEVEL, 'worker');
  installTemporalLogging(logger, { metricsAddress: config.WORKER_METRICS_ADDRESS });
  const db = connectDatabase(config.DATABASE_URL);
  // The Temporal runtime drains the worker on SIGINT/SIGTERM; `finished` settles once it has.
  const worker = await startConfiguredWorker(config, config.TEMPORAL_ADDRESS, db, logger);
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, address: config.TEMPORAL_ADDRESS }, 'worker running');
  await worker.finished;
  await db.$disconnect();
  logger.info('worker stopped');
}

main().catch(exitOnStartupFailure);
