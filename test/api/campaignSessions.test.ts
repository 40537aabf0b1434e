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
import { type Stack, startStack } from '../support/stack';

const HOUR = 3600_000;

describe('know-how sessions of a campaign', () => {
  let database: ScratchDatabase;
  let stack: Stack;
  let webhook: HttpReceiver;
  let staff: DirectoryPerson[];
  let campaignId: string;
  let comms: string;

  const inAnHour = () => new Date(Date.now() + HOUR).toISOString();
  const schedule = (body: object, token = comms) =>
    stack.http.post(`/api/campaigns/${campaignId}/sessions`).set('Authorization', token).send(body);
  const registerAs = async (person: DirectoryPerson, sessionId: string) =>
    stack.http
      .post(`/api/campaigns/${campaignId}/sessions/${sessionId}/registrations`)
      .set('Authorization', await bearer(stack, person.id, 'employee'));

  beforeAll(async () => {
    database = await campaignDatabase('campaign_sessions');
    webhook = await new HttpReceiver('/hooks/social').start();
    // No SMTP server: the campaign runs, its e-mails are recorded as skipped.
    stack = await startStack({ databaseUrl: database.url, socialWebhookUrl: webhook.url, campaigns: { reminderIntervalMs: HOUR } });
    ({ staff } = await seedDirectory(stack.db, { prefix: 'ses', managers: 1, perManager: 10 }));
    const version = await createPolicyVersion(stack.db, 4);
    campaignId = await startCampaign(stack, version.id, new Date(Date.now() + 2 * HOUR));
    await waitForPhase(stack, campaignId, ['reminding']);
    comms = await bearer(stack, 'comms-1', 'communications');
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await webhook?.stop();
    await database?.drop();
  });

  it('are scheduled by communications, within the campaign, and announced on the social network', async () => {
    expect(
      (await schedule({ startsAt: inAnHour(), facilitator: 'Sam', capacity: 3 }, await bearer(stack, staff[0].id, 'employee'))).status,
    ).toBe(403);
    const invalid = await schedule({ startsAt: 'tomorrow', facilitator: ' ', capacity: 0 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.fields.map((field: { path: string }) => field.path).sort()).toEqual(['capacity', 'facilitator', 'startsAt']);
    const past = await schedule({ startsAt: new Date(Date.now() - 60_000).toISOString(), facilitator: 'Sam', capacity: 3 });
    expect(past.status).toBe(422);
    expect(past.body.error.code).toBe('session_in_past');
    const late = await schedule({ startsAt: new Date(Date.now() + 3 * HOUR).toISOString(), facilitator: 'Sam', capacity: 3 });
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('session_after_deadline');

    const created = await schedule({ startsAt: inAnHour(), facilitator: 'Sam Facilitator', capacity: 3 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ campaignId, facilitator: 'Sam Facilitator', capacity: 3, registered: 0, heldAt: null });
    const post = await eventually(async () =>
      webhook.accepted.find((call) => (call.body as { text: string }).text.includes('Sam Facilitator')),
    );
    expect((post.body as { text: string }).text).toContain('Know-how session on social-media policy version 4');
  });

  it('take registrations up to their capacity, however many register at once', async () => {
    const { body: session } = await schedule({ startsAt: inAnHour(), facilitator: 'Capacity Test', capacity: 3 });
    const answers = await Promise.all(staff.slice(0, 8).map((person) => registerAs(person, session.id)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 201, 201, 409, 409, 409, 409, 409]);
    expect(answers.filter((answer) => answer.status === 409).every((answer) => answer.body.error.code === 'session_full')).toBe(true);
    expect(await stack.db.sessionRegistration.count({ where: { sessionId: session.id } })).toBe(3);
    expect((await stack.db.knowHowSession.findUniqueOrThrow({ where: { id: session.id } })).registeredCount).toBe(3);

    const listed = await stack.http
      .get(`/api/campaigns/${campaignId}/sessions`)
      .set('Authorization', await bearer(stack, staff[9].id, 'employee'));
    expect(listed.body.sessions.find((s: { id: string }) => s.id === session.id)).toMatchObject({
      placesLeft: 0,
      registered: 3,
      mine: null,
    });
  });

  it('register each person once, even when they ask several times at once', async () => {
    const { body: session } = await schedule({ startsAt: inAnHour(), facilitator: 'Once Test', capacity: 5 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => registerAs(staff[9], session.id)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect((await stack.db.knowHowSession.findUniqueOrThrow({ where: { id: session.id } })).registeredCount).toBe(1);
    const outsider = await stack.http
      .post(`/api/campaigns/${campaignId}/sessions/${session.id}/registrations`)
      .set('Authorization', await bearer(stack, 'not-in-directory', 'employee'));
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.code).toBe('not_a_recipient');
  });

  it('record attendance of registered employees, which marks the session held, and the report shows them', async () => {
    const { body: session } = await schedule({ startsAt: inAnHour(), facilitator: 'Attendance Test', capacity: 4 });
    for (const person of staff.slice(0, 3)) expect((await registerAs(person, session.id)).status).toBe(201);
    const attendance = (body: object, token = comms) =>
      stack.http.post(`/api/campaigns/${campaignId}/sessions/${session.id}/attendance`).set('Authorization', token).send(body);

    expect((await attendance({ attended: [staff[0].id] }, await bearer(stack, staff[0].id, 'employee'))).status).toBe(403);
    const stranger = await attendance({ attended: [staff[0].id, staff[8].id] });
    expect(stranger.status).toBe(422);
    expect(stranger.body.error.fields).toEqual([{ path: 'attended.1', message: `${staff[8].id} is not registered for this session` }]);

    const recorded = await attendance({ attended: [staff[0].id, staff[1].id] });
    expect(recorded.status).toBe(200);
    expect(recorded.body.session).toMatchObject({ id: session.id, attended: 2 });
    expect(recorded.body.session.heldAt).not.toBeNull();
    const closed = await registerAs(staff[4], session.id);
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('session_started');

    const view = await stack.http.get(`/api/campaigns/${campaignId}`).set('Authorization', comms);
    expect(view.body.sessions).toMatchObject({ scheduled: 4, held: 1, registered: 3 + 1 + 3, attended: 2 });
    expect(view.body.sessions.list.find((s: { id: string }) => s.id === session.id)).toMatchObject({ registered: 3, attended: 2 });
    // Without an SMTP server the e-mails were recorded as skipped, never claimed twice.
    expect(view.body.emails.announcement).toMatchObject({ sent: 0, skipped: staff.length + 1 });
  });
});
