import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseReceipt, CaseState, IntakeReceipt } from '../domain/case';
import type { DecisionRequest } from '../domain/decisions';
import type { Decider } from '../domain/decider';
import type { ExplanationDraft } from '../domain/explanation';
import type { RemovalReport } from '../domain/vocabulary';

export const caseStateQuery = defineQuery<CaseState>('caseState');

/**
 * Intake, sent with the workflow's start (Update-with-Start): answered once the case is on record
 * and its judgement basis pinned, so a decision sent after the answer is never refused as not ready.
 */
export const intakeUpdate = defineUpdate<IntakeReceipt>('intake');

export interface DecideArgs {
  decider: Decider;
  decision: DecisionRequest;
}
/** A human decision; its validator refuses it before it enters history. */
export const decideUpdate = defineUpdate<CaseReceipt, [DecideArgs]>('decide');

export interface ApproveArgs {
  approver: Decider;
  approve: boolean;
  rationale: string;
}
/** The four-eyes answer on a harsh sanction: approval carries it out, refusal sends it back to the decider. */
export const approveUpdate = defineUpdate<CaseReceipt, [ApproveArgs]>('approve');

export interface ReportRemovalArgs {
  reporter: Decider;
  status: RemovalReport;
  note: string;
}
/** News of a removal request (or of a manual removal on a company site without an adapter). */
export const reportRemovalUpdate = defineUpdate<CaseReceipt, [ReportRemovalArgs]>('reportRemoval');

export interface ReportFollowUpArgs {
  reporter: Decider;
  reproduced: boolean;
  note: string;
}
/** Whether a positive activity's success was reproduced. */
export const reportFollowUpUpdate = defineUpdate<CaseReceipt, [ReportFollowUpArgs]>('reportFollowUp');

export interface EditExplanationArgs {
  editor: Decider;
  title: string;
  parts: ExplanationDraft['parts'];
}
/** A new text of the case's explanation; refused if a part is empty or the text still identifies the employee. */
export const editExplanationUpdate = defineUpdate<CaseReceipt, [EditExplanationArgs]>('editExplanation');

export interface ApproveExplanationArgs {
  approver: Decider;
  /** When to publish; by default the configured delay after approval. */
  publishAt: string | null;
}
/** Approval by someone other than the last editor schedules the publication. */
export const approveExplanationUpdate = defineUpdate<CaseReceipt, [ApproveExplanationArgs]>('approveExplanation');

export interface WithdrawExplanationArgs {
  by: Decider;
  reason: string;
}
/** Cancels the explanation before it is published; the case then closes. */
export const withdrawExplanationUpdate = defineUpdate<CaseReceipt, [WithdrawExplanationArgs]>('withdrawExplanation');
