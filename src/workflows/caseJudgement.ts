import { condition } from '@temporalio/workflow';
import { type AcceptedDecision, type CaseOpening, type CaseReceipt, type CaseState, type JudgementBasis, receiptOf } from '../domain/case';
import { approvalReminder, deciderInbox, decisionReminder, escalationNotice } from '../domain/caseNotices';
import { APPROVER_ROLES, type DecisionContext, needsSecondApprover, refuseApproval, refuseDecision } from '../domain/decisions';
import { roleInbox } from '../domain/inboxes';
import { conflict } from '../domain/refusal';
import { escalationOf } from '../domain/routing';
import { activities, isoAt } from './activityCalls';
import { carryOn, timeToCarryOn } from './caseContinuation';
import type { CaseIntake } from './caseIntake';
import type { ApproveArgs, DecideArgs } from './caseMessages';
import { recordSystemStep } from './caseTimeline';
import { refuse } from './refusals';
import { upsertCaseAttributes } from './searchAttributes';

type Approval = NonNullable<CaseState['approval']>;

/**
 * Step 4's judgement: the decision (a validated Update judged against a basis pinned beforehand), the
 * reminders and escalations while it does not come, and the four-eyes approval of a harsh sanction.
 * The workflow records each answer itself, between the waits.
 */
export class CaseJudgement {
  private basis: JudgementBasis | null;
  private decisionsTaken: number;
  /** Keyed by decision: the main loop may still be recording an earlier decision when an answer arrives. */
  private readonly approvals = new Map<string, Approval>();
  /** Where a wait carried over from the previous run resumes its reminders. */
  private carriedRound: number;
  private remindersThisRun = 0;

  constructor(
    private readonly state: CaseState,
    private readonly opening: CaseOpening,
    private readonly intake: Pick<CaseIntake, 'openingUpdate'>,
  ) {
    const { carried } = opening;
    this.basis = carried?.basis ?? null;
    this.decisionsTaken = carried?.decisionsTaken ?? 0;
    this.carriedRound = carried?.reminderRound ?? 0;
  }

  readonly validateDecision = ({ decider, decision }: DecideArgs): void => {
    if (!this.basis) return refuse(conflict('not_ready', 'The case is still being prepared; try again in a moment.'));
    refuse(refuseDecision(this.decisionContext(this.basis), decider, decision));
  };

  readonly decide = ({ decider, decision }: DecideArgs): CaseReceipt => {
    const { state } = this;
    const { matrix, priorSanctionedCases } = this.basis!;
    this.decisionsTaken += 1;
    state.decision = {
      id: `${state.caseId}-d${this.decisionsTaken}`,
      decision,
      decidedBy: decider,
      decidedAt: isoAt(Date.now()),
      judgedAgainst: { matrixVersion: matrix.version, priorSanctionedCases },
    };
    state.approval = null;
    state.status = needsSecondApprover(decision) ? 'awaiting_approval' : 'carrying_out';
    return receiptOf(state);
  };

  readonly validateApproval = ({ approver }: ApproveArgs): void => {
    const { state } = this;
    const awaitingApproval = state.status === 'awaiting_approval' && state.decision !== null && !this.approvals.has(state.decision.id);
    refuse(
      refuseApproval({ awaitingApproval, deciderSub: state.decision?.decidedBy.sub ?? '', employeeId: this.opening.employee.id }, approver),
    );
  };

  readonly approve = ({ approver, approve, rationale }: ApproveArgs): CaseReceipt => {
    const { state } = this;
    state.approval = { approvedBy: approver, approve, rationale, at: isoAt(Date.now()) };
    this.approvals.set(state.decision!.id, state.approval);
    if (approve) {
      state.status = 'carrying_out';
    } else {
      // Sent back: the decider decides again, from scratch.
      state.decision = null;
      state.status = 'awaiting_decision';
    }
    return receiptOf(state);
  };

  /** Loads what the decision is judged against and pins it; again after each escalation. */
  async loadBasis(): Promise<void> {
    const { caseId, employee, assessment } = this.opening;
    this.basis = await activities.loadJudgementBasis({ caseId, employeeId: employee.id, kind: assessment.kind });
    this.state.matrixVersion = this.basis.matrix.version;
  }

