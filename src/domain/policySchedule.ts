/** When the periodic policy review runs: a cron expression, or a fixed interval. */
export type ReviewCadence = { kind: 'cron'; expression: string } | { kind: 'interval'; everyMs: number };

/** Quarterly: 09:00 UTC on the first day of January, April, July and October. */
export const DEFAULT_REVIEW_SCHEDULE = '0 9 1 1,4,7,10 *';

const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];
const FIELD = /^[0-9A-Za-z*?/,#-]+$/;

/** Why `text` is not a cron expression the schedule accepts, or null when it is one. */
export function cronProblem(text: string): string | null {
  const withoutZone = text.trim().replace(/^(CRON_TZ|TZ)=\S+\s+/, '');
  if (DESCRIPTORS.includes(withoutZone)) return null;
  const fields = withoutZone.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return `must have 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}`;
  const bad = fields.find((field) => !FIELD.test(field));
  return bad ? `has an unreadable field "${bad}"` : null;
}

// An interval reads as one or two words ("90 days", "12w"); anything longer, or with a star, is meant as cron.
const looksLikeCron = (text: string) =>
  text.startsWith('@') || /^(CRON_TZ|TZ)=/.test(text) || text.includes('*') || text.split(/\s+/).length > 2;

/**
 * Reads the periodic review's cadence: a cron expression ("0 9 1 1,4,7,10 *", "@monthly",
 * optionally prefixed by "CRON_TZ=Europe/Paris") or an interval read by `durationMs` ("90 days").
 */
export function parseReviewCadence(text: string, durationMs: (text: string) => number | null): ReviewCadence | { problem: string } {
  const trimmed = text.trim();
  if (looksLikeCron(trimmed)) {
    const problem = cronProblem(trimmed);
    return problem ? { problem: `is not a valid cron expression: it ${problem}` } : { kind: 'cron', expression: trimmed };
  }
  const everyMs = durationMs(trimmed);
  if (everyMs === null || everyMs < 60_000) {
    return { problem: 'must be a cron expression such as "0 9 1 1,4,7,10 *" or an interval of at least a minute such as "90 days"' };
  }
  return { kind: 'interval', everyMs };
}

/** How the cadence reads in the schedule's note in the Temporal UI. */
export function describeCadence(cadence: ReviewCadence): string {
  if (cadence.kind === 'cron') return `cron "${cadence.expression}"`;
  const days = cadence.everyMs / 86_400_000;
  return Number.isInteger(days) ? `every ${days} day${days === 1 ? '' : 's'}` : `every ${Math.round(cadence.everyMs / 1000)} seconds`;
}
