/**
 * Benchmark: a campaign announced to a generated directory through a real local SMTP server.
 *
 *   npm run bench -- [--employees 50000] [--baseline 5000] [--batch 1000] [--connections 5]
 *
 * For each size (the baseline first, then the target) it bulk-inserts the directory into a scratch
 * database, runs the production worker entry point in a child process against an in-memory Temporal
 * dev server, starts the campaign and waits until every employee is announced. It prints the time,
 * the worker's peak memory and the workflow's history (every run of its continue-as-new chain), then
 * the ratios target / baseline: time per employee should stay flat (linear time) and the longest run's
 * history should stay bounded whatever the directory's size.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import {
  CAMPAIGN_DOCUMENT_ID,
  type CampaignState,
  campaignIdFor,
  campaignInputFor,
  DEFAULT_CAMPAIGN_SETTINGS,
} from '../src/domain/campaign';
import { applyMigrations } from '../src/platform/migrations';
import { obtainTemporalCli } from '../src/platform/temporalCli';
import { startDevServer } from '../src/platform/temporalDevServer';
import { campaignWorkflow } from '../src/workflows';
import { campaignStateQuery } from '../src/workflows/campaignMessages';
import { obtainDatabaseServer } from '../test/support/databaseServer';
import { createScratchDatabase } from '../test/support/databases';
import { SmtpSink } from '../test/support/smtpServer';

const projectRoot = path.resolve(__dirname, '..');
const say = (message: string) => process.stderr.write(`[bench] ${message}\n`);

export interface BenchOptions {
  employees: number;
  baseline: number;
  batch: number;
  connections: number;
}

export interface Measurement {
  employees: number;
  seconds: number;
  emailsPerSecond: number;
  msPerEmployee: number;
  /** Peak resident memory of the worker process while it announced (sampled), and over its whole life (VmHWM). */
  peakRssDuringMb: number;
  peakRssProcessMb: number;
  runs: number;
  maxEventsPerRun: number;
  totalEvents: number;
  duplicates: number;
}

function readOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      employees: { type: 'string', default: '50000' },
      baseline: { type: 'string' },
      batch: { type: 'string', default: String(DEFAULT_CAMPAIGN_SETTINGS.batchSize) },
      connections: { type: 'string', default: '5' },
    },
  });
  const employees = Number(values.employees);
  const baseline = values.baseline === undefined ? Math.max(1, Math.round(employees / 10)) : Number(values.baseline);
  const options = { employees, baseline, batch: Number(values.batch), connections: Number(values.connections) };
  for (const [name, value] of Object.entries(options)) {
    if (!Number.isInteger(value) || value < (name === 'baseline' ? 0 : 1)) throw new Error(`--${name} must be a positive whole number`);
  }
  return options;
}

/** VmRSS and VmHWM (peak) of a process, in MB. */
function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

async function seedDirectory(databaseUrl: string, employees: number): Promise<string> {
  const pg = new PgClient({ connectionString: databaseUrl });
  await pg.connect();
  try {
    // One manager per ten employees, five departments; one statement (row-level FK checks run at its end).
    await pg.query(
      `INSERT INTO employees (id, name, email, department, manager_id, updated_at)
       SELECT 'b-' || lpad(g::text, 7, '0'), 'Employee ' || g, 'b' || g || '@bench.test',
              (ARRAY['sales', 'support', 'engineering', 'marketing', 'finance'])[1 + g % 5],
              CASE WHEN g % 10 = 0 THEN NULL ELSE 'b-' || lpad((g - g % 10)::text, 7, '0') END, now()
       FROM generate_series(0, $1::int - 1) AS g`,
      [employees],
    );
    await pg.query(`INSERT INTO policy_documents (id, title) VALUES ($1, 'Social-media policy') ON CONFLICT (id) DO NOTHING`, [
      CAMPAIGN_DOCUMENT_ID,
    ]);
    const { rows } = await pg.query<{ id: string }>(
      `INSERT INTO policy_versions (id, document_id, number, text, change_summary, author, effective_at)
       VALUES ('bench-version', $1, 1000, 'Benchmark version', 'A benchmark revision of the policy.', 'bench', now())
       RETURNING id`,
      [CAMPAIGN_DOCUMENT_ID],
    );
    await pg.query('ANALYZE');
    return rows[0].id;
  } finally {
    await pg.end();
  }
}

