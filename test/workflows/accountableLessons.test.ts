import { DEFAULT_ROUTING_RULES } from '../../src/domain/routing';
import { openCase, post, sanction, waitForStatus } from '../support/cases';
import { eventually, hireEmployee } from '../support/fixtures';
import { HttpReceiver } from '../support/httpReceiver';
import { type Stack, startStack } from '../support/stack';

const ACT = { kind: 'inappropriate', category: 'customer_data_disclosure', severity: 'moderate' } as const;
const HOUR = 3_600_000;

interface Part {
  key: string;
  heading: string;
  text: string;
}

describe("a manager-routed lesson: the employee's own manager, and a minimum publication delay", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      explanations: true,
      // Moderate cases go to the manager here, so that their lessons are a manager's to review.
      routing: { ...DEFAULT_ROUTING_RULES, inappropriate: { ...DEFAULT_ROUTING_RULES.inappropriate, moderate: 'manager' } },
      access: { indirectReports: true, minPublicationDelayMs: HOUR },
    });
  });
  afterAll(() => stack.stop());

  it('lets only the own manager act on it, and refuses a publication date sooner than the minimum', async () => {
    const skipLevel = await hireEmployee(stack);
    const managerId = await hireEmployee(stack, { managerId: skipLevel });
    const employeeId = await hireEmployee(stack, { managerId });
    const { caseId } = await openCase(stack, ACT, { employeeId });
    const [manager, skip, other] = await Promise.all([
      stack.tokenFor(managerId, 'manager'),
      stack.tokenFor(skipLevel, 'manager'),
      stack.tokenFor(await hireEmployee(stack), 'manager'),
    ]);
    // A skip-level manager sees the case (indirect reports are on here) but does not decide it.
    expect((await post(stack, `/api/cases/${caseId}/decision`, skip, sanction('written_warning'))).status).toBe(403);
    expect((await post(stack, `/api/cases/${caseId}/decision`, manager, sanction('written_warning'))).status).toBe(200);
    await waitForStatus(stack, caseId, 'explaining');

    const lesson = `/api/cases/${caseId}/explanation`;
    const draft = (await stack.http.get(lesson).set('Authorization', `Bearer ${skip}`)).body;
    expect(draft.status).toBe('draft');
    const edit = (token: string) =>
      stack.http
        .put(lesson)
        .set('Authorization', `Bearer ${token}`)
        .send({ title: 'Customer data stays inside', parts: draft.parts.map(({ key, heading, text }: Part) => ({ key, heading, text })) });
    expect((await edit(other)).status).toBe(404);
    expect((await edit(skip)).status).toBe(403);
    expect((await post(stack, `${lesson}/approve`, skip, {})).status).toBe(403);
    expect((await post(stack, `${lesson}/withdraw`, skip, { reason: 'no' })).status).toBe(403);
    expect((await edit(manager)).status).toBe(200);

    const comms = await stack.tokenFor('comms-accountable', 'communications');
    const tooSoon = await post(stack, `${lesson}/approve`, comms, { publishAt: new Date(Date.now() + 1_000).toISOString() });
    expect([tooSoon.status, tooSoon.body.error.code]).toEqual([422, 'publish_too_soon']);
    expect(tooSoon.body.error.message).toBe('publishAt must be at least 1 hour after the approval.');
    const publishAt = new Date(Date.now() + 2 * HOUR).toISOString();
    const approved = await post(stack, `${lesson}/approve`, comms, { publishAt });
    expect([approved.status, approved.body.publishAt]).toEqual([200, publishAt]);
    expect((await post(stack, `${lesson}/withdraw`, manager, { reason: 'The employee objected in time.' })).status).toBe(200);
    await stack.temporal.workflow.getHandle(caseId).result();
  });
});

describe('a lesson posted to the social network', () => {
  const webhook = new HttpReceiver('/hooks/escaped');
  let stack: Stack;
  beforeAll(async () => {
    await webhook.start();
    stack = await startStack({ explanations: true, caseTiming: { publicationDelayMs: 1_000 }, socialWebhookUrl: webhook.url });
  });
  afterAll(async () => {
    await stack.stop();
    await webhook.stop();
  });

  it('is plain text: its mrkdwn control sequences are escaped in the webhook, and the feed gives the text as written', async () => {
    const { caseId } = await openCase(stack, ACT);
    const lead = await stack.tokenFor('lead-escape', 'social_media_lead');
    const comms = await stack.tokenFor('comms-escape', 'communications');
    expect((await post(stack, `/api/cases/${caseId}/decision`, lead, sanction('written_warning'))).status).toBe(200);
    await waitForStatus(stack, caseId, 'explaining');
    const draft = (await stack.http.get(`/api/cases/${caseId}/explanation`).set('Authorization', `Bearer ${lead}`)).body;
    const title = `<!channel> Data & trust: read <https://evil.example/login|the policy> ${stack.unique('t')}`;
    const parts = draft.parts.map(({ key, heading, text }: Part, i: number) =>
      i === 0 ? { key, heading, text: 'An employee posted customer data. Ask <@U024BE7LH> > anyone.' } : { key, heading, text },
    );
    expect(
      (await stack.http.put(`/api/cases/${caseId}/explanation`).set('Authorization', `Bearer ${comms}`).send({ title, parts })).status,
    ).toBe(200);
    expect((await post(stack, `/api/cases/${caseId}/explanation/approve`, lead, {})).status).toBe(200);

    const posted = await eventually(
      async () => webhook.accepted.find((call) => JSON.stringify(call.body).includes(title.slice(-10))),
      20_000,
      'the lesson to be posted',
    );
    const text = (posted.body as { text: string }).text;
    expect(text).not.toMatch(/<!channel>|<https:|<@U/);
    expect(text).toContain('&lt;!channel&gt; Data &amp; trust: read &lt;https://evil.example/login|the policy&gt;');
    expect(text).toContain('Ask &lt;@U024BE7LH&gt; &gt; anyone.');
    const feed = await stack.http.get('/api/lessons').set('Authorization', `Bearer ${comms}`);
    expect(feed.body.lessons.find((l: { title: string }) => l.title === title)).toBeDefined();
  });
});
