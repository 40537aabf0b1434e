import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { bearer, campaignDatabase, createPolicyVersion, type DirectoryPerson, seedDirectory, waitForPhase } from '../support/campaigns';
import type { ScratchDatabase } from '../support/databases';
import { eventually } from '../support/fixtures';
import { SmtpSink } from '../support/smtpServer';
import { type Stack, startStack } from '../support/stack';
import { testRun } from '../support/testRun';

const projectRoot = path.resolve(__dirname, '..', '..');
const SMTP_CONNECTIONS = 3;

interface WorkerProcess {
  child: ChildProcess;
  output: string[];
}

/**
 * The production worker entry point in its own process. `node --import tsx` runs it in that very
 * process (the tsx CLI would fork a child that a SIGKILL of the CLI leaves running).
 */
function startWorkerProcess(stack: Stack, database: ScratchDatabase, smtpUrl: string): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/entrypoints/worker.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: testRun().temporalAddress,
      TEMPORAL_TASK_QUEUE: stack.taskQueue,
      LOG_LEVEL: 'info',
      SMTP_URL: smtpUrl,
      SMTP_MAX_CONNECTIONS: String(SMTP_CONNECTIONS),
      CAMPAIGN_BATCH_SIZE: '25',
      CAMPAIGN_REMINDER_INTERVAL: '1h',
      CAMPAIGN_DEADLINE: '2h',
      SOCIAL_WEBHOOK_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return { child, output };
}

async function untilPolling(worker: WorkerProcess) {
  await eventually(
    async () => {
      if (worker.child.exitCode !== null) throw new Error(`worker exited:\n${worker.output.join('')}`);
      return worker.output.join('').includes('worker running') ? true : undefined;
    },
    90_000,
    'the worker process to poll',
  );
}

describe('a worker killed in the middle of an announcement', () => {
  let database: ScratchDatabase;
  let stack: Stack;
  let sink: SmtpSink;
  let everyone: DirectoryPerson[];
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    database = await campaignDatabase('campaign_crash');
    // A slow server: the kill lands while messages are on the wire and answers are pending.
    sink = await new SmtpSink({ delayMs: 80 }).start();
    stack = await startStack({ databaseUrl: database.url, worker: false });
    ({ everyone } = await seedDirectory(stack.db, { prefix: 'crash', managers: 1, perManager: 80 }));
  }, 120_000);

  afterAll(async () => {
    for (const child of workers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await stack?.stop();
    await sink?.stop();
    await database?.drop();
  });

  it('resumes after a restart and mails no employee twice', async () => {
    const first = startWorkerProcess(stack, database, sink.url);
    workers.push(first.child);
    await untilPolling(first);

    const version = await createPolicyVersion(stack.db, 5);
    const started = await stack.http
      .post('/api/campaigns')
      .set('Authorization', await bearer(stack, 'comms-1', 'communications'))
      .send({ policyVersionId: version.id });
    expect(started.status).toBe(202);
    const { campaignId } = started.body as { campaignId: string };

    await eventually(async () => (sink.mails.length >= 20 ? true : undefined), 60_000, 'the announcement to be under way');
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const atKill = sink.mails.length;
    expect(atKill).toBeLessThan(everyone.length);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.mails.length).toBe(atKill);

    const second = startWorkerProcess(stack, database, sink.url);
    workers.push(second.child);
    await untilPolling(second);
    // The dead worker's batch is retried once its heartbeat times out (20 s), from its last checkpoint.
    await waitForPhase(stack, campaignId, ['reminding'], 120_000);

    const mailsTo = (person: DirectoryPerson) =>
      sink.to(person.email).filter((mail) => mail.headers['x-campaign-id'] === campaignId).length;
    const deliveries = await stack.db.campaignDelivery.findMany({ where: { campaignId, message: 'announcement' } });
    const statusOf = new Map(deliveries.map((delivery) => [delivery.employeeId, delivery.status]));
    for (const person of everyone) {
      const status = statusOf.get(person.id);
      const received = mailsTo(person);
      // Nobody twice. Sent means received; in doubt (claimed by the killed worker, answer never recorded) means at most once.
      expect({ who: person.id, received, status }).toEqual({
        who: person.id,
        received: status === 'sent' ? 1 : received,
        status: expect.stringMatching(/^(sent|in_doubt)$/),
      });
      expect(received).toBeLessThanOrEqual(1);
    }
    const inDoubt = deliveries.filter((delivery) => delivery.status === 'in_doubt');
    expect(inDoubt.length).toBeLessThanOrEqual(SMTP_CONNECTIONS);
    expect(deliveries).toHaveLength(everyone.length);
    // The rest went out from a later attempt of the interrupted batch, after the restart.
    expect(deliveries.some((delivery) => !delivery.claimedBy.endsWith('#1'))).toBe(true);

    const view = await stack.http
      .get(`/api/campaigns/${campaignId}`)
      .set('Authorization', await bearer(stack, 'comms-1', 'communications'));
    expect(view.body.emails.announcement).toMatchObject({ sent: everyone.length - inDoubt.length, inDoubt: inDoubt.length, sending: 0 });

    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
  }, 240_000);
});
