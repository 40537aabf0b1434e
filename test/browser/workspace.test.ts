import type { Browser, BrowserContext, Page } from 'playwright-core';
import { applyMigrations } from '../../src/platform/migrations';
import { bundleWebPage } from '../../src/platform/webPage';
import { launchChromium, listen, screenshot, signInAs, signOut, unnamedElements, watchForPageErrors } from '../support/browser';
import { caseState, openCase, post, sanction, waitForStatus } from '../support/cases';
import { eventually, hireEmployee } from '../support/fixtures';
import { createScratchDatabase, type ScratchDatabase } from '../support/databases';
import { createPolicyVersion, startCampaign } from '../support/campaigns';
import { type Stack, startStack } from '../support/stack';
import { testRun } from '../support/testRun';

// The handlers' workspace in headless Chromium, against the real express app, worker, Temporal and
// PostgreSQL. The file has a database of its own so that precedents and the dashboard's figures are its own.
jest.setTimeout(120_000);

let database: ScratchDatabase;
let stack: Stack;
let server: { baseUrl: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  database = await createScratchDatabase(testRun().databaseServer, 'browser');
  await applyMigrations(database.url);
  stack = await startStack({ databaseUrl: database.url, explanations: true, page: await bundleWebPage(), localSignIn: true });
  server = await listen(stack.app);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await stack?.stop();
  await database?.drop();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  pageErrors = watchForPageErrors(page);
});

afterEach(async () => {
  await context.close();
  // Every page ran under its strict Content-Security-Policy without a violation or a script error.
  expect(pageErrors).toEqual([]);
});

const caseUrl = (caseId: string) => `${server.baseUrl}/#/cases/${encodeURIComponent(caseId)}`;

test('a manager finds the case in their work, decides it through the page, and the workflow moves on', async () => {
  const { caseId, managerId } = await openCase(stack, { kind: 'inappropriate', category: 'error_of_judgement', severity: 'minor' });
  await signInAs(page, server.baseUrl, managerId!, ['manager']);

  const row = page.getByRole('row').filter({ hasText: caseId });
  await row.getByRole('link', { name: 'Decide the case' }).waitFor();
  await screenshot(page, 'my-work');
  // The consistency report is not a manager's: the page offers no way to it.
  expect(await page.getByRole('link', { name: 'Consistency' }).count()).toBe(0);
  await row.getByRole('link', { name: 'Decide the case' }).click();

  await page.getByRole('heading', { name: 'Decide' }).waitFor();
  // Only what the matrix allows for a first minor error of judgement is offered.
  expect(await page.getByLabel('Sanction', { exact: true }).locator('option').allTextContents()).toEqual(['conversation']);
  expect(await page.getByLabel('The content').locator('option').allTextContents()).not.toContain('remove it (company site)');
  await page.getByLabel('Why, for the content').fill('The post is already forgotten; asking would revive it.');
  await page.getByLabel('Rationale').fill('A first, minor misjudgement: a conversation is enough.');
  await screenshot(page, 'case-decision');
  expect(await unnamedElements(page)).toEqual([]);
  await page.getByRole('button', { name: 'Record the decision' }).click();
  await page.getByRole('status').filter({ hasText: 'Decision recorded.' }).waitFor();

  const state = await caseState(stack, caseId);
  expect(state.decision?.decision).toMatchObject({ outcome: 'sanction', sanction: 'conversation' });
  expect(state.decision?.decidedBy.sub).toBe(managerId);
  await waitForStatus(stack, caseId, 'closed');
});