  /** Waits for a decision, reminding the decider and escalating one level at each missed deadline. */
  async awaitDecision(): Promise<AcceptedDecision> {
    const { state, opening } = this;
    const { caseId, timing } = opening;
    let round = this.resumedRound();
    while (state.decision === null) {
      state.decisionDueAt = isoAt(Date.now() + timing.decisionDeadlineMs);
      if (await condition(() => state.decision !== null, timing.decisionReminderMs)) break;
      await recordSystemStep(
        caseId,
        {
          key: `${caseId}:decision-reminder:${state.escalations}:${round}`,
          action: 'decision_reminder_sent',
          details: { to: state.decidingRole },
        },
        decisionReminder(caseId, state.decisionDueAt),
        [deciderInbox(state.decidingRole, opening.employee.managerId)],
      );
      this.remindersThisRun += 1;
      if (await condition(() => state.decision !== null, timing.decisionDeadlineMs - timing.decisionReminderMs)) break;
      const next = escalationOf(state.decidingRole);
      if (!next) {
        round += 1;
        if (timeToCarryOn(timing, this.remindersThisRun)) await this.carryOn(round, () => state.decision === null);
        continue;
      }
      const from = state.decidingRole;
      state.decidingRole = next;
      state.escalations += 1;
      round = 0;
      upsertCaseAttributes(state);
      await recordSystemStep(
        caseId,
        { key: `${caseId}:escalated:${state.escalations}`, action: 'escalated', details: { from, to: next }, decidingRole: next },
        escalationNotice(caseId, from),
        [deciderInbox(next, opening.employee.managerId)],
      );
      await this.loadBasis();
    }
    state.decisionDueAt = null;
    return state.decision!;
  }

  recordDecision(accepted: AcceptedDecision): Promise<void> {
    return activities.recordDecision({
      caseId: this.state.caseId,
      accepted,
      assessment: this.opening.assessment,
      ...accepted.judgedAgainst,
    });
  }

  /** Waits for the four-eyes answer on a harsh sanction, reminding the approvers meanwhile. */
  async awaitApproval(decisionId: string): Promise<Approval> {
    const { caseId, timing } = this.opening;
    const answered = () => this.approvals.has(decisionId);
    for (let round = this.resumedRound(); !(await condition(answered, timing.followUpReminderMs)); round += 1) {
      await recordSystemStep(
        caseId,
        { key: `${decisionId}:approval-reminder:${round}`, action: 'approval_reminder_sent' },
        approvalReminder(caseId),
        APPROVER_ROLES.map(roleInbox),
      );
      this.remindersThisRun += 1;
      if (timeToCarryOn(timing, this.remindersThisRun)) await this.carryOn(round + 1, () => !answered());
    }
    return this.approvals.get(decisionId)!;
  }

  /** The round a wait starts at: where the previous run left it for the first wait of this run, else 0. */
  private resumedRound(): number {
    const round = this.carriedRound;
    this.carriedRound = 0;
    return round;
  }

  /** Hands the waiting case over to a new run, from reminder round `round` on. */
  private carryOn(round: number, stillWaiting: () => boolean): Promise<void> {
    const { state, opening, basis, decisionsTaken } = this;
    const carried = { state, basis: basis!, decisionsTaken, reminderRound: round, openingUpdate: this.intake.openingUpdate };
    return carryOn(opening, carried, stillWaiting);
  }

  recordApproval(decisionId: string, approval: Approval): Promise<void> {
    const { approvedBy, approve, rationale, at } = approval;
    return activities.recordApproval({ caseId: this.state.caseId, decisionId, approver: approvedBy, approve, rationale, at });
  }

  private decisionContext(basis: JudgementBasis): DecisionContext {
    const { opening, state } = this;
    return {
      employeeId: opening.employee.id,
      employeeManagerId: opening.employee.managerId,
      assessment: opening.assessment,
      siteControlledByCompany: opening.detection.siteControlledByCompany,
      routedRole: state.decidingRole,
      routing: opening.routing,
      decided: state.decision !== null,
      matrix: basis.matrix,
      priorSanctionedCases: basis.priorSanctionedCases,
      precedents: basis.precedents,
    };
  }
}
