/**
 * The ids of every `patched()` branch in workflow code, in one place. Workflows in flight recorded
 * before a patch take the old branch; everything started or carried on since takes the new one. A
 * patch is retired (deprecatePatch, then removed) only once no workflow that could take the old
 * branch is open any more: see the README's "Changing a workflow safely".
 */
export const PATCHES = {
  /** Intake by Update-with-Start: the judgement basis is pinned before the case goes on record. */
  basisBeforeRecord: 'basis-before-record',
  /** The content of a sanctioned case is handled alongside its lesson (explanation, policy review), no longer before it. */
  lessonAlongsideContent: 'lesson-alongside-content',
  /** A case waiting for a decision or an approval continues as new every `remindersPerRun` reminders. */
  boundedCaseWaits: 'bounded-case-waits',
  /** An explanation nobody reviews is escalated after EXPLANATION_REMINDERS reminders, then waits without reminders. */
  boundedExplanationReminders: 'bounded-explanation-reminders',
  /** A policy review nobody answers closes (folded into the next periodic review) instead of waiting in silence. */
  foldUnansweredReviews: 'fold-unanswered-reviews',
} as const;
