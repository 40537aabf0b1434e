import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { issueToken } from '../api/auth/tokens';
import { startApiServer } from '../platform/apiServer';
import { accessSettingsFrom, caseSettingsFrom, loadLocalConfig } from '../platform/config';
import { connectDatabase } from '../platform/database';
import { startEmbeddedPostgres } from '../platform/embeddedPostgres';
import { obtainLocalSecret } from '../platform/localSecret';
import { createLogger } from '../platform/logger';
import { loadWebPage } from '../platform/webPage';
import { installTemporalLogging } from '../platform/temporalLogging';
import { applyMigrations } from '../platform/migrations';
import { obtainTemporalCli } from '../platform/temporalCli';
import { startDevServer } from '../platform/temporalDevServer';
import { startConfiguredWorker } from '../worker/configuredWorker';
import { exitOnStartupFailure } from './fatal';

const say = (message: string) => console.log(`[local] ${message}`);

/** The all-in-one local runner: Temporal dev server, PostgreSQL, worker and API in one process. */
async function main() {
  const config = loadLocalConfig();
  const logger = createLogger(config.LOG_LEVEL);
  installTemporalLogging(logger, { metricsAddress: config.WORKER_METRICS_ADDRESS });
  const dataDir = path.resolve(config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  say(`data folder: ${dataDir}`);
  const stops: (() => Promise<void>)[] = [];

  let temporalAddress = config.TEMPORAL_ADDRESS;
  if (!temporalAddress) {
    const executable = await obtainTemporalCli(config.TEMPORAL_CLI_PATH, say);
    say(`starting the Temporal dev server (${executable.type === 'existing-path' ? executable.path : 'downloaded CLI'})...`);
    const temporal = await startDevServer({
      executable,
      dbFilename: path.join(dataDir, 'temporal.sqlite'),
      port: config.TEMPORAL_PORT,
      uiPort: config.TEMPORAL_UI_PORT,
      namespace: config.TEMPORAL_NAMESPACE,
    });
    temporalAddress = temporal.address;
    stops.unshift(temporal.stop);
  }

  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    say(`starting embedded PostgreSQL on port ${config.EMBEDDED_POSTGRES_PORT} (data in ${path.join(dataDir, 'postgres')})...`);
    const postgres = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'postgres'),
      port: config.EMBEDDED_POSTGRES_PORT,
      password: obtainLocalSecret(dataDir, 'postgres-password'),
    });
    databaseUrl = postgres.url;
    stops.unshift(postgres.stop);
  }
  say('applying database migrations...');
  await applyMigrations(databaseUrl);
  const db = connectDatabase(databaseUrl);
  stops.unshift(() => db.$disconnect());

  const authSecret = config.AUTH_SECRET ?? obtainLocalSecret(dataDir);
  say('starting the worker and the API...');
  const worker = await startConfiguredWorker(config, temporalAddress, db, logger);
  stops.unshift(worker.stop);
  const api = await startApiServer({
    address: temporalAddress,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    port: config.PORT,
    authSecret,
    caseSettings: caseSettingsFrom(config),
    access: accessSettingsFrom(config),
    db,
    logger,
    // The local runner is the one API that may mint tokens, for the page's role picker.
    localSignIn: true,
    page: await loadWebPage(logger),
  });
  stops.unshift(api.stop);

  // Admin administers and reads no case data; HR keeps the directory, may report activities and sees every case.
  const adminToken = await issueToken(authSecret, { sub: 'admin', name: 'Local administrator', roles: ['admin'] });
  const hrToken = await issueToken(authSecret, { sub: 'hr-local', name: 'Local HR partner', roles: ['hr'] });
  console.log(
    [
      '',
      'Case governance is running.',
      `  Workspace     http://localhost:${api.port}/  (sign in with any role: local only)`,
      `  API           http://localhost:${api.port}/api`,
      `  API docs      http://localhost:${api.port}/docs`,
      `  Readiness     http://localhost:${api.port}/readyz`,
      `  Metrics       http://localhost:${api.port}/metrics${config.WORKER_METRICS_ADDRESS ? `, worker: http://${config.WORKER_METRICS_ADDRESS}/metrics` : ''}`,
      ...(config.TEMPORAL_ADDRESS ? [] : [`  Temporal UI   http://localhost:${config.TEMPORAL_UI_PORT}`]),
      `  HR token      ${hrToken}`,
      `  Admin token   ${adminToken}`,
      '  Other tokens  npm run token -- --sub alice --role manager',
      '  Guided demo   npm run demo (in another terminal)',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: draining the worker and stopping...`);
    for (const stop of stops) await stop();
    say('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch(exitOnStartupFailure);
