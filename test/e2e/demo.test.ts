import { DemoClient } from '../../src/demo/demoClient';
import { DEMO_PEOPLE, runGuidedDemo } from '../../src/demo/guidedDemo';
import { applyMigrations } from '../../src/platform/migrations';
import { listen } from '../support/browser';
import { createScratchDatabase, type ScratchDatabase } from '../support/databases';
import { type Stack, startStack, TEST_AUTH_SECRET } from '../support/stack';
import { testRun } from '../support/testRun';

// The guided demo against the real API over HTTP, a worker, Temporal and a database of its own
// (it revises the social-media policy, which other files' reviews would otherwise see).
jest.setTimeout(180_000);

let database: ScratchDatabase;
let stack: Stack;
let server: { baseUrl: string; close(): Promise<void> };

beforeAll(async () => {
  database = await createScratchDatabase(testRun().databaseServer, 'demo');
  await applyMigrations(database.url);
  stack = await startStack({ databaseUrl: database.url, explanations: true });
  server = await listen(stack.app);
});
afterAll(async () => {
  await server?.close();
  await stack?.stop();
  await database?.drop();
});

test('the guided demo leaves cases, a published lesson, a policy revision and its campaign to follow', async () => {
  const printed: string[] = [];
  const result = await runGuidedDemo({
    client: new DemoClient(server.baseUrl, TEST_AUTH_SECRET),
    temporalUi: { url: 'http://localhost:8233', namespace: 'default' },
    runId: stack.unique('run'),
    say: (line) => printed.push(line),
  });

  const cases = await stack.db.case.findMany({
    where: { id: { in: Object.values(result.cases) } },
    include: { sanction: true, opportunity: true },
  });
  const byId = new Map(cases.map((record) => [record.id, record]));
  expect(byId.get(result.cases.misjudgement)?.sanction?.type).toBe('conversation');
  expect(byId.get(result.cases.leak)?.sanction?.type).toBe('suspension');
  expect(byId.get(result.cases.viral)?.opportunity?.amplify).toBe(true);
  const lesson = await stack.db.explanation.findUniqueOrThrow({ where: { caseId: result.cases.leak } });
  expect(lesson).toMatchObject({ status: 'approved', title: 'Customer data stays out of our posts' });
  expect(lesson.publishAt!.getTime()).toBeGreaterThan(Date.now());

  const review = await stack.db.policyReview.findUniqueOrThrow({ where: { id: result.reviewId }, include: { versions: true } });
  expect(review).toMatchObject({ status: 'closed', outcome: 'revised' });
  expect(review.versions.map((version) => version.documentId)).toEqual(['social-media-policy']);
  const campaign = await stack.db.campaign.findUniqueOrThrow({ where: { id: result.campaignId } });
  expect(campaign).toMatchObject({ documentId: 'social-media-policy', versionNumber: review.versions[0].number, status: 'running' });
  expect(await stack.db.acknowledgement.count({ where: { campaignId: result.campaignId, employeeId: DEMO_PEOPLE.dana.id } })).toBe(1);

  // Each step says where to watch it: the page, and the workflow in the Temporal UI.
  const output = printed.join('\n');
  expect(output).toContain(`page:      ${server.baseUrl}/#/cases/${result.cases.leak}`);
  expect(output).toContain(
    `Temporal:  http://localhost:8233/namespaces/default/workflows?query=${encodeURIComponent(`WorkflowId="${result.campaignId}"`)}`,
  );
  expect(output).toMatch(/^15\. Dana acknowledges/m);
  expect(output).toContain(`16. On ${lesson.publishAt!.toISOString()} the lesson goes to the community feed`);
});
