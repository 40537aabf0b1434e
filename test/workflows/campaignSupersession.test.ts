import type { CampaignOutcome } from '../../src/workflows/campaignWorkflow';
import {
  bearer,
  campaignDatabase,
  createPolicyVersion,
  type DirectoryPerson,
  seedDirectory,
  startCampaign,
  waitForPhase,
} from '../support/campaigns';
import type { ScratchDatabase } from '../support/databases';
import { eventually } from '../support/fixtures';
import { HttpReceiver } from '../support/httpReceiver';
import { SmtpSink } from '../support/smtpServer';
import { type Stack, startStack } from '../support/stack';

const HOUR = 3600_000;

describe('a newer revision superseding an open campaign', () => {
  let database: ScratchDatabase;
  let stack: Stack;
  let sink: SmtpSink;
  let webhook: HttpReceiver;
  let everyone: DirectoryPerson[];
  let older: string;
  let newer: string;
  let olderOutcome: CampaignOutcome;

  const mailsOf = (campaignId: string) => sink.mails.filter((mail) => mail.headers['x-campaign-id'] === campaignId);

  beforeAll(async () => {
    database = await campaignDatabase('campaign_supersede');
    // A slow server, so that the newer revision arrives in the middle of the older one's announcement.
    sink = await new SmtpSink({ delayMs: 150 }).start();
    webhook = await new HttpReceiver('/hooks/social').start();
    stack = await startStack({
      databaseUrl: database.url,
      smtpUrl: sink.url,
      socialWebhookUrl: webhook.url,
      campaigns: { batchSize: 5, reminderIntervalMs: HOUR, acknowledgeWithinMs: 2 * HOUR },
    });
    ({ everyone } = await seedDirectory(stack.db, { prefix: 'sup', managers: 3, perManager: 9 }));
    const v2 = await createPolicyVersion(stack.db, 2, 'Version 2 changes.');
    const v3 = await createPolicyVersion(stack.db, 3, 'Version 3 changes.');
    older = await startCampaign(stack, v2.id);
    await eventually(async () => (mailsOf(older).length >= 6 ? true : undefined), 30_000, 'the older announcement to be under way');
    newer = await startCampaign(stack, v3.id);
    olderOutcome = await stack.temporal.workflow.getHandle(older).result();
    await waitForPhase(stack, newer, ['reminding'], 60_000);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await sink?.stop();
    await webhook?.stop();
    await database?.drop();
  });

  it('stops the older campaign cleanly: its workflow ends superseded, mid-announcement, and sends nothing more', async () => {
    expect(olderOutcome).toMatchObject({ campaignId: older, status: 'superseded', supersededBy: newer, remindersSent: 0 });
    const sentByOlder = mailsOf(older).length;
    expect(sentByOlder).toBeLessThan(everyone.length);
    const record = await stack.db.campaign.findUniqueOrThrow({ where: { id: older } });
    expect(record).toMatchObject({ status: 'superseded', supersededBy: newer });
    expect(record.completedAt).not.toBeNull();
    expect(record.finalReport).toMatchObject({ status: 'superseded', supersededBy: newer });
    // Nothing is left half-done: every claim of the older campaign was settled.
    expect(await stack.db.campaignDelivery.count({ where: { campaignId: older, status: 'claimed' } })).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsOf(older)).toHaveLength(sentByOlder);
  });

  it('announces the newer revision to everyone', () => {
    const recipients = mailsOf(newer).flatMap((mail) => mail.to);
    expect(recipients.sort()).toEqual(everyone.map((person) => person.email).sort());
    expect(webhook.accepted.map((call) => (call.body as { text: string }).text.split('\n')[0])).toEqual([
      '*Social-media policy: version 2 is out*',
      '*Social-media policy: version 3 is out*',
    ]);
  });

  it('asks employees to acknowledge the newer revision only', async () => {
    const token = await bearer(stack, everyone[0].id, 'employee');
    const pending = await stack.http.get('/api/me/acknowledgements').set('Authorization', token);
    expect(pending.body.pending.map((item: { campaignId: string }) => item.campaignId)).toEqual([newer]);
    const stale = await stack.http.post(`/api/campaigns/${older}/acknowledgements`).set('Authorization', token);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('campaign_superseded');
    const comms = await bearer(stack, 'comms-1', 'communications');
    const session = await stack.http
      .post(`/api/campaigns/${older}/sessions`)
      .set('Authorization', comms)
      .send({ startsAt: new Date(Date.now() + HOUR).toISOString(), facilitator: 'Sam', capacity: 5 });
    expect(session.status).toBe(409);
    expect(session.body.error.code).toBe('campaign_closed');
    const inbox = await stack.http.get('/api/me/notifications').set('Authorization', comms);
    expect(inbox.body.notifications.map((n: { subject: string }) => n.subject)).toContainEqual(
      expect.stringMatching(/^Campaign on Social-media policy version 2 superseded at \d+% acknowledged$/),
    );
  });

  it('starts an older revision’s campaign superseded at once, sending nothing', async () => {
    const v1 = await createPolicyVersion(stack.db, 1, 'Version 1.');
    const late = await startCampaign(stack, v1.id);
    const outcome = await stack.temporal.workflow.getHandle(late).result();
    expect(outcome).toMatchObject({ status: 'superseded', supersededBy: newer });
    expect(mailsOf(late)).toHaveLength(0);
    expect(webhook.accepted).toHaveLength(2);
    expect(await stack.db.campaign.findUniqueOrThrow({ where: { id: newer } })).toMatchObject({ status: 'running', supersededBy: null });
  });
});
