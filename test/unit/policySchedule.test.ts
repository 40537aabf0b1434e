import { cronProblem, DEFAULT_REVIEW_SCHEDULE, describeCadence, parseReviewCadence } from '../../src/domain/policySchedule';
import { loadLocalConfig, loadWorkerConfig, policyReviewSettingsFrom } from '../../src/platform/config';
import { scheduleSpecOf } from '../../src/platform/policyReviewSchedule';

const DAY = 86_400_000;
const worker = { DATABASE_URL: 'postgresql://app@db:5432/cases' };

describe('the periodic review cadence', () => {
  it('is quarterly by default, with a week to the reminder and two to the escalation', () => {
    const settings = policyReviewSettingsFrom(loadWorkerConfig(worker));
    expect(settings).toEqual({
      cadence: { kind: 'cron', expression: DEFAULT_REVIEW_SCHEDULE },
      timing: { reminderMs: 7 * DAY, deadlineMs: 14 * DAY },
    });
    expect(scheduleSpecOf(settings.cadence)).toEqual({ cronExpressions: ['0 9 1 1,4,7,10 *'] });
    expect(policyReviewSettingsFrom(loadLocalConfig({})).cadence.kind).toBe('cron');
  });

  it('reads a cron expression (with a time zone or a descriptor) or an interval', () => {
    const read = (text: string) => policyReviewSettingsFrom(loadWorkerConfig({ ...worker, POLICY_REVIEW_SCHEDULE: text })).cadence;
    expect(read('CRON_TZ=Europe/Paris 0 8 1 */3 *')).toEqual({ kind: 'cron', expression: 'CRON_TZ=Europe/Paris 0 8 1 */3 *' });
    expect(read('@monthly')).toEqual({ kind: 'cron', expression: '@monthly' });
    expect(read('90 days')).toEqual({ kind: 'interval', everyMs: 90 * DAY });
    expect(scheduleSpecOf(read('90 days'))).toEqual({ intervals: [{ every: 90 * DAY }] });
    expect(describeCadence(read('90 days'))).toBe('every 90 days');
  });

  it.each([
    ['0 9 1 *', /POLICY_REVIEW_SCHEDULE is not a valid cron expression: it must have 5 fields/],
    ['0 9 1 1,4,7,10 * *', /must have 5 fields/],
    ['0 9 1 1;4 *', /unreadable field/],
    ['soon', /POLICY_REVIEW_SCHEDULE must be a cron expression .* or an interval/],
    ['10s', /at least a minute/],
  ])('stops the worker with one line naming the variable for %j', (text, expected) => {
    expect(() => loadWorkerConfig({ ...worker, POLICY_REVIEW_SCHEDULE: text })).toThrow(expected);
  });

  it('wants the reminder before the deadline', () => {
    expect(() => loadWorkerConfig({ ...worker, POLICY_REVIEW_REMINDER: '20 days' })).toThrow(
      'POLICY_REVIEW_REMINDER must be shorter than POLICY_REVIEW_DEADLINE',
    );
    expect(() => loadLocalConfig({ POLICY_REVIEW_DEADLINE: 'never' })).toThrow('POLICY_REVIEW_DEADLINE must be a positive duration');
  });

  it('checks cron expressions without I/O', () => {
    expect(cronProblem('@yearly')).toBeNull();
    expect(cronProblem('TZ=UTC 30 6 * * MON-FRI')).toBeNull();
    expect(parseReviewCadence('2 hours', () => 2 * 3600_000)).toEqual({ kind: 'interval', everyMs: 7_200_000 });
  });
});
