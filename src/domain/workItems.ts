import type { CaseTiming } from './case';

/** What a person may be waited on for, across cases, policy reviews and campaigns. */
export const WORK_KINDS = [
  'decision',
  'approval',
  'explanation_review',
  'removal_report',
  'follow_up',
  'policy_review_answer',
  'policy_review_approval',
  'acknowledgement',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export const WORK_KIND_LABELS: Record<WorkKind, string> = {
  decision: 'Decide the case',
  approval: 'Approve or send back a harsh sanction',
  explanation_review: 'Review the explanation',
  removal_report: 'Report on the removal request',
  follow_up: 'Report whether the success was reproduced',
  policy_review_answer: 'Answer the policy review',
  policy_review_approval: 'Approve or send back the policy revision',
  acknowledgement: 'Acknowledge the revised policy',
};

/** One thing waiting on a person: what, about which case, review or campaign, since when and by when. */
export interface WorkItem {
  kind: WorkKind;
  /** `case`, `policy_review` or `campaign`, and its id. */
  subject: { type: 'case' | 'policy_review' | 'campaign'; id: string };
  /** A few words of vocabulary saying what it is about (never names or post text). */
  about: string;
  since: string;
  dueAt: string | null;
  overdue: boolean;
}

/** Which of a case's pinned durations makes the due date of each kind of case work, counted from when the wait began. */
const CASE_WAITS: Partial<Record<WorkKind, keyof CaseTiming>> = {
  // A decision is due at the deadline of the level the case is at; past it the case goes one level up.
  decision: 'decisionDeadlineMs',
  // Approvals, lessons under review, removal requests and follow-up questions have no deadline: they are chased from this point on.
  approval: 'followUpReminderMs',
  explanation_review: 'followUpReminderMs',
  removal_report: 'followUpReminderMs',
  follow_up: 'followUpReminderMs',
};

/** When case work of `kind` that began at `since` is due, from the durations the case was opened with (null when unknown). */
export function caseWorkDueAt(kind: WorkKind, since: Date, timing: CaseTiming | null): Date | null {
  const wait = CASE_WAITS[kind];
  if (!wait || !timing || typeof timing[wait] !== 'number') return null;
  return new Date(since.getTime() + timing[wait]);
}

export function workItem(item: Omit<WorkItem, 'since' | 'dueAt' | 'overdue'> & { since: Date; dueAt: Date | null }, now: number): WorkItem {
  return {
    ...item,
    since: item.since.toISOString(),
    dueAt: item.dueAt?.toISOString() ?? null,
    overdue: item.dueAt !== null && item.dueAt.getTime() < now,
  };
}

/** Oldest first: what has waited longest comes first; equal waits by due date, then subject. */
export function oldestFirst(items: WorkItem[]): WorkItem[] {
  return [...items].sort(
    (a, b) =>
      a.since.localeCompare(b.since) ||
      (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff') ||
      a.subject.id.localeCompare(b.subject.id),
  );
}
