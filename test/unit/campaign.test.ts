import { classifySmtpError, mailDomainOf } from '../../src/integrations/mailer';
import {
  addDeliveries,
  campaignIdFor,
  campaignInputFor,
  isCampaignDocument,
  noDeliveries,
  refuseSession,
  reminderDueAt,
  type SessionRequest,
} from '../../src/domain/campaign';
import { acknowledgeLink, announcementMail, managerReportMail, readableDate, reminderMail } from '../../src/domain/campaignTexts';
import { campaignSettingsFrom, loadLocalConfig, loadWorkerConfig, mailerConfigFrom } from '../../src/platform/config';

const DAY = 24 * 3600_000;
const start = '2026-12-01T09:00:00.000Z';
const at = (offsetMs: number) => new Date(Date.parse(start) + offsetMs).toISOString();

describe('campaign identity', () => {
  it('is one campaign per policy version, for the social-media policy only', () => {
    expect(campaignIdFor('v-42')).toBe('campaign-v-42');
    expect(isCampaignDocument('social-media-policy')).toBe(true);
    expect(isCampaignDocument('training-material')).toBe(false);
    expect(
      campaignInputFor(
        { documentId: 'social-media-policy', policyVersionId: 'v-42', versionNumber: 3, changeSummary: 'x' },
        'policy-review',
      ),
    ).toEqual({
      campaignId: 'campaign-v-42',
      documentId: 'social-media-policy',
      policyVersionId: 'v-42',
      versionNumber: 3,
      changeSummary: 'x',
      requestedBy: 'policy-review',
    });
  });
});

describe('reminder schedule', () => {
  const plan = { startedAt: start, deadline: at(10 * DAY), reminderIntervalMs: 4 * DAY };

  it('falls every interval from the start, strictly before the deadline', () => {
    expect(reminderDueAt(plan, 1)).toBe(Date.parse(at(4 * DAY)));
    expect(reminderDueAt(plan, 2)).toBe(Date.parse(at(8 * DAY)));
    expect(reminderDueAt(plan, 3)).toBeNull();
    expect(reminderDueAt({ ...plan, reminderIntervalMs: 5 * DAY }, 2)).toBeNull();
  });
});

describe('scheduling a know-how session', () => {
  const comms = { sub: 'c1', name: 'Comms', roles: ['communications' as const] };
  const request = (startsAt: string, roles: SessionRequest['scheduledBy']['roles'] = comms.roles): SessionRequest => ({
    sessionId: 's1',
    startsAt,
    facilitator: 'Sam',
    capacity: 10,
    scheduledBy: { ...comms, roles },
  });
  const open = { phase: 'reminding' as const, deadline: at(10 * DAY), supersededBy: null };
  const now = Date.parse(at(DAY));

  it('is for communications (and admins), in an open campaign, between now and the deadline', () => {
    expect(refuseSession(open, request(at(2 * DAY)), now)).toBeNull();
    expect(refuseSession(open, request(at(2 * DAY), ['admin']), now)).toBeNull();
    expect(refuseSession(open, request(at(2 * DAY), ['hr']), now)?.code).toBe('wrong_role');
    expect(refuseSession(open, request(at(0)), now)).toMatchObject({ kind: 'unprocessable', code: 'session_in_past' });
    expect(refuseSession(open, request(at(11 * DAY)), now)).toMatchObject({ kind: 'unprocessable', code: 'session_after_deadline' });
    expect(refuseSession({ ...open, phase: 'opening', deadline: null }, request(at(2 * DAY)), now)?.code).toBe('not_ready');
    expect(refuseSession({ ...open, phase: 'superseded' }, request(at(2 * DAY)), now)).toMatchObject({
      kind: 'conflict',
      code: 'campaign_closed',
    });
    expect(refuseSession({ ...open, supersededBy: 'campaign-v9' }, request(at(2 * DAY)), now)?.code).toBe('campaign_closed');
  });
});

describe('campaign messages', () => {
  const facts = {
    campaignId: 'campaign-v 3',
    title: 'Social-media policy',
    versionNumber: 3,
    changeSummary: 'No customer data in posts.',
    deadline: at(10 * DAY),
    acknowledgeUrl: acknowledgeLink('https://intranet.example/ack?c={campaignId}', 'campaign-v 3'),
  };

  it('link to the acknowledgement and state the deadline', () => {
    expect(facts.acknowledgeUrl).toBe('https://intranet.example/ack?c=campaign-v%203');
    expect(readableDate(facts.deadline)).toBe('2026-12-11 09:00 UTC');
    const mail = announcementMail(facts, 'Dana Example');
    expect(mail.subject).toBe('Social-media policy has changed: please read and acknowledge version 3');
    expect(mail.text).toMatch(/^Hello Dana,/);
    expect(mail.text).toContain('No customer data in posts.');
    expect(mail.text).toContain('by 2026-12-11 09:00 UTC:\nhttps://intranet.example/ack?c=campaign-v%203');
    expect(reminderMail(facts, 'Dana', 1).subject).toBe(
      'Reminder: please acknowledge Social-media policy (version 3) by 2026-12-11 09:00 UTC',
    );
    expect(reminderMail(facts, 'Dana', 2).subject).toMatch(/^Reminder 2: /);
  });

  it('give managers the names of the reports who did not acknowledge', () => {
    const report = managerReportMail(facts, 'Morgan Boss', [
      { id: 'e-1', name: 'Ann One', department: 'sales' },
      { id: 'e-2', name: 'Bob Two', department: 'support' },
    ]);
    expect(report.subject).toBe('2 of your direct reports have not acknowledged Social-media policy (version 3)');
    expect(report.text).toContain('- Ann One (e-1, sales)\n- Bob Two (e-2, support)');
    expect(managerReportMail(facts, 'M', [{ id: 'e-1', name: 'Ann', department: 'x' }]).text).toContain(
      'This person reporting to you has not',
    );
  });
});

