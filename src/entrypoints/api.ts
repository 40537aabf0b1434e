import { accessSettingsFrom, caseSettingsFrom, loadApiConfig } from '../platform/config';
import { startApiServer } from '../platform/apiServer';
import { connectDatabase } from '../platform/database';
import { createLogger } from '../platform/logger';
import { loadWebPage } from '../platform/webPage';
import { exitOnStartupFailure } from './fatal';

async function main() {
  const config = loadApiConfig();
  const logger = createLogger(config.LOG_LEVEL, 'api');
  const db = connectDatabase(config.DATABASE_URL);
  const api = await startApiServer({
    address: config.TEMPORAL_ADDRESS,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    port: config.PORT,
    authSecret: config.AUTH_SECRET,
    caseSettings: caseSettingsFrom(config),
    access: accessSettingsFrom(config),
    db,
    logger,
    page: await loadWebPage(logger),
  });
  logger.info({ port: api.port }, 'API listening');
  const stop = async () => {
    await api.stop();
    await db.$disconnect();
    logger.info('API stopped');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch(exitOnStartupFailure);
