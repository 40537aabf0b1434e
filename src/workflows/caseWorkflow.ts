import { patched, setHandler } from '@temporalio/workflow';
import type { AcceptedDecision, CaseOpening, CaseState } from '../domain/case';
import { lessonOf, publishesExplanation } from '../domain/caseLesson';
import { type DecisionRequest, effectiveAssessment, needsSecondApprover } from '../domain/decisions';
import { initialDecidingRole } from '../domain/routing';
import type { ActivityCategory, Sanction } from '../domain/vocabulary';
import { activities } from './activityCalls';
import { CaseIntake } from './caseIntake';
import { CaseJudgement } from './caseJudgement';
import { approveUpdate, caseStateQuery, decideUpdate, intakeUpdate, reportFollowUpUpdate, reportRemovalUpdate } from './caseMessages';
import { ContentHandling } from './contentHandling';
import { explainCase } from './explanationPhase';
import { OpportunityPhase } from './opportunityPhase';
import { PATCHES } from './patches';
import { openCaseReview } from './policyReviewStarter';
import { moveCase, upsertCaseAttributes } from './searchAttributes';

export interface CaseOutcome {
  caseId: string;
  outcome: DecisionRequest['outcome'];
  sanction: Sanction | null;
  category: ActivityCategory;
}

/**
 * One detected activity, carried from detection through a human decision to what the decision asks.
 *
 * Cases are in flight: every command must come in the order it always did. An Update completing in the
 * same workflow task as an activity interleaves with the workflow's code microtask by microtask, so
 * even the async functions an `await` goes through count: the phases keep theirs as they were, and
 * helpers that only record (recordDecision, recordSystemStep...) return the activity's promise.
 */
export async function caseWorkflow(opening: CaseOpening): Promise<CaseOutcome> {
  const { caseId, employee, carried } = opening;
  const state: CaseState = carried?.state ?? {
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
  const intake = new CaseIntake(state, carried?.openingUpdate ?? null);
  const judgement = new CaseJudgement(state, opening, intake);
  const content = new ContentHandling(state, opening);
  const opportunity = new OpportunityPhase(state, opening);

  setHandler(caseStateQuery, () => state);
  setHandler(intakeUpdate, intake.answer);
  setHandler(decideUpdate, judgement.decide, { validator: judgement.validateDecision });
  setHandler(approveUpdate, judgement.approve, { validator: judgement.validateApproval });
  setHandler(reportRemovalUpdate, content.report, { validator: content.validateReport });
  setHandler(reportFollowUpUpdate, opportunity.report, { validator: opportunity.validateReport });

  // Intake: the basis its decision will be judged against, and the case on record: from then on it can be decided.
  // A case carried over from its previous run (continue-as-new) has both already.
  if (!carried) {
    if (patched(PATCHES.basisBeforeRecord)) {
      await judgement.loadBasis();
      await activities.openCaseRecord(opening, state.decidingRole);
    } else {
      await activities.openCaseRecord(opening, state.decidingRole);
      await judgement.loadBasis();
    }
  }
  intake.prepared();

  // Judgement: a decision; a harsh sanction needs a second approver, whose refusal sends it back to the decider.
  // Waiting long, the case continues as new; a run carried over while awaiting approval resumes there.
  let accepted: AcceptedDecision;
  let resumingApproval = carried?.state.status === 'awaiting_approval';
  for (;;) {
    if (resumingApproval) {
      accepted = state.decision!;
      resumingApproval = false;
    } else {
      accepted = await judgement.awaitDecision();
      await judgement.recordDecision(accepted);
      upsertCaseAttributes(state);
      if (!needsSecondApprover(accepted.decision)) break;
    }
    const approval = await judgement.awaitApproval(accepted.id);
    await judgement.recordApproval(accepted.id, approval);
    upsertCaseAttributes(state);
    if (approval.approve) break;
  }

  // Carrying out: the sanction and what becomes of the content, or the capitalisation on a positive activity.
  const { decision } = accepted;
  state.assessment = effectiveAssessment(opening.assessment, decision);
  moveCase(state, 'carrying_out');
  let contentHandled: Promise<void> | null = null;
  if (decision.outcome === 'sanction') {
    await activities.applySanction({
      caseId,
      decisionId: accepted.id,
      employeeId: employee.id,
      sanction: decision.sanction,
      category: state.assessment.category,
      severity: state.assessment.severity,
      matrixVersion: accepted.judgedAgainst.matrixVersion,
      rationale: decision.rationale,
    });
    // Whether a third-party site takes a post down has no bearing on the lesson: new cases handle both at once.
    if (patched(PATCHES.lessonAlongsideContent)) {
      contentHandled = content.handleAlongside(decision.content);
      contentHandled.catch(() => undefined); // awaited once the lesson is done; a failure then fails the case
    } else {
      await content.handle(decision.content);
    }
  } else if (decision.outcome === 'capitalize') {
    await opportunity.capitalize(decision);
  }

  // The lesson: the anonymised explanation when the settings ask for one, and the policy review that outlives the case.
  const reviewLesson = async (explanation: string | null) => {
    if (decision.outcome !== 'dismiss') await openCaseReview(lessonOf(caseId, state.assessment, decision, explanation));
  };
  if (publishesExplanation(opening, decision)) await explainCase(state, opening, accepted.id, reviewLesson);
  else await reviewLesson(null);
  if (contentHandled) {
    content.lessonDone();
    await contentHandled;
  }

  // Follow-up: was a positive activity's success reproduced?
  if (decision.outcome === 'capitalize') await opportunity.followUp(decision);

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
