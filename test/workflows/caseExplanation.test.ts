import { actionsOf, caseState, closedCase, openCase, post, sanction, waitForStatus } from '../support/cases';
import { eventually, hireEmployee } from '../support/fixtures';
import { HttpReceiver } from '../support/httpReceiver';
import { type Stack, startStack } from '../support/stack';
import { startWorkerProcess } from '../support/workerProcess';

const ACT = { kind: 'inappropriate', category: 'customer_data_disclosure', severity: 'moderate' } as const;
const POSITIVE = { kind: 'positive', category: 'customer_service', severity: 'minor' } as const;

interface Part {
  key: string;
  heading: string;
  text: string;
}

async function hireZoe(stack: Stack) {
  const id = stack.unique('zoe');
  const hr = await stack.tokenFor('hr-directory', 'hr');
  const response = await stack.http
    .put(`/api/employees/${id}`)
    .set('Authorization', `Bearer ${hr}`)
    .send({
      name: 'Zoë Ørsted-Lindqvist',
      email: `${id}@corp.example`,
      department: 'retail',
      managerId: await hireEmployee(stack),
      handles: ['@zoe_orsted'],
    });
  expect(response.status).toBe(201);
  return id;
}

describe('explaining why a measure was taken', () => {
  let stack: Stack;
  const webhook = new HttpReceiver('/hooks/lessons', [500]);
  let lead: string;
  let comms: string;
  let everyone: string;

  beforeAll(async () => {
    await webhook.start();
    stack = await startStack({ explanations: true, caseTiming: { publicationDelayMs: 1_500 }, socialWebhookUrl: webhook.url });
    lead = await stack.tokenFor('lead-lessons', 'social_media_lead');
    comms = await stack.tokenFor('comms-lessons', 'communications');
    everyone = await stack.tokenFor('any-employee', 'employee');
  });
  afterAll(async () => {
    await stack.stop();
    await webhook.stop();
  });

  const explanationOf = async (caseId: string) =>
    (await stack.http.get(`/api/cases/${caseId}/explanation`).set('Authorization', `Bearer ${lead}`)).body;
  const edit = (caseId: string, token: string, body: object) =>
    stack.http.put(`/api/cases/${caseId}/explanation`).set('Authorization', `Bearer ${token}`).send(body);
  const approve = (caseId: string, token: string, body: object = {}) =>
    post(stack, `/api/cases/${caseId}/explanation/approve`, token, body);

  it('drafts, reviews, publishes to the feed and posts once to the social network despite a failed first attempt', async () => {
    const employeeId = await hireZoe(stack);
    const { caseId } = await openCase(stack, ACT, {
      employeeId,
      detection: {
        url: 'https://x.example/zoe_orsted/status/991',
        content: 'here is the full list of our premium customers and their phone numbers',
      },
    });
    const decided = await post(
      stack,
      `/api/cases/${caseId}/decision`,
      lead,
      sanction('written_warning', {
        rationale: 'Zoë Ørsted-Lindqvist (@zoe_orsted) published customer phone numbers.',
      }),
    );
    expect(decided.status).toBe(200);
    await waitForStatus(stack, caseId, 'explaining');

    const draft = await explanationOf(caseId);
    expect(draft).toMatchObject({ kind: 'sanction', status: 'draft', revision: 1, title: 'A lesson on customer data disclosure' });
    expect(draft.parts.map((part: Part) => part.key)).toEqual(['what_happened', 'why_inappropriate', 'measure_taken', 'why_that_measure']);
    expect(draft.parts[2].text).toBe(
      'The measure was written warning. The post was left online, because asking for its removal would have drawn more attention to it.',
    );
    expect(draft.parts[3].text).toContain('The decider explained: the employee ([handle removed]) published customer phone numbers.');
    expect(JSON.stringify(draft)).not.toMatch(/Zo[eë]|Ørsted|Orsted|Lindqvist|zoe_orsted|x\.example|premium customers and their phone/i);

    const named = await edit(caseId, comms, {
      title: draft.title,
      parts: draft.parts.map((part: Part, i: number) => (i === 0 ? { ...part, text: 'Zoe ORSTED posted it.' } : part)),
    });
    expect(named.status).toBe(422);
    expect(named.body.error).toMatchObject({
      code: 'identifies_employee',
      message: 'The explanation still identifies the employee: name "Zoe", name "ORSTED".',
    });
    const empty = await edit(caseId, comms, {
      title: draft.title,
      parts: draft.parts.map((part: Part, i: number) => (i === 1 ? { ...part, text: '' } : part)),
    });
    expect([empty.status, empty.body.error.code]).toEqual([422, 'empty_part']);
    expect((await edit(caseId, everyone, { title: 't', parts: draft.parts })).status).toBe(403);

    const improved = draft.parts.map((part: Part, i: number) =>
      i === 0 ? { ...part, text: 'An employee posted a list of customers and their phone numbers.' } : part,
    );
    const edited = await edit(caseId, comms, { title: 'Customer data stays inside', parts: improved });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ revision: 2, lastEditor: 'comms-lessons', title: 'Customer data stays inside' });

    const selfApproval = await approve(caseId, comms);
    expect([selfApproval.status, selfApproval.body.error.code]).toEqual([403, 'four_eyes']);
    const approved = await approve(caseId, lead);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const twice = await approve(caseId, await stack.tokenFor('lead-two', 'social_media_lead'));
    expect([twice.status, twice.body.error.code]).toEqual([409, 'already_approved']);
    expect((await caseState(stack, caseId)).status).toBe('awaiting_publication');

    const view = await closedCase(stack, caseId, lead);
    expect(actionsOf(view)).toEqual([
      'case_opened',
      'decision_taken',
      'sanction_applied',
      'content_left',
      'explanation_drafted',
      'explanation_edited',
      'explanation_approved',
      'lesson_published',
      'lesson_posted',
      'case_closed',
    ]);
    const feed = await stack.http.get('/api/lessons?limit=100').set('Authorization', `Bearer ${everyone}`);
    expect(feed.status).toBe(200);
    const lesson = feed.body.lessons.find((item: { title: string }) => item.title === 'Customer data stays inside');
    expect(lesson.parts[0].text).toBe('An employee posted a list of customers and their phone numbers.');

    const posts = webhook.calls.filter((call) => JSON.stringify(call.body).includes('Customer data stays inside'));
    expect(posts.map((call) => call.status)).toEqual([500, 200]);
    expect(posts[1].body).toEqual({
      text: expect.stringMatching(/^\*Customer data stays inside\*\n\nWhat the employee did: An employee posted/),
    });
  });

  it('publishes a good-practice example at the requested time', async () => {
    const { caseId } = await openCase(stack, POSITIVE);
    const plan = { amplify: false, shareInsightWith: 'support', reproduce: 'Answer complaints publicly and kindly.' };
    expect(
      (
        await post(stack, `/api/cases/${caseId}/decision`, lead, {
          outcome: 'capitalize',
          plan,
          rationale: 'A public reply turned a complaint into praise.',
        })
      ).status,
    ).toBe(200);
    await waitForStatus(stack, caseId, 'explaining');
    const draft = await explanationOf(caseId);
    expect(draft.parts.map((part: Part) => [part.key, part.text])).toEqual([
      ['what_happened', "An employee's post on x about customer service reached a few thousand people."],
      ['why_it_helped', 'A public reply turned a complaint into praise.'],
      ['how_to_repeat', 'Answer complaints publicly and kindly.'],
    ]);
    const past = await approve(caseId, comms, { publishAt: '2020-01-01T00:00:00Z' });
    expect([past.status, past.body.error.code]).toEqual([422, 'publish_at_past']);
    const publishAt = new Date(Date.now() + 1_000).toISOString();
    expect((await approve(caseId, comms, { publishAt })).body.publishAt).toBe(publishAt);
    await waitForStatus(stack, caseId, 'following_up');
    const feed = await stack.http.get('/api/lessons').set('Authorization', `Bearer ${everyone}`);
    expect(
      feed.body.lessons.some(
        (item: { title: string; kind: string }) => item.kind === 'good_practice' && item.title === 'Good practice: customer service',
      ),
    ).toBe(true);
  });

  it('withdraws a scheduled explanation before publication, and the case closes', async () => {
    const { caseId } = await openCase(stack, ACT);
    expect((await post(stack, `/api/cases/${caseId}/decision`, lead, sanction('written_warning'))).status).toBe(200);
    await waitForStatus(stack, caseId, 'explaining');
    expect((await approve(caseId, comms, { publishAt: new Date(Date.now() + 3_600_000).toISOString() })).status).toBe(200);
    const withdrawn = await post(stack, `/api/cases/${caseId}/explanation/withdraw`, lead, { reason: 'The employee appealed.' });
    expect(withdrawn.status).toBe(200);
    const view = await closedCase(stack, caseId, lead);
    expect(actionsOf(view).slice(-2)).toEqual(['explanation_withdrawn', 'case_closed']);
    const record = await stack.db.explanation.findUniqueOrThrow({ where: { caseId } });
    expect(record.status).toBe('withdrawn');
    expect(record.publishedAt).toBeNull();
    expect(await stack.db.socialPost.count({ where: { idempotencyKey: `lesson:${record.id}` } })).toBe(0);
  });
});