function startWorker(env: Record<string, string>): { child: ChildProcess; output: string[] } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/entrypoints/worker.ts'], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output };
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

async function measure(
  temporalAddress: string,
  client: Client,
  databaseServer: string,
  employees: number,
  options: BenchOptions,
): Promise<Measurement> {
  say(`--- ${employees.toLocaleString('en')} employees ---`);
  const database = await createScratchDatabase(databaseServer, 'bench');
  const sink = await new SmtpSink({ keepMessages: false }).start();
  let worker: ReturnType<typeof startWorker> | null = null;
  try {
    await applyMigrations(database.url);
    const seeded = Date.now();
    const versionId = await seedDirectory(database.url, employees);
    say(`directory of ${employees} inserted in ${((Date.now() - seeded) / 1000).toFixed(1)}s`);

    const taskQueue = `bench-${employees}-${Date.now()}`;
    worker = startWorker({
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      LOG_LEVEL: 'info',
      SMTP_URL: sink.url,
      SMTP_MAX_CONNECTIONS: String(options.connections),
      CAMPAIGN_BATCH_SIZE: String(options.batch),
      CAMPAIGN_REMINDER_INTERVAL: '1 day',
      CAMPAIGN_DEADLINE: '14 days',
      SOCIAL_WEBHOOK_URL: '',
    });
    const running = worker;
    await until(
      async () => {
        if (running.child.exitCode !== null) throw new Error(`the worker exited:\n${running.output.join('')}`);
        return running.output.join('').includes('worker running') ? true : undefined;
      },
      180_000,
      'the worker to start',
    );
    const pid = running.child.pid!;
    say(`worker ${pid} running (${(memoryOf(pid)?.rss ?? 0).toFixed(0)} MB); starting the campaign`);

    const campaignId = campaignIdFor(versionId);
    const revision = {
      documentId: CAMPAIGN_DOCUMENT_ID,
      policyVersionId: versionId,
      versionNumber: 1000,
      changeSummary: 'A benchmark revision of the policy.',
    };
    let peakDuring = memoryOf(pid)?.rss ?? 0;
    const sampler = setInterval(() => {
      peakDuring = Math.max(peakDuring, memoryOf(pid)?.rss ?? 0);
    }, 100);
    const started = Date.now();
    let lastReport = started;
    await client.workflow.start(campaignWorkflow, { workflowId: campaignId, taskQueue, args: [campaignInputFor(revision, 'bench')] });
    const state = await until(
      async () => {
        if (Date.now() - lastReport > 10_000) {
          lastReport = Date.now();
          say(`  ${sink.count} e-mails after ${((Date.now() - started) / 1000).toFixed(0)}s`);
        }
        const current = await client.workflow
          .getHandle(campaignId)
          .query(campaignStateQuery)
          .catch(() => undefined);
        return current && current.phase !== 'opening' && current.phase !== 'announcing' ? current : undefined;
      },
      30 * 60_000,
      'the announcement to finish',
    );
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    const memory = memoryOf(pid);

    const history = await historyOf(client, campaignId, state);
    const duplicates = [...sink.received.values()].filter((count) => count > 1).length;
    if (sink.count !== employees) throw new Error(`expected ${employees} e-mails, the server received ${sink.count}`);
    await client.workflow.getHandle(campaignId).terminate('benchmark done');
    return {
      employees,
      seconds,
      emailsPerSecond: employees / seconds,
      msPerEmployee: (seconds * 1000) / employees,
      peakRssDuringMb: Math.max(peakDuring, memory?.rss ?? 0),
      peakRssProcessMb: memory?.peak ?? 0,
      ...history,
      duplicates,
    };
  } finally {
    if (worker && worker.child.exitCode === null) {
      const exited = new Promise((resolve) => worker!.child.once('exit', resolve));
      worker.child.kill('SIGTERM');
      await exited;
    }
    await sink.stop();
    await database.drop();
  }
}