test('the sign-in and the navigation work from the keyboard alone', async () => {
  await page.goto(`${server.baseUrl}/`);
  await page.getByLabel('Directory id').waitFor();
  expect(await unnamedElements(page)).toEqual([]);
  await page.getByLabel('Directory id').focus();
  await page.keyboard.type('e-keyboard');
  // Past the name and the default role (manager), then Enter submits the form.
  await page.keyboard.press('Enter');
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  // The page's heading takes the focus (once the page has painted); from the top, the first Tab reaches the skip link, which goes back to the content.
  await page.waitForFunction("document.activeElement?.id === 'page-title'");
  await page.evaluate('document.activeElement.blur()');
  await page.keyboard.press('Tab');
  expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to the content');
  await page.keyboard.press('Enter');
  expect(await page.evaluate('document.activeElement.id')).toBe('page-title');
  expect(await page.evaluate('document.activeElement.textContent')).toBe('My work');
  await page.getByRole('link', { name: 'Policy' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Policy', level: 1 }).waitFor();
  await page.waitForFunction("document.activeElement?.id === 'page-title' && document.activeElement.textContent === 'Policy'");
});

test('a refusal shows its reason at the field it is about', async () => {
  const managerId = await hireEmployee(stack);
  const act = { kind: 'inappropriate', category: 'inappropriate_media', severity: 'minor' } as const;
  const first = await openCase(stack, act, { employeeId: await hireEmployee(stack, { managerId }) });
  const managerToken = await stack.tokenFor(managerId, 'manager');
  const decided = await post(stack, `/api/cases/${first.caseId}/decision`, managerToken, sanction('conversation'));
  expect(decided.status).toBe(200);
  const second = await openCase(stack, act, { employeeId: await hireEmployee(stack, { managerId }) });

  await signInAs(page, server.baseUrl, managerId, ['manager']);
  await page.goto(caseUrl(second.caseId));
  await page.getByRole('heading', { name: 'Decide' }).waitFor();
  await page.getByLabel('Sanction', { exact: true }).selectOption('mandatory_training');
  await page.getByLabel('Why, for the content').fill('Leaving it draws no attention.');
  await page.getByLabel('Rationale').fill('Training seems more useful.');
  await page.getByRole('button', { name: 'Record the decision' }).click();

  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toContain('inconsistent_with_precedent');
  expect(await alert.textContent()).toContain('needs a written justification');
  const justification = page.getByLabel('Justification (when departing from precedent)');
  expect(await justification.getAttribute('aria-invalid')).toBe('true');
  await screenshot(page, 'case-refusal');
  expect((await caseState(stack, second.caseId)).status).toBe('awaiting_decision');
});

test('a committee member approves a suspension, and the explanation editor marks what still identifies the employee', async () => {
  const { caseId, employeeId } = await openCase(stack, {
    kind: 'inappropriate',
    category: 'customer_data_disclosure',
    severity: 'serious',
  });
  const decider = await stack.tokenFor(stack.unique('committee'), 'steering_committee');
  const decided = await post(stack, `/api/cases/${caseId}/decision`, decider, sanction('suspension'));
  expect(decided.status).toBe(200);

  const approver = stack.unique('committee');
  await signInAs(page, server.baseUrl, approver, ['steering_committee']);
  await page.getByRole('row').filter({ hasText: caseId }).getByRole('link', { name: 'Approve or send back a harsh sanction' }).click();
  await page.getByRole('heading', { name: 'Approve the sanction' }).waitFor();
  await page.getByLabel('Rationale').fill('Proportionate to a serious disclosure of customer data.');
  await screenshot(page, 'case-approval');
  await page.getByRole('button', { name: 'Send the answer' }).click();
  await page.getByRole('status').filter({ hasText: 'Approved.' }).waitFor();
  const approved = await waitForStatus(stack, caseId, 'explaining');
  expect(approved.approval).toMatchObject({ approve: true, approvedBy: { sub: approver } });

  // The lesson under review: a name typed into it is found and marked before it is sent.
  const employee = await stack.db.employee.findUniqueOrThrow({ where: { id: employeeId } });
  await page.reload();
  await page.getByRole('heading', { name: /^Explanation/ }).waitFor();
  const whatHappened = page.getByLabel('What the employee did');
  await whatHappened.fill(`${await whatHappened.inputValue()} ${employee.name} admitted it.`);
  await page.getByRole('button', { name: 'Check anonymisation' }).click();
  await page.locator('mark').first().waitFor();
  const marked = await page.locator('mark').allTextContents();
  expect(marked).toContain('Robin');
  expect(marked.every((text) => employee.name.includes(text))).toBe(true);
  expect(await whatHappened.getAttribute('aria-invalid')).toBe('true');
  await screenshot(page, 'explanation-editor');
  expect(await unnamedElements(page)).toEqual([]);
});

test('an employee acknowledges the revised policy from the page', async () => {
  const employeeId = await hireEmployee(stack, { department: 'support' });
  // A version of this file's own: a campaign's workflow id derives from its version, and the seeded first version has the same id in every database.
  const version = await createPolicyVersion(stack.db, 2);
  const campaignId = await startCampaign(stack, version.id);
  await eventually(
    async () => ((await stack.db.campaignRecipient.count({ where: { campaignId, employeeId } })) > 0 ? true : undefined),
    30_000,
    'the campaign audience',
  );

  await signInAs(page, server.baseUrl, employeeId, ['employee']);
  await page.getByRole('link', { name: 'To acknowledge' }).click();
  await page.getByRole('button', { name: 'I have read the revised policy' }).waitFor();
  await screenshot(page, 'acknowledge');
  await page.getByRole('button', { name: 'I have read the revised policy' }).click();
  await page.getByRole('status').filter({ hasText: 'You have acknowledged every revised policy.' }).waitFor();
  expect(await stack.db.acknowledgement.count({ where: { campaignId, employeeId } })).toBe(1);

  // Communications follow the coverage by department.
  await signOut(page);
  await signInAs(page, server.baseUrl, 'comms-1', ['communications']);
  await page.goto(`${server.baseUrl}/#/campaigns/${encodeURIComponent(campaignId)}`);
  await page.locator('figcaption', { hasText: 'Acknowledgements by department' }).waitFor();
  expect(await page.locator('.chart-label').allTextContents()).toEqual(
    expect.arrayContaining([expect.stringMatching(/^support \(\d+ %\)$/)]),
  );
  await screenshot(page, 'campaign');
  expect(await unnamedElements(page)).toEqual([]);
});

test('the consistency dashboard draws the period’s decisions', async () => {
  await signInAs(page, server.baseUrl, stack.unique('committee'), ['steering_committee']);
  await page.getByRole('link', { name: 'Consistency' }).click();
  await page.locator('figcaption', { hasText: 'Sanctions by act (category and severity)' }).waitFor();
  const labels = await page.locator('figure').filter({ hasText: 'Sanctions by act' }).locator('.chart-label').allTextContents();
  // The earlier tests of this file decided these acts in this file's database.
  expect(labels).toEqual(
    expect.arrayContaining(['error of judgement/minor', 'inappropriate media/minor', 'customer data disclosure/serious']),
  );
  expect(await page.locator('figure').filter({ hasText: 'Sanctions by act' }).locator('rect.segment').count()).toBeGreaterThanOrEqual(3);
  await screenshot(page, 'dashboard');
  expect(await unnamedElements(page)).toEqual([]);

  await page.getByRole('link', { name: 'Policy' }).click();
  await page.getByRole('link', { name: 'Social-media policy' }).click();
  await page.getByText('The text in force').waitFor();
  await screenshot(page, 'policy');
});
