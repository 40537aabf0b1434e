import { DEFAULT_ROUTING_RULES } from '../../src/domain/routing';
import { DEFAULT_RETENTION } from '../../src/domain/retention';
import {
  accessSettingsFrom,
  ConfigError,
  caseSettingsFrom,
  loadApiConfig,
  loadLocalConfig,
  loadWorkerConfig,
  retentionSettingsFrom,
} from '../../src/platform/config';

const valid = {
  DATABASE_URL: 'postgresql://app@db:5432/cases',
  AUTH_SECRET: 'x'.repeat(32),
};

describe('configuration from the environment', () => {
  it('fills defaults for everything optional', () => {
    const config = loadApiConfig(valid);
    expect(config).toMatchObject({
      TEMPORAL_ADDRESS: 'localhost:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'case-governance',
      PORT: 3000,
      LOG_LEVEL: 'info',
    });
    const day = 24 * 3600 * 1000;
    expect(caseSettingsFrom(config)).toEqual({
      timing: {
        decisionReminderMs: 2 * day,
        decisionDeadlineMs: 3 * day,
        followUpReminderMs: 7 * day,
        opportunityFollowUpMs: 30 * day,
        publicationDelayMs: 7 * day,
      },
      routing: DEFAULT_ROUTING_RULES,
      explainedSanctions: ['written_warning', 'suspension', 'termination'],
      explainGoodPractice: true,
    });
  });

  it.each([
    [{ ...valid, DATABASE_URL: undefined }, 'DATABASE_URL is required'],
    [{ ...valid, DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgresql:// connection string'],
    [{ ...valid, AUTH_SECRET: 'short' }, 'AUTH_SECRET must be at least 32 characters'],
    [{ ...valid, PORT: 'eighty' }, 'PORT'],
    [{ ...valid, CASE_DECISION_DEADLINE: 'soon' }, 'CASE_DECISION_DEADLINE must be a positive duration'],
    [{ ...valid, LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ...valid, EXPLAINED_SANCTIONS: 'written_warning,flogging' }, 'EXPLAINED_SANCTIONS'],
    [{ ...valid, EXPLAIN_GOOD_PRACTICE: 'yes' }, 'EXPLAIN_GOOD_PRACTICE must be true or false'],
  ])('stops with one line naming the variable (%#)', (env, expected) => {
    let error: unknown;
    try {
      loadApiConfig(env as NodeJS.ProcessEnv);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(expected);
    expect((error as Error).message).not.toContain('\n');
  });

  it('lets the worker run without the API secret, and the local runner without anything', () => {
    expect(() => loadWorkerConfig({ DATABASE_URL: valid.DATABASE_URL })).not.toThrow();
    expect(loadLocalConfig({})).toMatchObject({ DATA_DIR: '.data', TEMPORAL_UI_PORT: 8233, TEMPORAL_PORT: 7233 });
  });

  it('reads durations in words', () => {
    const settings = caseSettingsFrom(loadApiConfig({ ...valid, CASE_DECISION_REMINDER: '30s', CASE_DECISION_DEADLINE: '90s' }));
    expect(settings.timing).toMatchObject({ decisionReminderMs: 30_000, decisionDeadlineMs: 90_000 });
  });

  it('reads routing rules as JSON and refuses malformed ones', () => {
    const routing = {
      inappropriate: {
        minor: 'social_media_lead',
        moderate: 'social_media_lead',
        serious: 'steering_committee',
        critical: 'steering_committee',
      },
      positive: 'steering_committee',
    };
    expect(caseSettingsFrom(loadApiConfig({ ...valid, CASE_ROUTING: JSON.stringify(routing) })).routing).toEqual(routing);
    expect(() => loadApiConfig({ ...valid, CASE_ROUTING: '{"positive":"ceo"}' })).toThrow(/CASE_ROUTING must be routing rules JSON/);
    expect(() => loadApiConfig({ ...valid, CASE_ROUTING: 'nope' })).toThrow('CASE_ROUTING must be JSON');
  });

  it('wants the reminder before the deadline', () => {
    expect(() => loadApiConfig({ ...valid, CASE_DECISION_REMINDER: '4 days' })).toThrow(
      'CASE_DECISION_REMINDER must be shorter than CASE_DECISION_DEADLINE',
    );
  });
});

describe('empty variables', () => {
  it('count as unset, so defaults apply', () => {
    expect(loadApiConfig({ ...valid, CONTENT_SITE_URL: '', CASE_DECISION_DEADLINE: '' }).CASE_DECISION_DEADLINE).toBe('3 days');
  });
});

describe('access and retention settings', () => {
  const day = 24 * 3600 * 1000;
  it('default to direct reports, a two-day minimum publication delay and the retention periods of the domain', () => {
    expect(accessSettingsFrom(loadApiConfig(valid))).toEqual({ indirectReports: false, minPublicationDelayMs: 2 * day });
    const worker = loadWorkerConfig({ DATABASE_URL: valid.DATABASE_URL });
    expect(retentionSettingsFrom(worker)).toEqual({
      cadence: { kind: 'cron', expression: '0 3 * * *' },
      run: { periods: DEFAULT_RETENTION, batchSize: 200 },
    });
  });

  it('read retention periods as JSON of durations per kind of record and refuse anything else', () => {
    const env = (RETENTION_PERIODS: string) => ({ DATABASE_URL: valid.DATABASE_URL, RETENTION_PERIODS });
    const periods = retentionSettingsFrom(loadWorkerConfig(env('{"minor": "90 days", "sanction": "7y"}'))).run.periods;
    expect(periods).toEqual({ ...DEFAULT_RETENTION, minor: 90 * day, sanction: 7 * 365.25 * day });
    for (const bad of ['{"minor": "soon"}', '{"dismissed": "1 year"}', 'not json']) {
      expect(() => loadWorkerConfig(env(bad))).toThrow(/^Invalid configuration: RETENTION_PERIODS must be JSON/);
    }
  });

  it('want the minimum publication delay no longer than the default one', () => {
    expect(() => loadApiConfig({ ...valid, EXPLANATION_MIN_PUBLICATION_DELAY: '8 days' })).toThrow(
      'Invalid configuration: EXPLANATION_MIN_PUBLICATION_DELAY must not be longer than EXPLANATION_PUBLICATION_DELAY',
    );
    expect(accessSettingsFrom(loadApiConfig({ ...valid, ACCESS_INDIRECT_REPORTS: 'true' })).indirectReports).toBe(true);
  });
});

describe('the worker metrics address', () => {
  it('is host:port, or unset for no worker metrics', () => {
    expect(loadWorkerConfig(valid).WORKER_METRICS_ADDRESS).toBeUndefined();
    expect(loadWorkerConfig({ ...valid, WORKER_METRICS_ADDRESS: '0.0.0.0:9464' }).WORKER_METRICS_ADDRESS).toBe('0.0.0.0:9464');
    expect(() => loadWorkerConfig({ ...valid, WORKER_METRICS_ADDRESS: '9464' })).toThrow(
      new ConfigError('Invalid configuration: WORKER_METRICS_ADDRESS must be host:port, such as 0.0.0.0:9464'),
    );
    expect(() => loadLocalConfig({ WORKER_METRICS_ADDRESS: 'localhost' })).toThrow(/WORKER_METRICS_ADDRESS must be host:port/);
  });
});