describe('delivery counts', () => {
  it('add up', () => {
    expect(addDeliveries({ sent: 1, failed: 2, inDoubt: 3, skipped: 4 }, { ...noDeliveries(), sent: 5, inDoubt: 1 })).toEqual({
      sent: 6,
      failed: 2,
      inDoubt: 4,
      skipped: 4,
    });
  });
});

describe('what an SMTP failure means for a retry', () => {
  it('is certain when the server answered: 4xx not taken (send again), 5xx refused for good', () => {
    expect(classifySmtpError({ responseCode: 451, response: '451 Try again later' })).toEqual({
      outcome: 'not_sent',
      detail: '451 Try again later',
    });
    expect(classifySmtpError({ responseCode: 550, response: '550 No such mailbox' }).outcome).toBe('rejected');
  });

  it('is certain when nothing reached the server, and in doubt when the connection broke', () => {
    expect(classifySmtpError({ code: 'ECONNECTION', originalCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }).outcome).toBe(
      'not_sent',
    );
    expect(classifySmtpError({ code: 'EAUTH', message: 'Invalid login' }).outcome).toBe('not_sent');
    expect(classifySmtpError({ code: 'ECONNECTION', message: 'Connection closed unexpectedly' }).outcome).toBe('in_doubt');
    expect(classifySmtpError({ code: 'ETIMEDOUT', message: 'Timeout' }).outcome).toBe('in_doubt');
    expect(classifySmtpError(new Error('socket hang up')).outcome).toBe('in_doubt');
  });

  it('names Message-IDs after the sender’s domain', () => {
    expect(mailDomainOf('Policy team <policy@corp.example>')).toBe('corp.example');
    expect(mailDomainOf('policy@corp.example')).toBe('corp.example');
    expect(mailDomainOf('Policy team')).toBe('localhost');
  });
});

describe('campaign configuration', () => {
  const base = { DATABASE_URL: 'postgresql://app@db:5432/cases' };

  it('has defaults: no SMTP server, two weeks to acknowledge, reminders every four days', () => {
    const config = loadWorkerConfig(base);
    expect(mailerConfigFrom(config)).toEqual({ smtpUrl: undefined, from: 'Policy communications <policy@localhost>', maxConnections: 5 });
    expect(campaignSettingsFrom(config)).toMatchObject({ acknowledgeWithinMs: 14 * DAY, reminderIntervalMs: 4 * DAY, batchSize: 1000 });
    expect(loadLocalConfig({}).CAMPAIGN_DEADLINE).toBe('14 days');
  });

  it('reads the SMTP server, the sender and the durations, and names a bad variable', () => {
    const config = loadWorkerConfig({
      ...base,
      SMTP_URL: 'smtps://user:secret@mail.example.com:465',
      MAIL_FROM: 'Policy <policy@corp.example>',
      SMTP_MAX_CONNECTIONS: '8',
      CAMPAIGN_DEADLINE: '10 days',
      CAMPAIGN_REMINDER_INTERVAL: '2 days',
      CAMPAIGN_BATCH_SIZE: '250',
      CAMPAIGN_ACKNOWLEDGE_URL: 'https://intranet.example/policy/{campaignId}',
    });
    expect(mailerConfigFrom(config)).toEqual({
      smtpUrl: 'smtps://user:secret@mail.example.com:465',
      from: 'Policy <policy@corp.example>',
      maxConnections: 8,
    });
    expect(campaignSettingsFrom(config)).toMatchObject({
      acknowledgeWithinMs: 10 * DAY,
      reminderIntervalMs: 2 * DAY,
      batchSize: 250,
      acknowledgeUrl: 'https://intranet.example/policy/{campaignId}',
    });
    expect(() => loadWorkerConfig({ ...base, SMTP_URL: 'mail.example.com' })).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => loadWorkerConfig({ ...base, CAMPAIGN_REMINDER_INTERVAL: 'often' })).toThrow(
      /CAMPAIGN_REMINDER_INTERVAL must be a positive duration/,
    );
    expect(() => loadWorkerConfig({ ...base, CAMPAIGN_BATCH_SIZE: '0' })).toThrow(/CAMPAIGN_BATCH_SIZE/);
  });
});
