import type { Assessment } from './assessment';
import type { Decider } from './decider';
import type { DecisionRequest } from './decisions';
import type { ExplanationDraft, ExplanationStatus } from './explanation';
import type { PrecedentsByAct } from './precedents';
import type { RoutingRules } from './routing';
import type { SanctionMatrix } from './sanctionMatrix';
import type { CaseStatus, DecidingRole, Sanction } from './vocabulary';

/** What the detection source saw; kept in the case's workflow input and the database, never in search attributes. */
export interface Detection {
  source: string;
  sourceRef: string;
  platform: string;
  url: string;
  content: string;
  siteControlledByCompany: boolean;
  detectedAt: string;
  reach: number;
}

export interface CaseEmployee {
  id: string;
  department: string;
  managerId: string | null;
}

/** Every duration a case waits on, in milliseconds, pinned when the case opens. */
export interface CaseTiming {
  /** After this long without a decision, the decider is reminded. */
  decisionReminderMs: number;
  /** After this long without a decision, the case goes one level up. */
  decisionDeadlineMs: number;
  /** How often an open removal request or a pending approval is chased. */
  followUpReminderMs: number;
  /** How long after capitalising on a positive activity to ask whether it was reproduced. */
  opportunityFollowUpMs: number;
  /** How long after its approval an explanation is published, unless a date is given (room for an appeal). */
  publicationDelayMs: number;
  /** How many reminders one run of a wait for a decision or an approval sends before the case continues as new (default 10). */
  remindersPerRun?: number;
}

/** How new cases are opened: durations and routing, from configuration. */
export interface CaseSettings {
  timing: CaseTiming;
  routing: RoutingRules;
  /** Sanctions whose case publishes an anonymised explanation. */
  explainedSanctions: Sanction[];
  /** Whether capitalised positive activity publishes a good-practice example. */
  explainGoodPractice: boolean;
}

/** The input of a case workflow. */
export interface CaseOpening extends CaseSettings {
  caseId: string;
  detection: Detection;
  employee: CaseEmployee;
  assessment: Assessment;
  /** Who reported it, as `roles:sub` of their token (cases opened before this was recorded name `detector:<source>`). */
  openedBy?: string;
  /** Set when the case continued as new while it waited for a decision or an approval. */
  carried?: CarriedCase;
}

/** What a case waiting for a decision or an approval hands to its next run (continue-as-new). */
export interface CarriedCase {
  state: CaseState;
  basis: JudgementBasis;
  decisionsTaken: number;
  /** The reminder round the wait is at: reminders are keyed by it, so none is sent twice. */
  reminderRound: number;
  /** The id of the intake Update that opened the case. */
  openingUpdate: string | null;
  /** Runs before this one. */
  runs: number;
}

/** What the case workflow loads before awaiting a decision, and pins: the decision is judged against it. */
export interface JudgementBasis {
  matrix: SanctionMatrix;
  priorSanctionedCases: number;
  precedents: PrecedentsByAct;
}

export interface AcceptedDecision {
  id: string;
  decision: DecisionRequest;
  decidedBy: Decider;
  decidedAt: string;
  /** What it was judged against when accepted: an escalation may reload the basis before it is recorded. */
  judgedAgainst: { matrixVersion: number; priorSanctionedCases: number };
}

export type ContentStatus = 'removed' | 'awaiting_removal' | 'requested' | 'refused' | 'left' | 'unresolved';

/** The live state of a case, as its workflow answers the `caseState` query. */
export interface CaseState {
  caseId: string;
  status: CaseStatus;
  assessment: Assessment;
  decidingRole: DecidingRole;
  department: string;
  decisionDueAt: string | null;
  escalations: number;
  matrixVersion: number | null;
  decision: AcceptedDecision | null;
  approval: { approvedBy: Decider; approve: boolean; rationale: string; at: string } | null;
  content: { action: string; status: ContentStatus } | null;
  opportunity: { followUpDueAt: string | null; reproduced: boolean | null } | null;
  explanation: ExplanationState | null;
}

/**
 * What every Update of a case answers: where the case stands after it, with the ids a caller needs
 * next, never the whole state (the API's `GET /api/cases/:caseId` reads that).
 */
export interface CaseReceipt {
  caseId: string;
  status: CaseStatus;
  decisionId: string | null;
  content: CaseState['content'];
  explanation: Pick<ExplanationState, 'status' | 'revision' | 'lastEditor' | 'approvedBy' | 'publishAt'> | null;
}

export function receiptOf(state: CaseState): CaseReceipt {
  const { explanation } = state;
  return {
    caseId: state.caseId,
    status: state.status,
    decisionId: state.decision?.id ?? null,
    content: state.content && { ...state.content },
    explanation: explanation && {
      status: explanation.status,
      revision: explanation.revision,
      lastEditor: explanation.lastEditor,
      approvedBy: explanation.approvedBy,
      publishAt: explanation.publishAt,
    },
  };
}

/** What intake answers once the case is on record and can be decided: `created` for the request that opened it. */
export interface IntakeReceipt {
  caseId: string;
  status: CaseStatus;
  created: boolean;
}

/** The lesson of a case under review, as the case workflow holds it. */
export interface ExplanationState extends ExplanationDraft {
  status: ExplanationStatus;
  revision: number;
  lastEditor: string;
  approvedBy: string | null;
  publishAt: string | null;
}

/** The case a workflow belongs to: the case workflow itself, or the policy review it opened; null for other workflows. */
export function caseIdOfWorkflow(workflowId: string): string | null {
  if (workflowId.startsWith('case-')) return workflowId;
  if (workflowId.startsWith('policy-review-case-')) return workflowId.slice('policy-review-'.length);
  return null;
}
