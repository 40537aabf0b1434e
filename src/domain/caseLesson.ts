import type { Assessment } from './assessment';
import type { CaseSettings } from './case';
import type { CapitalizeDecision, DecisionRequest, SanctionDecision } from './decisions';
import { clauseOf, type Lesson } from './policyReview';

/** Whether a case's decision publishes an anonymised explanation (step 5), by the settings the case opened with. */
export function publishesExplanation(
  settings: Pick<CaseSettings, 'explainedSanctions' | 'explainGoodPractice'>,
  decision: DecisionRequest,
): boolean {
  return (
    (decision.outcome === 'capitalize' && settings.explainGoodPractice) ||
    (decision.outcome === 'sanction' && settings.explainedSanctions.includes(decision.sanction))
  );
}

/** What a sanctioned or capitalised case hands to its policy review (step 6); `assessment` is the one it was judged on. */
export function lessonOf(
  caseId: string,
  assessment: Assessment,
  decision: SanctionDecision | CapitalizeDecision,
  explanation: string | null,
): Lesson {
  return {
    caseId,
    kind: assessment.kind,
    category: assessment.category,
    severity: assessment.severity,
    decision: {
      outcome: decision.outcome,
      sanction: decision.outcome === 'sanction' ? decision.sanction : null,
      rationale: decision.rationale,
    },
    clause: clauseOf(assessment.category),
    explanation,
  };
}
