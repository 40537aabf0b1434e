import { applyMigrations } from '../../src/platform/migrations';
import { openCase, post, sanction, waitForStatus } from '../support/cases';
import { createScratchDatabase, type ScratchDatabase } from '../support/databases';
import { eventually, hireEmployee } from '../support/fixtures';
import { freePort } from '../support/ports';
import { createPolicyVersion, startCampaign } from '../support/campaigns';
import { type Stack, startStack } from '../support/stack';
import { testRun } from '../support/testRun';
import { startWorkerProcess, type WorkerProcess } from '../support/workerProcess';

// Prometheus metrics of the API (/metrics) and of the worker (the Temporal SDK Core's exporter),
// and the ids on log lines. A database of its own, so that the gauges count this file's cases only.
let database: ScratchDatabase;
let stack: Stack;

beforeAll(async () => {
  database = await createScratchDatabase(testRun().databaseServer, 'metrics');
  await applyMigrations(database.url);
  // The committee has nowhere to escalate to: past its deadline a case stays with it, overdue.
  stack = await startStack({ databaseUrl: database.url, caseTiming: { decisionReminderMs: 1000, decisionDeadlineMs: 2000 } });
});
afterAll(async () => {
  await stack.stop();
  await database.drop();
});

/** The value of one sample of the exposition text, or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

const scrape = async () => (await stack.http.get('/metrics')).text;

describe('GET /metrics', () => {
  it('counts and times HTTP requests by route pattern and status, never by raw path', async () => {
    const employeeId = await hireEmployee(stack);
    const token = await stack.tokenFor('hr-1', 'hr');
    await stack.http.get(`/api/employees/${employeeId}`).set('Authorization', `Bearer ${token}`);
    await stack.http.get('/api/employees/e-nobody').set('Authorization', `Bearer ${token}`);
    const response = await stack.http.get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const text = response.text;
    expect(sample(text, 'http_requests_total', { method: 'GET', route: '/api/employees/:id', status: '200' })).toBe(1);
    expect(sample(text, 'http_requests_total', { method: 'GET', route: '/api/employees/:id', status: '404' })).toBe(1);
    expect(sample(text, 'http_requests_total', { method: 'PUT', route: '/api/employees/:id', status: '201' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/employees/:id', status: '200' })).toBe(1);
    expect(
      sample(text, 'http_request_duration_seconds_bucket', { method: 'GET', route: '/api/employees/:id', status: '200', le: '+Inf' }),
    ).toBe(1);
    expect(text).not.toContain(employeeId);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('gauges the open cases by status, overdue decisions, pending removals and campaign coverage', async () => {
    const waiting = await openCase(stack, { kind: 'inappropriate', category: 'harassment', severity: 'serious' });
    const removal = await openCase(stack, { kind: 'inappropriate', category: 'customer_data_disclosure', severity: 'serious' });
    const committee = await stack.tokenFor(stack.unique('committee'), 'steering_committee');
    const request = sanction('written_warning', {
      content: { action: 'request_removal', rationale: 'The platform removes customer data.' },
    });
    expect((await post(stack, `/api/cases/${removal.caseId}/decision`, committee, request)).status).toBe(200);
    await waitForStatus(stack, removal.caseId, 'awaiting_removal');

    const gauges = await eventually(
      async () => {
        const text = await scrape();
        const overdue = sample(text, 'case_governance_overdue_decisions', { deciding_role: 'steering_committee' });
        const removals = sample(text, 'case_governance_pending_removals');
        return overdue === 1 && removals === 1 ? text : undefined;
      },
      15_000,
      'the deadline to pass and the removal request to be on record',
    );
    expect(sample(gauges, 'case_governance_open_cases', { status: 'awaiting_decision' })).toBe(1);
    expect(sample(gauges, 'case_governance_open_cases', { status: 'awaiting_removal' })).toBe(1);
    expect(sample(gauges, 'case_governance_overdue_decisions', { deciding_role: 'manager' })).toBe(0);
    expect(waiting.caseId).not.toBe(removal.caseId);

    // A version of this file's own: a campaign's workflow id derives from its version, and the seeded first version has the same id in every database.
    const version = await createPolicyVersion(stack.db, 2);
    const campaignId = await startCampaign(stack, version.id);
    const audience = await eventually(
      async () => {
        const campaign = await stack.db.campaign.findUnique({ where: { id: campaignId } });
        return campaign && campaign.recipientCount > 0 ? campaign.recipientCount : undefined;
      },
      30_000,
      'the campaign audience',
    );
    const recipient = await stack.db.campaignRecipient.findFirstOrThrow({ where: { campaignId } });
    const acknowledged = await post(
      stack,
      `/api/campaigns/${campaignId}/acknowledgements`,
      await stack.tokenFor(recipient.employeeId, 'employee'),
      {},
    );
    expect(acknowledged.status).toBe(201);
    expect(sample(await scrape(), 'case_governance_campaign_coverage_ratio', { campaign: campaignId })).toBeCloseTo(1 / audience);
  });
});

describe('the worker process', () => {
  let external: Stack;
  let worker: WorkerProcess;
  let metricsAddress: string;
  beforeAll(async () => {
    external = await startStack({ worker: false });
    metricsAddress = `127.0.0.1:${await freePort()}`;
    worker = await startWorkerProcess(external, { WORKER_METRICS_ADDRESS: metricsAddress, LOG_LEVEL: 'debug' });
  });
  afterAll(async () => {
    await worker?.stop();
    await external?.stop();
  });

  it('serves the Temporal SDK worker metrics and names the case on every workflow and activity log line', async () => {
    const { caseId } = await openCase(external, { kind: 'inappropriate', category: 'error_of_judgement', severity: 'minor' });
    const metrics = await eventually(
      async () => {
        const text = await fetch(`http://${metricsAddress}/metrics`).then((response) => response.text());
        return sample(text, 'temporal_workflow_task_execution_latency_count') ? text : undefined;
      },
      15_000,
      'the worker metrics',
    );
    expect(metrics).toMatch(/^temporal_activity_execution_latency_count\{/m);
    expect(sample(metrics, 'temporal_worker_start_total', { task_queue: external.taskQueue })).toBe(1);

    const lines = worker.output
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const ofTheCase = lines.filter((line) => line.workflowId === caseId);
    expect(ofTheCase.some((line) => line.msg === 'Workflow started')).toBe(true);
    expect(ofTheCase.some((line) => line.activityType === 'openCaseRecord')).toBe(true);
    expect(ofTheCase.every((line) => line.caseId === caseId)).toBe(true);
  });
});
