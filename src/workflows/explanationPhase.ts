import { condition, patched, setHandler } from '@temporalio/workflow';
import type { EmployeeIdentifiers } from '../domain/anonymisation';
import { type CaseOpening, type CaseReceipt, type CaseState, type ExplanationState, receiptOf } from '../domain/case';
import { explanationEscalation, explanationReminder } from '../domain/caseNotices';
import type { Decider } from '../domain/decider';
import { type ExplanationReview, refuseExplanationApproval, refuseExplanationEdit, refuseWithdrawal } from '../domain/explanation';
import { roleInbox } from '../domain/inboxes';
import { conflict } from '../domain/refusal';
import type { DecidingRole } from '../domain/vocabulary';
import { activities, isoAt } from './activityCalls';
import {
  approveExplanationUpdate,
  type ApproveExplanationArgs,
  editExplanationUpdate,
  type EditExplanationArgs,
  withdrawExplanationUpdate,
  type WithdrawExplanationArgs,
} from './caseMessages';
import { recordSystemStep } from './caseTimeline';
import { PATCHES } from './patches';
import { refuse } from './refusals';
import { moveCase } from './searchAttributes';

/** How many times communications is reminded of a lesson under review before it is escalated to the committee. */
export const EXPLANATION_REMINDERS = 3;

/** Called once the text is settled: approved (the text) or withdrawn (null), before publication is awaited. */
type WhenSettled = (approvedText: string | null) => Promise<void>;

/**
 * Step 5 of a case: the anonymised lesson of decision `decisionId` is drafted, reviewed and approved
 * (or withdrawn), then published when due. Returns how it ended. Edits, approval and withdrawal are
 * validated Updates, accepted from the moment the phase begins.
 */
export function explainCase(
  state: CaseState,
  opening: CaseOpening,
  decisionId: string,
  whenSettled: WhenSettled,
): Promise<'published' | 'withdrawn'> {
  const phase = new ExplanationPhase(state, opening, decisionId);
  setHandler(editExplanationUpdate, phase.edit, { validator: phase.validateEdit });
  setHandler(approveExplanationUpdate, phase.approve, { validator: phase.validateApproval });
  setHandler(withdrawExplanationUpdate, phase.withdraw, { validator: phase.validateWithdrawal });
  // Not async: one more async return before the case moves on would reorder its commands (see caseWorkflow).
  return phase.run(whenSettled);
}

const notYet = conflict('no_explanation', 'This case has no explanation under review.');

class ExplanationPhase {
  private identifiers: EmployeeIdentifiers | null = null;
  private withdrawal: { by: Decider; reason: string } | null = null;
  private approver: Decider | null = null;
  private readonly editors = new Map<number, Decider>();
  /** Who decided the case: they, the committee or communications review its lesson. */
  private readonly decidingRole: DecidingRole;

  constructor(
    private readonly state: CaseState,
    private readonly opening: CaseOpening,
    private readonly decisionId: string,
  ) {
    this.decidingRole = state.decidingRole;
  }

  readonly validateEdit = ({ editor, title, parts }: EditExplanationArgs): void =>
    refuse(
      this.state.explanation && this.identifiers
        ? refuseExplanationEdit(this.review(), editor, { kind: this.explanation.kind, title, parts }, this.identifiers)
        : notYet,
    );

  readonly edit = ({ editor, title, parts }: EditExplanationArgs): CaseReceipt => {
    const revision = this.explanation.revision + 1;
    Object.assign(this.explanation, { title, parts, revision, lastEditor: editor.sub });
    this.editors.set(revision, editor);
    return receiptOf(this.state);
  };

  readonly validateApproval = ({ approver, publishAt }: ApproveExplanationArgs): void =>
    refuse(
      this.state.explanation && this.identifiers
        ? refuseExplanationApproval(this.review(), approver, this.explanation, this.identifiers, { requested: publishAt, now: Date.now() })
        : notYet,
    );

