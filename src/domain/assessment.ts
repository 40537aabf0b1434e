import type { ActivityCategory, ActivityKind, Severity } from './vocabulary';

/** What a detected activity is judged to be: its kind, category and severity. */
export interface Assessment {
  kind: ActivityKind;
  category: ActivityCategory;
  severity: Severity;
}