describe('a publication waiting while the worker restarts', () => {
  let stack: Stack;
  const webhook = new HttpReceiver('/hooks/lessons');
  beforeAll(async () => {
    await webhook.start();
    stack = await startStack({ worker: false, explanations: true, caseTiming: { publicationDelayMs: 4_000 } });
  });
  afterAll(async () => {
    await stack.stop();
    await webhook.stop();
  });

  it('is published once, on time, by the restarted worker', async () => {
    const env = { SOCIAL_WEBHOOK_URL: webhook.url };
    const first = await startWorkerProcess(stack, env);
    const { caseId } = await openCase(stack, ACT);
    const lead = await stack.tokenFor('lead-restart', 'social_media_lead');
    expect((await post(stack, `/api/cases/${caseId}/decision`, lead, sanction('written_warning'))).status).toBe(200);
    await waitForStatus(stack, caseId, 'explaining');
    const approved = await post(stack, `/api/cases/${caseId}/explanation/approve`, lead, {});
    expect(approved.status).toBe(200);
    const due = Date.parse(approved.body.publishAt);
    await waitForStatus(stack, caseId, 'awaiting_publication');
    await first.kill();

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const second = await startWorkerProcess(stack, env);
    try {
      const record = await eventually(
        async () => {
          const explanation = await stack.db.explanation.findUniqueOrThrow({ where: { caseId } });
          return explanation.publishedAt ? explanation : undefined;
        },
        30_000,
        'the publication',
      );
      expect(record.publishedAt!.getTime()).toBeGreaterThanOrEqual(due);
      await stack.temporal.workflow.getHandle(caseId).result();
      expect(webhook.accepted.filter((call) => JSON.stringify(call.body).includes(record.title))).toHaveLength(1);
    } finally {
      await second.stop();
    }
  }, 180_000);
});
