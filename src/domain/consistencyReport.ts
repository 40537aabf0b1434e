import type { CaseTiming } from './case';
import { caseWorkDueAt } from './workItems';
import type { DecidingRole, DecisionOutcome, Sanction } from './vocabulary';

/** A decision in force (not sent back, not awaiting approval) taken in the period, with the case it decided. */
export interface DecisionInForce {
  caseId: string;
  outcome: DecisionOutcome;
  sanction: Sanction | null;
  category: string;
  severity: string;
  department: string;
  decidingRole: DecidingRole;
  justification: string | null;
  priorSanctionedCases: number;
  openedAt: Date;
  decidedAt: Date;
}

/** An open case waiting on a decision, with when its current wait began and the durations it was opened with. */
export interface CaseAwaitingDecision {
  caseId: string;
  department: string;
  decidingRole: DecidingRole;
  waitingSince: Date;
  timing: CaseTiming | null;
}

export interface Escalation {
  caseId: string;
  from: string;
  to: string;
  at: Date;
}

export interface Count {
  key: string;
  count: number;
}

export interface DurationStats {
  decisions: number;
  medianHours: number | null;
  meanHours: number | null;
  maxHours: number | null;
}

export interface ConsistencyReport {
  period: { from: string; to: string };
  decisions: number;
  outcomes: Count[];
  sanctions: {
    total: number;
    /** Keyed `category/severity`, each with how often each sanction was given. */
    byAct: { key: string; category: string; severity: string; count: number; bySanction: Count[] }[];
    byDepartment: { key: string; count: number; bySanction: Count[] }[];
    byDecidingRole: { key: string; count: number; bySanction: Count[] }[];
  };
  /** Sanctions that departed from the established precedent, with the written justification the decider gave. */
  deviations: { caseId: string; act: string; sanction: string; decidingRole: string; justification: string; decidedAt: string }[];
  timeToDecision: DurationStats & { byDecidingRole: ({ key: string } & DurationStats)[] };
  /** Open cases past the decision deadline of the level they are at, now. */
  overdue: { total: number; byDecidingRole: Count[]; cases: { caseId: string; decidingRole: string; dueAt: string }[] };
  escalations: { total: number; byStep: Count[] };
}

const HOUR = 60 * 60 * 1000;
const round1 = (value: number) => Math.round(value * 10) / 10;

