import type { CampaignOutcome } from '../../src/workflows/campaignWorkflow';
import {
  bearer,
  campaignDatabase,
  campaignState,
  createPolicyVersion,
  type DirectoryPerson,
  seedDirectory,
  startCampaign,
  waitForPhase,
} from '../support/campaigns';
import type { ScratchDatabase } from '../support/databases';
import { eventually } from '../support/fixtures';
import { SmtpSink } from '../support/smtpServer';
import { type Stack, startStack } from '../support/stack';

const REMINDER_INTERVAL = 4_000;

describe('reminders until the deadline, then the managers’ report', () => {
  let database: ScratchDatabase;
  let stack: Stack;
  let sink: SmtpSink;
  let managers: DirectoryPerson[];
  let staff: DirectoryPerson[];
  let everyone: DirectoryPerson[];
  let campaignId: string;
  let outcome: CampaignOutcome;
  let deadline: Date;
  /** Reminder rounds that fit between the campaign's start (when its workflow opened it) and its deadline. */
  let rounds: number;

  const acknowledge = async (person: DirectoryPerson) => {
    const response = await stack.http
      .post(`/api/campaigns/${campaignId}/acknowledgements`)
      .set('Authorization', await bearer(stack, person.id, 'employee'));
    expect(response.status).toBe(201);
  };
  const recipientsOf = (message: string) =>
    sink.mails
      .filter((mail) => mail.headers['x-campaign-message'] === message)
      .flatMap((mail) => mail.to)
      .sort();
  const emailsOf = (people: DirectoryPerson[]) => people.map((person) => person.email).sort();

  beforeAll(async () => {
    database = await campaignDatabase('campaign_remind');
    sink = await new SmtpSink().start();
    stack = await startStack({
      databaseUrl: database.url,
      smtpUrl: sink.url,
      campaigns: { reminderIntervalMs: REMINDER_INTERVAL, batchSize: 5 },
    });
    ({ managers, staff, everyone } = await seedDirectory(stack.db, { prefix: 'rem', managers: 2, perManager: 3 }));
    const version = await createPolicyVersion(stack.db, 3);
    // Reminders every 4 s from the start; the deadline after 14 s: three rounds, or two if the start lagged.
    deadline = new Date(Date.now() + 3 * REMINDER_INTERVAL + 2_000);
    campaignId = await startCampaign(stack, version.id, deadline);
    await waitForPhase(stack, campaignId, ['reminding']);
    const { startedAt } = await stack.db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    rounds = Math.ceil((deadline.getTime() - startedAt.getTime()) / REMINDER_INTERVAL) - 1;
    // Before the first reminder: two staff (one per manager) and a manager acknowledge.
    await acknowledge(staff[0]);
    await acknowledge(staff[3]);
    await acknowledge(managers[1]);
    // After the first reminder, before the second: one more.
    await eventually(
      async () => ((await campaignState(stack, campaignId)).remindersSent >= 1 ? true : undefined),
      20_000,
      'the first reminder',
    );
    await acknowledge(staff[1]);
    outcome = await stack.temporal.workflow.getHandle(campaignId).result();
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await sink?.stop();
    await database?.drop();
  });

  it('reminds only those who have not acknowledged, once per round', () => {
    expect(recipientsOf('announcement')).toEqual(emailsOf(everyone));
    expect(recipientsOf('reminder-1')).toEqual(emailsOf(everyone.filter((p) => ![staff[0], staff[3], managers[1]].includes(p))));
    const stillMissing = everyone.filter((p) => ![staff[0], staff[3], managers[1], staff[1]].includes(p));
    expect(rounds).toBeGreaterThanOrEqual(2);
    for (let round = 2; round <= rounds; round += 1) expect(recipientsOf(`reminder-${round}`)).toEqual(emailsOf(stillMissing));
    expect(recipientsOf(`reminder-${rounds + 1}`)).toEqual([]);
    const reminder = sink.mails.find((mail) => mail.headers['x-campaign-message'] === 'reminder-2')!;
    expect(reminder.subject).toMatch(/^Reminder 2: please acknowledge Social-media policy \(version 3\) by /);
    const messageIds = sink.mails.map((mail) => mail.messageId);
    expect(new Set(messageIds).size).toBe(messageIds.length);
  });

  it('sends each manager, after the deadline, the list of their reports who did not acknowledge', () => {
    const reports = sink.mails.filter((mail) => mail.headers['x-campaign-message'] === 'manager-report');
    expect(reports.map((mail) => mail.to[0]).sort()).toEqual(emailsOf(managers));
    const first = reports.find((mail) => mail.to[0] === managers[0].email)!;
    expect(first.subject).toBe('1 of your direct reports has not acknowledged Social-media policy (version 3)');
    expect(first.text).toContain(`- ${staff[2].name} (${staff[2].id}, ${staff[2].department})`);
    expect(first.text).not.toContain(staff[0].id);
    expect(first.text).not.toContain(staff[1].id);
    const second = reports.find((mail) => mail.to[0] === managers[1].email)!;
    expect(second.subject).toBe('2 of your direct reports have not acknowledged Social-media policy (version 3)');
    expect(second.text).toContain(staff[4].id);
    expect(second.text).toContain(staff[5].id);
    expect(second.text).not.toContain(staff[3].id);
    // The Date header has whole seconds.
    expect(Date.parse(first.headers.date)).toBeGreaterThanOrEqual(Math.floor(deadline.getTime() / 1000) * 1000);
  });

  it('completes at its deadline with a final report', async () => {
    expect(outcome).toMatchObject({
      campaignId,
      status: 'completed',
      total: everyone.length,
      acknowledged: 4,
      supersededBy: null,
      remindersSent: rounds,
    });
    const view = await stack.http
      .get(`/api/campaigns/${campaignId}`)
      .set('Authorization', await bearer(stack, 'comms-1', 'communications'));
    expect(view.body).toMatchObject({
      status: 'completed',
      live: null,
      coverage: { total: everyone.length, acknowledged: 4 },
      emails: {
        announcement: { sent: everyone.length },
        reminders: { rounds, sent: 5 + 4 * (rounds - 1) },
        managerReports: { sent: 2 },
      },
      finalReport: { status: 'completed', coverage: { total: everyone.length, acknowledged: 4 } },
    });
    const inbox = await stack.http.get('/api/me/notifications').set('Authorization', await bearer(stack, 'comms-1', 'communications'));
    expect(inbox.body.notifications).toEqual([
      expect.objectContaining({ subject: 'Campaign on Social-media policy version 3 completed: 50% acknowledged', caseId: null }),
    ]);
  });

  it('still takes a late acknowledgement, marked late, and lists the overdue one until then', async () => {
    const token = await bearer(stack, staff[5].id, 'employee');
    const pending = await stack.http.get('/api/me/acknowledgements').set('Authorization', token);
    expect(pending.body.pending).toEqual([expect.objectContaining({ campaignId, overdue: true })]);
    const late = await stack.http.post(`/api/campaigns/${campaignId}/acknowledgements`).set('Authorization', token);
    expect(late.status).toBe(201);
    expect(late.body.late).toBe(true);
    // The final report stays as it was at the deadline; the live coverage counts the late one.
    const view = await stack.http.get(`/api/campaigns/${campaignId}`).set('Authorization', await bearer(stack, 'hr-1', 'hr'));
    expect(view.body.coverage.acknowledged).toBe(5);
    expect(view.body.finalReport.coverage.acknowledged).toBe(4);
  });
});