  readonly approve = ({ approver, publishAt }: ApproveExplanationArgs): CaseReceipt => {
    this.approver = approver;
    this.state.status = 'awaiting_publication';
    Object.assign(this.explanation, {
      status: 'approved',
      approvedBy: approver.sub,
      publishAt: publishAt ?? isoAt(Date.now() + this.opening.timing.publicationDelayMs),
    });
    return receiptOf(this.state);
  };

  readonly validateWithdrawal = ({ by }: WithdrawExplanationArgs): void =>
    refuse(this.state.explanation ? refuseWithdrawal(this.review(), by) : notYet);

  readonly withdraw = ({ by, reason }: WithdrawExplanationArgs): CaseReceipt => {
    this.withdrawal = { by, reason };
    this.explanation.status = 'withdrawn';
    return receiptOf(this.state);
  };

  async run(whenSettled: WhenSettled): Promise<'published' | 'withdrawn'> {
    const { state, opening } = this;
    const { caseId } = opening;
    const drafted = await activities.draftCaseExplanation({ caseId, decisionId: this.decisionId });
    this.identifiers = drafted.identifiers;
    state.explanation = { ...drafted.draft, status: 'draft', revision: 1, lastEditor: 'system', approvedBy: null, publishAt: null };
    moveCase(state, 'explaining');

    // Review: save each accepted edit, remind communications while nothing happens, then escalate and wait in silence.
    let saved = 1;
    let reminders = 0;
    let escalated = false;
    while (this.explanation.status === 'draft' || this.explanation.revision > saved) {
      const news = () => this.explanation.revision > saved || this.explanation.status !== 'draft';
      const moved = escalated ? await condition(news).then(() => true) : await condition(news, opening.timing.followUpReminderMs);
      if (!moved) {
        if (reminders === EXPLANATION_REMINDERS && patched(PATCHES.boundedExplanationReminders)) {
          escalated = true;
          await recordSystemStep(
            caseId,
            { key: `${caseId}:explanation-escalated`, action: 'explanation_escalated', details: { reminders } },
            explanationEscalation(caseId, reminders),
            [roleInbox('steering_committee'), roleInbox('communications')],
          );
          continue;
        }
        reminders += 1;
        await recordSystemStep(
          caseId,
          { key: `${caseId}:explanation-reminder:${reminders}`, action: 'explanation_reminder_sent' },
          explanationReminder(caseId),
          [roleInbox('communications')],
        );
        continue;
      }
      while (saved < this.explanation.revision) {
        saved += 1;
        // Only the latest text is kept; intermediate revisions are on the timeline.
        await activities.saveExplanationRevision({ caseId, revision: saved, draft: this.explanation, editor: this.editors.get(saved)! });
      }
    }

    if (this.explanation.status === 'approved') {
      await activities.recordExplanationApproval({ caseId, approver: this.approver!, publishAt: this.explanation.publishAt! });
      await whenSettled(this.explanation.parts.map((part) => `${part.heading}: ${part.text}`).join('\n\n'));
      moveCase(state, 'awaiting_publication');
      const wait = Date.parse(this.explanation.publishAt!) - Date.now();
      if (wait > 0) await condition(() => this.explanation.status === 'withdrawn', wait);
    }
    if (this.explanation.status === 'withdrawn') {
      const { by, reason } = this.withdrawal!;
      await activities.withdrawExplanation({ caseId, by, reason });
      if (!this.approver) await whenSettled(null);
      return 'withdrawn';
    }
    this.explanation.status = 'published';
    await activities.publishLesson(caseId);
    await activities.postLessonToSocialNetwork(caseId);
    return 'published';
  }

  private get explanation(): ExplanationState {
    return this.state.explanation as ExplanationState;
  }

  private review(): ExplanationReview {
    return {
      status: this.explanation.status,
      decidingRole: this.decidingRole,
      employeeId: this.opening.employee.id,
      lastEditor: this.explanation.lastEditor,
    };
  }
}
