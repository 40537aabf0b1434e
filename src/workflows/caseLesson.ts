import type { AcceptedDecision, CaseOpening, CaseState } from '../domain/case';
import { clauseOf } from '../domain/policyReview';
import { explainCase } from './explanationPhase';
import { openCaseReview } from './policyReviewStarter';

/**
 * Steps 5 and 6 after a sanction or a capitalisation: the anonymised explanation when the case's
 * settings publish one, and the policy review of the lesson, opened as soon as the explanation is
 * settled (with its text when approved). A dismissed case teaches nothing.
 */
export async function learnFromCase(state: CaseState, opening: CaseOpening, accepted: AcceptedDecision): Promise<void> {
  const { decision } = accepted;
  if (decision.outcome === 'dismiss') return;
  const reviewLesson = (explanation: string | null) =>
    openCaseReview({
      caseId: opening.caseId,
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
  const explained =
    decision.outcome === 'capitalize' ? opening.explainGoodPractice : opening.explainedSanctions.includes(decision.sanction);
  if (!explained) return reviewLesson(null);
  const { caseId, employee, timing } = opening;
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
}
