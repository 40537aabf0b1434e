import { ConfigError, caseTimingFrom, loadApiConfig, loadLocalConfig, loadWorkerConfig } from '../../src/platform/config';

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
    expect(caseTimingFrom(config)).toEqual({ decisionDeadlineMs: 3 * 24 * 3600 * 1000 });
  });

  it.each([
    [{ ...valid, DATABASE_URL: undefined }, 'DATABASE_URL is required'],
    [{ ...valid, DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgresql:// connection string'],
    [{ ...valid, AUTH_SECRET: 'short' }, 'AUTH_SECRET must be at least 32 characters'],
    [{ ...valid, PORT: 'eighty' }, 'PORT'],
    [{ ...valid, CASE_DECISION_DEADLINE: 'soon' }, 'CASE_DECISION_DEADLINE must be a positive duration'],
    [{ ...valid, LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
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
    expect(caseTimingFrom(loadApiConfig({ ...valid, CASE_DECISION_DEADLINE: '90s' })).decisionDeadlineMs).toBe(90_000);
  });
});
