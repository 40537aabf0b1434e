import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyMigrations } from '../../src/platform/migrations';
import { obtainTemporalCli } from '../../src/platform/temporalCli';
import { startDevServer } from '../../src/platform/temporalDevServer';
import { bundleWorkflows } from '../../src/platform/workflowBundle';
import { obtainDatabaseServer } from './databaseServer';
import { createScratchDatabase } from './databases';
import { publishTestRun } from './testRun';

const say = (message: string) => process.stderr.write(`[test set-up] ${message}\n`);

/** One Temporal dev server, one fresh database and one workflow bundle for the whole run. */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const executable = await obtainTemporalCli(process.env.TEMPORAL_CLI_PATH, say);
  say('starting the Temporal dev server (in memory)...');
  const temporal = await startDevServer({ executable });

  say('finding a PostgreSQL server (TEST_DATABASE_URL, 127.0.0.1:5432, else an embedded one)...');
  const server = await obtainDatabaseServer();
  say(`creating a fresh test database on the ${server.kind} PostgreSQL...`);
  const database = await createScratchDatabase(server.url, 'test');
  say('applying migrations...');
  await applyMigrations(database.url);

  say('bundling the workflows...');
  const bundle = await bundleWorkflows({ warn: say, error: say });
  const workflowBundlePath = path.join(os.tmpdir(), `case-governance-workflows-${process.pid}.js`);
  writeFileSync(workflowBundlePath, bundle);

  publishTestRun({ temporalAddress: temporal.address, databaseUrl: database.url, workflowBundlePath, databaseServer: server.url });
  globalThis.__caseGovernanceTeardown = async () => {
    await database.drop();
    await server.stop();
    await temporal.stop();
  };
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

declare global {
  var __caseGovernanceTeardown: (() => Promise<void>) | undefined;
}
