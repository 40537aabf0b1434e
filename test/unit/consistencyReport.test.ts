import {
  consistencyReport,
  consistencyRows,
  type DecisionInForce,
  durationStats,
  overdueDecisions,
} from '../../src/domain/consistencyReport';
import type { CaseTiming } from '../../src/domain/case';

const HOUR = 60 * 60 * 1000;
const timing: CaseTiming = {
  decisionReminderMs: HOUR,
  decisionDeadlineMs: 3 * HOUR,
  followUpReminderMs: HOUR,
  opportunityFollowUpMs: HOUR,
  publicationDelayMs: HOUR,
};
const at = (hours: number) => new Date(Date.UTC(2026, 10, 1) + hours * HOUR);

const decision = (overrides: Partial<DecisionInForce>): DecisionInForce => ({
  caseId: 'case-1',
  outcome: 'sanction',
  sanction: 'conversation',
  category: 'error_of_judgement',
  severity: 'minor',
  department: 'sales',
  decidingRole: 'manager',
  justification: null,
  priorSanctionedCases: 0,
  openedAt: at(0),
  decidedAt: at(2),
  ...overrides,
});

describe('the consistency report', () => {
  const report = consistencyReport({
    period: { from: at(0), to: at(100) },
    decisions: [
      decision({ caseId: 'c1' }),
      decision({ caseId: 'c2', department: 'support', decidedAt: at(4) }),
      decision({ caseId: 'c3', sanction: 'mandatory_training', justification: '  Repeated after a warning.  ', decidedAt: at(6) }),
      decision({ caseId: 'c4', outcome: 'dismiss', sanction: null, decidingRole: 'social_media_lead', decidedAt: at(1) }),
      decision({ caseId: 'c5', outcome: 'capitalize', sanction: null, category: 'viral_content', decidingRole: 'social_media_lead' }),
    ],
    awaitingDecision: [
      { caseId: 'late', department: 'sales', decidingRole: 'steering_committee', waitingSince: at(90), timing },
      { caseId: 'on-time', department: 'sales', decidingRole: 'manager', waitingSince: at(99), timing },
      { caseId: 'unknown-timing', department: 'sales', decidingRole: 'manager', waitingSince: at(0), timing: null },
    ],
    escalations: [
      { caseId: 'late', from: 'manager', to: 'social_media_lead', at: at(10) },
      { caseId: 'late', from: 'social_media_lead', to: 'steering_committee', at: at(20) },
      { caseId: 'other', from: 'manager', to: 'social_media_lead', at: at(30) },
    ],
    now: at(95).getTime(),
  });

  it('counts sanctions by act, department and deciding role, each split by sanction', () => {
    expect(report.decisions).toBe(5);
    expect(report.outcomes).toEqual([
      { key: 'sanction', count: 3 },
      { key: 'capitalize', count: 1 },
      { key: 'dismiss', count: 1 },
    ]);
    expect(report.sanctions.total).toBe(3);
    expect(report.sanctions.byAct).toEqual([
      {
        key: 'error_of_judgement/minor',
        category: 'error_of_judgement',
        severity: 'minor',
        count: 3,
        bySanction: [
          { key: 'conversation', count: 2 },
          { key: 'mandatory_training', count: 1 },
        ],
      },
    ]);
    expect(report.sanctions.byDepartment.map((group) => [group.key, group.count])).toEqual([
      ['sales', 2],
      ['support', 1],
    ]);
    expect(report.sanctions.byDecidingRole.map((group) => group.key)).toEqual(['manager']);
  });

  it('lists the departures from precedent with their justification, trimmed', () => {
    expect(report.deviations).toEqual([
      {
        caseId: 'c3',
        act: 'error_of_judgement/minor',
        sanction: 'mandatory_training',
        decidingRole: 'manager',
        justification: 'Repeated after a warning.',
        decidedAt: at(6).toISOString(),
      },
    ]);
  });

  it('times decisions overall and by deciding role', () => {
    expect(report.timeToDecision).toMatchObject({ decisions: 5, medianHours: 2, maxHours: 6 });
    expect(report.timeToDecision.byDecidingRole.map((role) => [role.key, role.medianHours])).toEqual([
      ['manager', 4],
      ['social_media_lead', 1.5],
    ]);
  });

  it('counts the cases past the deadline of their level, and escalations by step', () => {
    expect(report.overdue).toEqual({
      total: 1,
      byDecidingRole: [{ key: 'steering_committee', count: 1 }],
      cases: [{ caseId: 'late', decidingRole: 'steering_committee', dueAt: at(93).toISOString() }],
    });
    expect(report.escalations).toEqual({
      total: 3,
      byStep: [
        { key: 'manager>social_media_lead', count: 2 },
        { key: 'social_media_lead>steering_committee', count: 1 },
      ],
    });
  });

  it('flattens to spreadsheet rows, one figure per row', () => {
    const rows = consistencyRows(report);
    expect(rows[0]).toEqual(['section', 'key', 'detail', 'value']);
    expect(rows).toContainEqual(['sanctions_by_act', 'error_of_judgement/minor', 'conversation', 2]);
    expect(rows).toContainEqual(['deviation', 'c3', 'error_of_judgement/minor mandatory_training by manager', 'Repeated after a warning.']);
    expect(rows).toContainEqual(['overdue', 'late', 'steering_committee', at(93).toISOString()]);
    expect(rows).toContainEqual(['escalations', 'manager>social_media_lead', '', 2]);
  });
});

describe('durationStats', () => {
  it('has no figures without decisions, and a middle value for an even count', () => {
    expect(durationStats([])).toEqual({ decisions: 0, medianHours: null, meanHours: null, maxHours: null });
    expect(durationStats([HOUR, 2 * HOUR, 4 * HOUR, 9 * HOUR])).toEqual({ decisions: 4, medianHours: 3, meanHours: 4, maxHours: 9 });
  });
});

describe('overdueDecisions', () => {
  it('orders the most overdue first and leaves cases without recorded durations out', () => {
    const waiting = [
      { caseId: 'b', department: 'x', decidingRole: 'manager' as const, waitingSince: at(5), timing },
      { caseId: 'a', department: 'x', decidingRole: 'manager' as const, waitingSince: at(1), timing },
      { caseId: 'c', department: 'x', decidingRole: 'manager' as const, waitingSince: at(1), timing: null },
    ];
    expect(overdueDecisions(waiting, at(10).getTime()).map((item) => item.caseId)).toEqual(['a', 'b']);
    expect(overdueDecisions(waiting, at(7).getTime()).map((item) => item.caseId)).toEqual(['a']);
  });
});
