import { CAMPAIGN_DOCUMENT_ID } from '../../src/domain/campaign';
import {
  bearer,
  campaignDatabase,
  createPolicyVersion,
  type DirectoryPerson,
  seedDirectory,
  startCampaign,
  waitForPhase,
  workflowRuns,
} from '../support/campaigns';
import type { ScratchDatabase } from '../support/databases';
import { eventually } from '../support/fixtures';
import { HttpReceiver } from '../support/httpReceiver';
import { SmtpSink } from '../support/smtpServer';
import { type Stack, startStack } from '../support/stack';

const HOUR = 3600_000;

describe('a campaign announcing a revision of the social-media policy', () => {
  let database: ScratchDatabase;
  let stack: Stack;
  let sink: SmtpSink;
  let webhook: HttpReceiver;
  let everyone: DirectoryPerson[];
  let campaignId: string;
  let versionId: string;
  const refusedOnce = new Set<string>();
  let unknownMailbox: DirectoryPerson;
  let busyMailbox: DirectoryPerson;
  let departed: DirectoryPerson;

  beforeAll(async () => {
    database = await campaignDatabase('campaign_announce');
    sink = await new SmtpSink({
      verdict: (address) => {
        if (address === unknownMailbox?.email) return { code: 550, message: 'No such mailbox' };
        // A mailbox that is busy the first time: the server certainly did not take it, so it is sent again, once.
        if (address === busyMailbox?.email && !refusedOnce.has(address)) {
          refusedOnce.add(address);
          return { code: 451, message: 'Try again later' };
        }
        return null;
      },
    }).start();
    webhook = await new HttpReceiver('/hooks/social', [503]).start();
    stack = await startStack({
      databaseUrl: database.url,
      smtpUrl: sink.url,
      socialWebhookUrl: webhook.url,
      // Small batches and runs, so that a directory of 16 takes several batches and continues as new.
      campaigns: { batchSize: 4, batchesPerRun: 2, reminderIntervalMs: HOUR, acknowledgeWithinMs: 2 * HOUR },
    });
    ({ everyone } = await seedDirectory(stack.db, { prefix: 'ann', managers: 3, perManager: 4 }));
    unknownMailbox = everyone[4];
    busyMailbox = everyone[7];
    departed = everyone[10];
    await stack.db.employee.update({ where: { id: departed.id }, data: { active: false } });
    versionId = (await createPolicyVersion(stack.db, 2, 'Customer data may never be shown in posts, even blurred.')).id;
    campaignId = await startCampaign(stack, versionId);
    await waitForPhase(stack, campaignId, ['reminding']);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await sink?.stop();
    await webhook?.stop();
    await database?.drop();
  });

  const active = () => everyone.filter((person) => person !== departed);

  it('is one campaign per policy version, whoever asks again', async () => {
    expect(campaignId).toBe(`campaign-${versionId}`);
    const again = await stack.http
      .post('/api/campaigns')
      .set('Authorization', await bearer(stack, 'comms-2', 'communications'))
      .send({ policyVersionId: versionId });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ campaignId });
  });

  it('mails every active employee exactly once, with the summary of changes and the acknowledgement link', () => {
    for (const person of active()) {
      const expected = person === unknownMailbox ? 0 : 1;
      expect({ who: person.id, mails: sink.to(person.email).length }).toEqual({ who: person.id, mails: expected });
    }
    expect(sink.to(departed.email)).toHaveLength(0);
    expect(sink.mails).toHaveLength(active().length - 1);
    const mail = sink.to(everyone[0].email)[0];
    expect(mail.subject).toBe('Social-media policy has changed: please read and acknowledge version 2');
    expect(mail.text).toContain('Customer data may never be shown in posts, even blurred.');
    expect(mail.text).toContain(`http://localhost:3000/api/campaigns/${campaignId}/acknowledgements`);
    expect(mail.messageId).toBe(`<${campaignId}.announcement.${everyone[0].id}@localhost>`);
    expect(mail.headers['x-campaign-message']).toBe('announcement');
  });

  it('sends again what the server certainly did not take, and records what it refused for good', async () => {
    expect(sink.refusals).toEqual(
      expect.arrayContaining([
        { address: busyMailbox.email, code: 451 },
        { address: unknownMailbox.email, code: 550 },
      ]),
    );
    expect(sink.to(busyMailbox.email)).toHaveLength(1);
    const failed = await stack.db.campaignDelivery.findMany({ where: { campaignId, status: { not: 'sent' } } });
    expect(failed.map(({ employeeId, status }) => ({ employeeId, status }))).toEqual([{ employeeId: unknownMailbox.id, status: 'failed' }]);
  });

  it('posts the revision once to the enterprise social network, after a failed call', () => {
    expect(webhook.calls.map((call) => call.status)).toEqual([503, 200]);
    const post = webhook.accepted[0].body as { text: string };
    expect(post.text).toContain('Social-media policy: version 2 is out');
    expect(post.text).toContain('Customer data may never be shown in posts, even blurred.');
  });

  it('announces in batches with a short history: the workflow continued as new', async () => {
    const { runs, maxEvents } = await workflowRuns(stack, campaignId);
    expect(runs).toBeGreaterThan(1);
    expect(maxEvents).toBeLessThan(60);
  });

  it('reports coverage: acknowledged / total, by department, and the e-mails', async () => {
    const comms = await bearer(stack, 'comms-1', 'communications');
    const view = await stack.http.get(`/api/campaigns/${campaignId}`).set('Authorization', comms);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      campaignId,
      status: 'running',
      documentId: CAMPAIGN_DOCUMENT_ID,
      policyVersionId: versionId,
      versionNumber: 2,
      coverage: { total: active().length, acknowledged: 0, rate: 0 },
      emails: { announcement: { sent: active().length - 1, failed: 1, inDoubt: 0, sending: 0 }, reminders: { rounds: 0 } },
      live: { phase: 'reminding', remindersSent: 0 },
    });
    expect(view.body.coverage.byDepartment.map((row: { department: string; total: number }) => [row.department, row.total])).toEqual([
      ['engineering', 4],
      ['management', 3],
      ['sales', 4],
      ['support', 3],
    ]);
    const list = await stack.http.get('/api/campaigns').set('Authorization', comms);
    expect(list.body.campaigns).toEqual([expect.objectContaining({ campaignId, recipients: active().length, acknowledged: 0 })]);
  });

  describe('acknowledgements', () => {
    it('are listed for the employee until given, then idempotent', async () => {
      const person = everyone[5];
      const token = await bearer(stack, person.id, 'employee');
      const pending = await stack.http.get('/api/me/acknowledgements').set('Authorization', token);
      expect(pending.status).toBe(200);
      expect(pending.body.pending).toEqual([
        expect.objectContaining({ campaignId, versionNumber: 2, title: 'Social-media policy', overdue: false }),
      ]);

      const first = await stack.http.post(`/api/campaigns/${campaignId}/acknowledgements`).set('Authorization', token);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ campaignId, employeeId: person.id, late: false });
      const again = await stack.http
        .post(`/api/campaigns/${campaignId}/acknowledgements`)
        .set('Authorization', token)
        .send({ employeeId: person.id });
      expect(again.status).toBe(200);
      expect(again.body.acknowledgedAt).toBe(first.body.acknowledgedAt);
      expect((await stack.http.get('/api/me/acknowledgements').set('Authorization', token)).body.pending).toEqual([]);
      expect(await stack.db.acknowledgement.count({ where: { campaignId } })).toBe(1);
    });

    it('are one’s own only, and only for those the campaign addresses', async () => {
      const token = await bearer(stack, everyone[6].id, 'employee');
      const forSomeoneElse = await stack.http
        .post(`/api/campaigns/${campaignId}/acknowledgements`)
        .set('Authorization', token)
        .send({ employeeId: everyone[8].id });
      expect(forSomeoneElse.status).toBe(403);
      expect(forSomeoneElse.body.error.code).toBe('own_acknowledgement_only');
      expect(await stack.db.acknowledgement.count({ where: { campaignId, employeeId: everyone[8].id } })).toBe(0);

      const newcomer = 'ann-newcomer';
      await stack.db.employee.create({
        data: { id: newcomer, name: 'New Comer', email: 'ann-newcomer@example.test', department: 'sales' },
      });
      const notAddressed = await stack.http
        .post(`/api/campaigns/${campaignId}/acknowledgements`)
        .set('Authorization', await bearer(stack, newcomer, 'employee'));
      expect(notAddressed.status).toBe(403);
      expect(notAddressed.body.error.code).toBe('not_a_recipient');
      expect(
        (await stack.http.get('/api/me/acknowledgements').set('Authorization', await bearer(stack, newcomer, 'employee'))).body.pending,
      ).toEqual([]);

      const unknown = await stack.http.post('/api/campaigns/campaign-nope/acknowledgements').set('Authorization', token);
      expect(unknown.status).toBe(404);
    });

    it('show in the coverage by department', async () => {
      await stack.http
        .post(`/api/campaigns/${campaignId}/acknowledgements`)
        .set('Authorization', await bearer(stack, everyone[0].id, 'manager'));
      const view = await stack.http.get(`/api/campaigns/${campaignId}`).set('Authorization', await bearer(stack, 'hr-1', 'hr'));
      expect(view.body.coverage).toMatchObject({ total: active().length, acknowledged: 2 });
      const management = view.body.coverage.byDepartment.find((row: { department: string }) => row.department === 'management');
      expect(management).toEqual({ department: 'management', total: 3, acknowledged: 1, rate: 0.3333 });
    });
  });

  describe('starting a campaign by hand', () => {
    it('is for communications, on an existing version of the social-media policy', async () => {
      const comms = await bearer(stack, 'comms-1', 'communications');
      const employee = await bearer(stack, everyone[3].id, 'employee');
      expect((await stack.http.post('/api/campaigns').set('Authorization', employee).send({ policyVersionId: versionId })).status).toBe(
        403,
      );
      const missing = await stack.http.post('/api/campaigns').set('Authorization', comms).send({});
      expect(missing.status).toBe(400);
      expect(missing.body.error.fields).toEqual([{ path: 'policyVersionId', message: 'is required' }]);
      expect((await stack.http.post('/api/campaigns').set('Authorization', comms).send({ policyVersionId: 'nope' })).status).toBe(404);
      const past = await stack.http
        .post('/api/campaigns')
        .set('Authorization', comms)
        .send({ policyVersionId: versionId, deadline: '2020-01-01T00:00:00Z' });
      expect(past.status).toBe(422);

      await stack.db.policyDocument.upsert({
        where: { id: 'training-material' },
        update: {},
        create: { id: 'training-material', title: 'Training material' },
      });
      const training = await stack.db.policyVersion.create({
        data: {
          documentId: 'training-material',
          number: 7,
          text: '...',
          changeSummary: 'New exercise',
          author: 'x',
          effectiveAt: new Date(),
        },
      });
      const other = await stack.http.post('/api/campaigns').set('Authorization', comms).send({ policyVersionId: training.id });
      expect(other.status).toBe(422);
      expect(other.body.error.code).toBe('not_campaign_document');
    });
  });

  it('keeps to itself: every e-mail was claimed once and settled', async () => {
    await eventually(async () =>
      (await stack.db.campaignDelivery.count({ where: { campaignId, status: 'claimed' } })) === 0 ? true : undefined,
    );
    const rows = await stack.db.campaignDelivery.groupBy({ by: ['status'], where: { campaignId }, _count: { _all: true } });
    expect(Object.fromEntries(rows.map((row) => [row.status, row._count._all]))).toEqual({ sent: active().length - 1, failed: 1 });
  });
});
