import { condition, setHandler } from '@temporalio/workflow';
import type { EmployeeIdentifiers } from '../domain/anonymisation';
import type { CaseState, ExplanationState } from '../domain/case';
import type { Decider } from '../domain/decider';
import { type ExplanationReview, refuseExplanationApproval, refuseExplanationEdit, refuseWithdrawal } from '../domain/explanation';
import type { DecidingRole } from '../domain/vocabulary';
import { explanationReminder } from '../domain/caseNotices';
import { roleInbox } from '../domain/inboxes';
import { refuse } from './refusals';
import { approveExplanationUpdate, editExplanationUpdate, withdrawExplanationUpdate } from './caseMessages';
import { moveCase } from './searchAttributes';
import { activities, isoAt } from './activityCalls';
import { recordSystemStep } from './caseTimeline';

export interface ExplanationPhaseInput {
  caseId: string;
  decisionId: string;
  employeeId: string;
  decidingRole: DecidingRole;
  publicationDelayMs: number;
  reminderMs: number;
}

/**
 * Step 5 of a case: the anonymised lesson is drafted, reviewed and approved (or withdrawn), then
 * published when due. Returns how it ended. Edits, approval and withdrawal are validated Updates.
 */
export async function explainCase(
  state: CaseState,
  input: ExplanationPhaseInput,
  /** Called once the text is settled: approved (the text) or withdrawn (null), before publication is awaited. */
  whenSettled: (approvedText: string | null) => Promise<void>,
): Promise<'published' | 'withdrawn'> {
  const { caseId } = input;
  let identifiers: EmployeeIdentifiers | null = null;
  let withdrawal: { by: Decider; reason: string } | null = null;
  let approver: Decider | null = null;
  const editors = new Map<number, Decider>();

  const explanation = () => state.explanation as ExplanationState;
  const review = (): ExplanationReview => ({
    status: explanation().status,
    decidingRole: input.decidingRole,
    employeeId: input.employeeId,
    lastEditor: explanation().lastEditor,
  });

  setHandler(
    editExplanationUpdate,
    ({ editor, title, parts }) => {
      const revision = explanation().revision + 1;
      Object.assign(explanation(), { title, parts, revision, lastEditor: editor.sub });
      editors.set(revision, editor);
      return state;
    },
    {
      validator: ({ editor, title, parts }) =>
        refuse(
          state.explanation && identifiers
            ? refuseExplanationEdit(review(), editor, { kind: explanation().kind, title, parts }, identifiers)
            : notYet,
        ),
    },
  );
  setHandler(
    approveExplanationUpdate,
    ({ approver: person, publishAt }) => {
      approver = person;
      state.status = 'awaiting_publication';
      Object.assign(explanation(), {
        status: 'approved',
        approvedBy: person.sub,
        publishAt: publishAt ?? isoAt(Date.now() + input.publicationDelayMs),
      });
      return state;
    },
    {
      validator: ({ approver: person, publishAt }) =>
        refuse(
          state.explanation && identifiers
            ? refuseExplanationApproval(review(), person, explanation(), identifiers, { requested: publishAt, now: Date.now() })
            : notYet,
        ),
    },
  );
  setHandler(
    withdrawExplanationUpdate,
    ({ by, reason }) => {
      withdrawal = { by, reason };
      explanation().status = 'withdrawn';
      return state;
    },
    { validator: ({ by }) => refuse(state.explanation ? refuseWithdrawal(review(), by) : notYet) },
  );

  const drafted = await activities.draftCaseExplanation({ caseId, decisionId: input.decisionId });
  identifiers = drafted.identifiers;
  state.explanation = { ...drafted.draft, status: 'draft', revision: 1, lastEditor: 'system', approvedBy: null, publishAt: null };
  moveCase(state, 'explaining');

  // Review: save each accepted edit, remind communications while nothing happens.
  let saved = 1;
  let reminders = 0;
  while (explanation().status === 'draft' || explanation().revision > saved) {
    const moved = await condition(() => explanation().revision > saved || explanation().status !== 'draft', input.reminderMs);
    if (!moved) {
      reminders += 1;
      await recordSystemStep(
        caseId,
        { key: `${caseId}:explanation-reminder:${reminders}`, action: 'explanation_reminder_sent' },
        explanationReminder(caseId),
        [roleInbox('communications')],
      );
      continue;
    }
    while (saved < explanation().revision) {
      saved += 1;
      // Only the latest text is kept; intermediate revisions are on the timeline.
      await activities.saveExplanationRevision({ caseId, revision: saved, draft: explanation(), editor: editors.get(saved)! });
    }
  }

  if (explanation().status === 'approved') {
    await activities.recordExplanationApproval({ caseId, approver: approver!, publishAt: explanation().publishAt! });
    await whenSettled(
      explanation()
        .parts.map((part) => `${part.heading}: ${part.text}`)
        .join('\n\n'),
    );
    moveCase(state, 'awaiting_publication');
    const wait = Date.parse(explanation().publishAt!) - Date.now();
    if (wait > 0) await condition(() => explanation().status === 'withdrawn', wait);
  }
  if (explanation().status === 'withdrawn') {
    const { by, reason } = withdrawal!;
    await activities.withdrawExplanation({ caseId, by, reason });
    if (!approver) await whenSettled(null);
    return 'withdrawn';
  }
  explanation().status = 'published';
  await activities.publishLesson(caseId);
  await activities.postLessonToSocialNetwork(caseId);
  return 'published';
}

const notYet = { kind: 'conflict', code: 'no_explanation', message: 'This case has no explanation under review.' } as const;
