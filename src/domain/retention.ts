import type { ActivityKind, Sanction, Severity } from './vocabulary';

/**
 * How long a closed case keeps its personal data, by kind of record; then the retention run
 * pseudonymises it (its lesson, anonymised already, stays). A legal hold suspends both this and
 * erasure.
 */
export const RETENTION_CLASSES = ['minor', 'standard', 'positive', 'sanction'] as const;
export type RetentionClass = (typeof RETENTION_CLASSES)[number];

/** Milliseconds from a case's closure to its pseudonymisation, per class. */
export type RetentionPeriods = Record<RetentionClass, number>;

const DAY = 24 * 60 * 60 * 1000;
const YEAR = 365 * DAY;

export const DEFAULT_RETENTION: RetentionPeriods = { minor: 1 * YEAR, standard: 3 * YEAR, positive: 2 * YEAR, sanction: 5 * YEAR };

/** Sanctions that go on an employee's record: a reprimand or harsher. */
const RECORDED_SANCTIONS: readonly Sanction[] = ['written_warning', 'suspension', 'termination'];

export interface RetainedCase {
  kind: ActivityKind;
  severity: Severity;
  sanction: Sanction | null;
  closedAt: Date;
}

/** A recorded sanction is kept longest; otherwise a positive case, a minor one, or the standard period. */
export function retentionClassOf(c: Omit<RetainedCase, 'closedAt'>): RetentionClass {
  if (c.sanction !== null && RECORDED_SANCTIONS.includes(c.sanction)) return 'sanction';
  if (c.kind === 'positive') return 'positive';
  return c.severity === 'minor' ? 'minor' : 'standard';
}

export const retentionExpired = (c: RetainedCase, periods: RetentionPeriods, now: number): boolean =>
  c.closedAt.getTime() + periods[retentionClassOf(c)] <= now;

/** The shortest period: no closed case younger than this can have expired. */
export const shortestRetention = (periods: RetentionPeriods): number => Math.min(...Object.values(periods));

/** What pseudonymised personal text reads as. */
export const PSEUDONYMISED = '[pseudonymised]';

/** What a retention run or an erasure did, for its caller and the logs. */
export interface PseudonymisationReport {
  cases: number;
  notifications: number;
}