/** Every run of the campaign's continue-as-new chain (visibility may lag: waits until it lists them all). */
async function historyOf(client: Client, campaignId: string, state: CampaignState) {
  const runIds = await until(
    async () => {
      const ids: string[] = [];
      for await (const execution of client.workflow.list({ query: `WorkflowId = '${campaignId}'` })) ids.push(execution.runId);
      return ids.length >= state.run + 1 ? ids : undefined;
    },
    30_000,
    'the runs to be listed',
    500,
  );
  const events = await Promise.all(
    runIds.map(async (runId) => (await client.workflow.getHandle(campaignId, runId).fetchHistory()).events?.length ?? 0),
  );
  return { runs: runIds.length, maxEventsPerRun: Math.max(...events), totalEvents: events.reduce((sum, n) => sum + n, 0) };
}

function print(results: Measurement[], options: BenchOptions) {
  const row = (label: string, values: string[]) => `${label.padEnd(34)}${values.map((value) => value.padStart(14)).join('')}`;
  const lines = [
    '',
    `Campaign announcement benchmark (batch ${options.batch} recipients, ${options.connections} SMTP connections, ` +
      `continue-as-new every ${DEFAULT_CAMPAIGN_SETTINGS.batchesPerRun} batches)`,
    row(
      'employees',
      results.map((r) => r.employees.toLocaleString('en')),
    ),
    row(
      'announcement time (s)',
      results.map((r) => r.seconds.toFixed(1)),
    ),
    row(
      'e-mails per second',
      results.map((r) => r.emailsPerSecond.toFixed(0)),
    ),
    row(
      'time per employee (ms)',
      results.map((r) => r.msPerEmployee.toFixed(3)),
    ),
    row(
      'worker peak RSS, announcing (MB)',
      results.map((r) => r.peakRssDuringMb.toFixed(0)),
    ),
    row(
      'worker peak RSS, lifetime (MB)',
      results.map((r) => r.peakRssProcessMb.toFixed(0)),
    ),
    row(
      'workflow runs (continue-as-new)',
      results.map((r) => String(r.runs)),
    ),
    row(
      'history events, longest run',
      results.map((r) => String(r.maxEventsPerRun)),
    ),
    row(
      'history events, all runs',
      results.map((r) => String(r.totalEvents)),
    ),
    row(
      'employees mailed twice',
      results.map((r) => String(r.duplicates)),
    ),
  ];
  if (results.length === 2) {
    const [base, target] = results;
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
    lines.push(
      '',
      `Ratios ${target.employees.toLocaleString('en')} vs ${base.employees.toLocaleString('en')} employees ` +
        `(${ratio(target.employees, base.employees)} the directory), measured in this run:`,
      `  time per employee          ${ratio(target.msPerEmployee, base.msPerEmployee)}   (1x = linear time)`,
      `  total time                 ${ratio(target.seconds, base.seconds)}`,
      `  history events, longest run ${ratio(target.maxEventsPerRun, base.maxEventsPerRun)}  (bounded by ${DEFAULT_CAMPAIGN_SETTINGS.batchesPerRun} batches a run, whatever the size)`,
      `  history events, all runs   ${ratio(target.totalEvents, base.totalEvents)}   (one batch per ${options.batch} employees, never one event per employee)`,
      `  worker peak RSS, announcing ${ratio(target.peakRssDuringMb, base.peakRssDuringMb)}`,
    );
  }
  console.log(lines.join('\n'));
}

export async function runCampaignAnnouncementBench(argv: string[]): Promise<Measurement[]> {
  const options = readOptions(argv);
  const executable = await obtainTemporalCli(process.env.TEMPORAL_CLI_PATH, say);
  say('starting the Temporal dev server (in memory)...');
  const temporal = await startDevServer({ executable });
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection, namespace: 'default' });
  const databaseServer = await obtainDatabaseServer();
  say(`databases on the ${databaseServer.kind} PostgreSQL (${new URL(databaseServer.url).host})`);
  try {
    const results: Measurement[] = [];
    for (const employees of [options.baseline, options.employees].filter((n) => n > 0)) {
      results.push(await measure(temporal.address, client, databaseServer.url, employees, options));
    }
    print(results, options);
    return results;
  } finally {
    await connection.close();
    await databaseServer.stop();
    await temporal.stop();
  }
}

if (require.main === module) {
  runCampaignAnnouncementBench(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
