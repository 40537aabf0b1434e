import { condition, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { AcceptedDecision, CaseOpening, CaseState, JudgementBasis } from '../domain/case';
import { refuseFollowUpReport, refuseRemovalReport } from '../domain/caseReports';
import {
  type DecisionContext,
  type DecisionRequest,
  APPROVER_ROLES,
  effectiveAssessment,
  needsSecondApprover,
  refuseApproval,
  refuseDecision,
  type SanctionDecision,
} from '../domain/decisions';
import { clauseOf } from '../domain/policyReview';
import {
  approvalReminder,
  deciderInbox,
  decisionReminder,
  escalationNotice,
  followUpQuestion,
  removalReminder,
} from '../domain/caseNotices';
import { roleInbox } from '../domain/inboxes';
import { escalationOf, initialDecidingRole } from '../domain/routing';
import type { ActivityCategory, Sanction } from '../domain/vocabulary';
import {
  approveUpdate,
  caseStateQuery,
  decideUpdate,
  reportFollowUpUpdate,
  reportRemovalUpdate,
  type ReportFollowUpArgs,
  type ReportRemovalArgs,
} from './caseMessages';
import { explainCase } from './explanationPhase';
import { openCaseReview } from './policyReviewStarter';
import { refuse } from './refusals';
import { caseSearchAttributes, moveCase } from './searchAttributes';
import { activities, isoAt } from './activityCalls';
import { recordSystemStep } from './caseTimeline';

/** How many times an unanswered removal request is chased before it is recorded as unresolved. */
export const REMOVAL_REMINDERS = 3;

export interface CaseOutcome {
  caseId: string;
  outcome: DecisionRequest['outcome'];
  sanction: Sanction | null;
  category: ActivityCategory;
}

/** One detected activity, carried from detection through a human decision to what the decision asks. */
export async function caseWorkflow(opening: CaseOpening): Promise<CaseOutcome> {
  const { caseId, employee, detection, timing } = opening;
  const state: CaseState = {
    caseId,
    status: 'awaiting_decision',
    assessment: opening.assessment,
    decidingRole: initialDecidingRole(opening.assessment, employee.managerId, opening.routing),
    department: employee.department,
    decisionDueAt: null,
    escalations: 0,
    matrixVersion: null,
    decision: null,
    approval: null,
    content: null,
    opportunity: null,
    explanation: null,
  };
  let basis: JudgementBasis | null = null;
  let decisionsTaken = 0;
  const approvals = new Map<string, NonNullable<CaseState['approval']>>();
  const removalReports: ReportRemovalArgs[] = [];
  let followUp: ReportFollowUpArgs | null = null;

  const decisionContext = (pinned: JudgementBasis): DecisionContext => ({
    employeeId: employee.id,
    employeeManagerId: employee.managerId,
    assessment: opening.assessment,
    siteControlledByCompany: detection.siteControlledByCompany,
    routedRole: state.decidingRole,
    routing: opening.routing,
    decided: state.decision !== null,
    matrix: pinned.matrix,
    priorSanctionedCases: pinned.priorSanctionedCases,
    precedents: pinned.precedents,
  });

  setHandler(caseStateQuery, () => state);
  setHandler(
    decideUpdate,
    ({ decider, decision }) => {
      decisionsTaken += 1;
      state.decision = { id: `${caseId}-d${decisionsTaken}`, decision, decidedBy: decider, decidedAt: isoAt(Date.now()) };
      state.approval = null;
      state.status = needsSecondApprover(decision) ? 'awaiting_approval' : 'carrying_out';
      return state;
    },
    {
      validator: ({ decider, decision }) => {
        if (!basis) {
          refuse({ kind: 'conflict', code: 'not_ready', message: 'The case is still being prepared; try again in a moment.' });
          return;
        }
        refuse(refuseDecision(decisionContext(basis), decider, decision));
      },
    },
  );
  setHandler(
    approveUpdate,
    ({ approver, approve, rationale }) => {
      state.approval = { approvedBy: approver, approve, rationale, at: isoAt(Date.now()) };
      // Keyed by decision: the main loop may still be recording an earlier decision when this arrives.
      approvals.set(state.decision!.id, state.approval);
      if (approve) {
        state.status = 'carrying_out';
      } else {
        // Sent back: the decider decides again, from scratch.
        state.decision = null;
        state.status = 'awaiting_decision';
      }
      return state;
    },
    {
      validator: ({ approver }) =>
        refuse(
          refuseApproval(
            {
              awaitingApproval: state.status === 'awaiting_approval' && state.decision !== null && !approvals.has(state.decision.id),
              deciderSub: state.decision?.decidedBy.sub ?? '',
              employeeId: employee.id,
            },
            approver,
          ),
        ),
    },
  );
  setHandler(
    reportRemovalUpdate,
    (report) => {
      removalReports.push(report);
      if (state.content) state.content.status = report.status === 'in_progress' ? state.content.status : report.status;
      return state;
    },
    {
      validator: ({ reporter }) => refuse(refuseRemovalReport(state.status === 'awaiting_removal' && state.content !== null, reporter)),
    },
  );
  setHandler(
    reportFollowUpUpdate,
    (report) => {
      followUp = report;
      if (state.opportunity) state.opportunity.reproduced = report.reproduced;
      return state;
    },
    { validator: ({ reporter }) => refuse(refuseFollowUpReport(state.status === 'following_up' && followUp === null, reporter)) },
  );

  const loadBasis = async () => {
    basis = await activities.loadJudgementBasis({ caseId, employeeId: employee.id, kind: opening.assessment.kind });
    state.matrixVersion = basis.matrix.version;
  };

  /** Waits for a decision, reminding the decider and escalating one level at each missed deadline. */
  const awaitDecision = async (): Promise<AcceptedDecision> => {
    let round = 0;
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
        [deciderInbox(state.decidingRole, employee.managerId)],
      );
      if (await condition(() => state.decision !== null, timing.decisionDeadlineMs - timing.decisionReminderMs)) break;
      const next = escalationOf(state.decidingRole);
      if (!next) {
        round += 1;
        continue;
      }
      const from = state.decidingRole;
      state.decidingRole = next;
      state.escalations += 1;
      round = 0;
      upsertSearchAttributes(caseSearchAttributes(state));
      await recordSystemStep(
        caseId,
        { key: `${caseId}:escalated:${state.escalations}`, action: 'escalated', details: { from, to: next }, decidingRole: next },
        escalationNotice(caseId, from),
        [deciderInbox(next, employee.managerId)],
      );
      await loadBasis();
    }
    state.decisionDueAt = null;
    return state.decision!;
  };

  /** Waits for the four-eyes answer on a harsh sanction, reminding the approvers meanwhile. */
  const awaitApproval = async (decisionId: string) => {
    for (let round = 0; !(await condition(() => approvals.has(decisionId), timing.followUpReminderMs)); round += 1) {
      await recordSystemStep(
        caseId,
        { key: `${decisionId}:approval-reminder:${round}`, action: 'approval_reminder_sent' },
        approvalReminder(caseId),
        APPROVER_ROLES.map(roleInbox),
      );
    }
    return approvals.get(decisionId)!;
  };

  /** Records what the handlers report on a removal, chasing the social-media lead while nothing comes. */
  const awaitRemoval = async () => {
    moveCase(state, 'awaiting_removal');
    let recorded = 0;
    let reminders = 0;
    const settled = () => state.content?.status === 'removed' || state.content?.status === 'refused';
    while (!settled()) {
      if (await condition(() => removalReports.length > recorded, timing.followUpReminderMs)) {
        while (recorded < removalReports.length) {
          const { reporter, status, note } = removalReports[recorded];
          recorded += 1;
          await activities.recordRemovalReport({ caseId, sequence: recorded, reporter, status, note });
        }
        continue;
      }
      if (reminders === REMOVAL_REMINDERS) {
        await activities.markRemovalUnresolved(caseId);
        state.content!.status = 'unresolved';
        return;
      }
      reminders += 1;
      await recordSystemStep(
        caseId,
        { key: `${caseId}:removal-reminder:${reminders}`, action: 'removal_reminder_sent' },
        removalReminder(caseId),
        [roleInbox('social_media_lead')],
      );
    }
  };

  const carryOutSanction = async (accepted: AcceptedDecision, decision: SanctionDecision) => {
    const judged = effectiveAssessment(opening.assessment, decision);
    await activities.applySanction({
      caseId,
      decisionId: accepted.id,
      employeeId: employee.id,
      sanction: decision.sanction,
      category: judged.category,
      severity: judged.severity,
      matrixVersion: basis!.matrix.version,
      rationale: decision.rationale,
    });
    const order = {
      caseId,
      url: detection.url,
      platform: detection.platform,
      reach: detection.reach,
      severity: judged.severity,
      rationale: decision.content.rationale,
    };
    state.content = { action: decision.content.action, status: 'left' };
    switch (decision.content.action) {
      case 'remove': {
        const { status } = await activities.removeFromCompanySite(order);
        state.content.status = status;
        if (status === 'awaiting_removal') await awaitRemoval();
        break;
      }
      case 'request_removal':
        await activities.openRemovalRequest(order);
        state.content.status = 'requested';
        await awaitRemoval();
        break;
      case 'leave':
        await activities.leaveContent(order);
        break;
    }
  };

  const capitalize = async (plan: Extract<DecisionRequest, { outcome: 'capitalize' }>) => {
    const followUpDueAt = isoAt(Date.now() + timing.opportunityFollowUpMs);
    await activities.capitalizeOnActivity({ caseId, plan: plan.plan, rationale: plan.rationale, url: detection.url, followUpDueAt });
    state.opportunity = { followUpDueAt, reproduced: null };
  };

  /** Asks whether a positive activity's success was reproduced, when due (an answer may come earlier). */
  const followUpOpportunity = async (plan: Extract<DecisionRequest, { outcome: 'capitalize' }>) => {
    moveCase(state, 'following_up');
    const untilDue = Date.parse(state.opportunity!.followUpDueAt!) - Date.now();
    if (!(untilDue > 0 && (await condition(() => followUp !== null, untilDue)))) {
      await recordSystemStep(
        caseId,
        { key: `${caseId}:follow-up-question`, action: 'follow_up_asked' },
        followUpQuestion(caseId, plan.plan.reproduce),
        [roleInbox('social_media_lead')],
      );
      await condition(() => followUp !== null, timing.followUpReminderMs);
    }
    const answer = followUp as ReportFollowUpArgs | null;
    await activities.recordFollowUp({
      caseId,
      reporter: answer?.reporter ?? null,
      reproduced: answer?.reproduced ?? null,
      note: answer?.note ?? '',
    });
  };

  await activities.openCaseRecord(opening, state.decidingRole);
  await loadBasis();

  let accepted: AcceptedDecision;
  for (;;) {
    accepted = await awaitDecision();
    await activities.recordDecision({
      caseId,
      accepted,
      assessment: opening.assessment,
      matrixVersion: state.matrixVersion,
      priorSanctionedCases: basis!.priorSanctionedCases,
    });
    upsertSearchAttributes(caseSearchAttributes(state));
    if (!needsSecondApprover(accepted.decision)) break;
    const approval = await awaitApproval(accepted.id);
    await activities.recordApproval({
      caseId,
      decisionId: accepted.id,
      approver: approval.approvedBy,
      approve: approval.approve,
      rationale: approval.rationale,
      at: approval.at,
    });
    upsertSearchAttributes(caseSearchAttributes(state));
    if (approval.approve) break;
  }

  const { decision } = accepted;
  state.assessment = effectiveAssessment(opening.assessment, decision);
  moveCase(state, 'carrying_out');
  if (decision.outcome === 'sanction') await carryOutSanction(accepted, decision);
  else if (decision.outcome === 'capitalize') await capitalize(decision);

  // Step 6: a sanction or a capitalisation opens a policy review that outlives the case.
  const reviewLesson = async (explanation: string | null) => {
    if (decision.outcome === 'dismiss') return;
    await openCaseReview({
      caseId,
      kind: opening.assessment.kind,
      category: state.assessment.category,
      severity: state.assessment.severity,
      decision: {
        outcome: decision.outcome,
        sanction: decision.outcome === 'sanction' ? decision.sanction : null,
        rationale: decision.rationale,
      },
      clause: clauseOf(state.assessment.category),
      explanation,
    });
  };
  const explained =
    (decision.outcome === 'capitalize' && opening.explainGoodPractice) ||
    (decision.outcome === 'sanction' && opening.explainedSanctions.includes(decision.sanction));
  if (explained) {
    await explainCase(
      state,
      {
        caseId,
        decisionId: accepted.id,
        employeeId: employee.id,
        decidingRole: state.decidingRole,
        publicationDelayMs: timing.publicationDelayMs,
        reminderMs: timing.followUpReminderMs,
      },
      reviewLesson,
    );
  } else {
    await reviewLesson(null);
  }
  if (decision.outcome === 'capitalize') await followUpOpportunity(decision);

  moveCase(state, 'closed');
  await activities.recordCaseProgress({
    caseId,
    status: 'closed',
    event: { eventKey: `${caseId}:closed`, actor: 'system', action: 'case_closed', details: { outcome: decision.outcome } },
  });
  return {
    caseId,
    outcome: decision.outcome,
    sanction: decision.outcome === 'sanction' ? decision.sanction : null,
    category: state.assessment.category,
  };
}