function counted(keys: string[]): Count[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

function grouped<T>(items: T[], keyOf: (item: T) => string, sanctionOf: (item: T) => string) {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return [...groups]
    .map(([key, members]) => ({ key, count: members.length, bySanction: counted(members.map(sanctionOf)) }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export function durationStats(durationsMs: number[]): DurationStats {
  if (durationsMs.length === 0) return { decisions: 0, medianHours: null, meanHours: null, maxHours: null };
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return {
    decisions: sorted.length,
    medianHours: round1(median / HOUR),
    meanHours: round1(sorted.reduce((sum, value) => sum + value, 0) / sorted.length / HOUR),
    maxHours: round1(sorted[sorted.length - 1] / HOUR),
  };
}

/** The cases past the decision deadline of the level they are at, most overdue first. */
export function overdueDecisions(
  awaiting: CaseAwaitingDecision[],
  now: number,
): { caseId: string; decidingRole: DecidingRole; dueAt: string }[] {
  return awaiting
    .map((waiting) => ({ waiting, dueAt: caseWorkDueAt('decision', waiting.waitingSince, waiting.timing) }))
    .filter(({ dueAt }) => dueAt !== null && dueAt.getTime() < now)
    .map(({ waiting, dueAt }) => ({ caseId: waiting.caseId, decidingRole: waiting.decidingRole, dueAt: dueAt!.toISOString() }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/** Whether the rules applied consistently over a period: what was decided, by whom, how fast, and where it departed from precedent. */
export function consistencyReport(input: {
  period: { from: Date; to: Date };
  decisions: DecisionInForce[];
  awaitingDecision: CaseAwaitingDecision[];
  escalations: Escalation[];
  now: number;
}): ConsistencyReport {
  const { decisions, now } = input;
  const sanctioned = decisions.filter((decision) => decision.outcome === 'sanction' && decision.sanction !== null);
  const sanctionOf = (decision: DecisionInForce) => decision.sanction as string;
  const byAct = grouped(sanctioned, (decision) => `${decision.category}/${decision.severity}`, sanctionOf).map((group) => {
    const [category, severity] = group.key.split('/');
    return { ...group, category, severity };
  });
  const waits = (members: DecisionInForce[]) => members.map((decision) => decision.decidedAt.getTime() - decision.openedAt.getTime());
  const roles = [...new Set(decisions.map((decision) => decision.decidingRole))].sort();
  const overdue = overdueDecisions(input.awaitingDecision, now);
  return {
    period: { from: input.period.from.toISOString(), to: input.period.to.toISOString() },
    decisions: decisions.length,
    outcomes: counted(decisions.map((decision) => decision.outcome)),
    sanctions: {
      total: sanctioned.length,
      byAct,
      byDepartment: grouped(sanctioned, (decision) => decision.department, sanctionOf),
      byDecidingRole: grouped(sanctioned, (decision) => decision.decidingRole, sanctionOf),
    },
    deviations: sanctioned
      .filter((decision) => decision.justification?.trim())
      .map((decision) => ({
        caseId: decision.caseId,
        act: `${decision.category}/${decision.severity}`,
        sanction: decision.sanction as string,
        decidingRole: decision.decidingRole,
        justification: decision.justification!.trim(),
        decidedAt: decision.decidedAt.toISOString(),
      })),
    timeToDecision: {
      ...durationStats(waits(decisions)),
      byDecidingRole: roles.map((key) => ({ key, ...durationStats(waits(decisions.filter((decision) => decision.decidingRole === key))) })),
    },
    overdue: { total: overdue.length, byDecidingRole: counted(overdue.map((item) => item.decidingRole)), cases: overdue },
    escalations: { total: input.escalations.length, byStep: counted(input.escalations.map((step) => `${step.from}>${step.to}`)) },
  };
}

/** The report as flat rows (section, key, sanction, value) for a spreadsheet. */
export function consistencyRows(report: ConsistencyReport): (string | number)[][] {
  const rows: (string | number)[][] = [['section', 'key', 'detail', 'value']];
  rows.push(
    ['period', 'from', '', report.period.from],
    ['period', 'to', '', report.period.to],
    ['decisions', 'total', '', report.decisions],
  );
  for (const outcome of report.outcomes) rows.push(['outcomes', outcome.key, '', outcome.count]);
  const sanctionRows = (section: string, groups: { key: string; bySanction: Count[] }[]) => {
    for (const group of groups) for (const sanction of group.bySanction) rows.push([section, group.key, sanction.key, sanction.count]);
  };
  sanctionRows('sanctions_by_act', report.sanctions.byAct);
  sanctionRows('sanctions_by_department', report.sanctions.byDepartment);
  sanctionRows('sanctions_by_deciding_role', report.sanctions.byDecidingRole);
  for (const deviation of report.deviations) {
    rows.push([
      'deviation',
      deviation.caseId,
      `${deviation.act} ${deviation.sanction} by ${deviation.decidingRole}`,
      deviation.justification,
    ]);
  }
  const stats = (key: string, value: DurationStats) => {
    rows.push(
      ['time_to_decision_hours', key, 'median', value.medianHours ?? ''],
      ['time_to_decision_hours', key, 'mean', value.meanHours ?? ''],
    );
    rows.push(['time_to_decision_hours', key, 'max', value.maxHours ?? '']);
  };
  stats('all', report.timeToDecision);
  for (const role of report.timeToDecision.byDecidingRole) stats(role.key, role);
  rows.push(['overdue', 'total', '', report.overdue.total]);
  for (const item of report.overdue.cases) rows.push(['overdue', item.caseId, item.decidingRole, item.dueAt]);
  rows.push(['escalations', 'total', '', report.escalations.total]);
  for (const step of report.escalations.byStep) rows.push(['escalations', step.key, '', step.count]);
  return rows;
}
