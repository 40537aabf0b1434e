import type { Assessment } from './assessment';
import type { Decider } from './decider';
import { conflict, forbidden, type Refusal, unprocessable } from './refusal';
import { establishedPrecedent, precedentKey, type PrecedentsByAct } from './precedents';
import { DECIDING_ROLE_LABELS, mayDecideAs, routeCase, type RoutingRules } from './routing';
import { allowedSanctions, type SanctionMatrixContent } from './sanctionMatrix';
import {
  categoriesOf,
  isCategoryOfKind,
  type ActivityCategory,
  type ContentAction,
  type DecidingRole,
  type InappropriateCategory,
  type Role,
  type Sanction,
  type Severity,
} from './vocabulary';

export interface SanctionDecision {
  outcome: 'sanction';
  sanction: Sanction;
  rationale: string;
  content: { action: ContentAction; rationale: string };
  /** The decider's own reading of the act, when it differs from the detection's. */
  reclassify?: { category: ActivityCategory; severity: Severity };
  /** Why the sanction departs from the established precedent. */
  justification?: string;
}

export interface CapitalizeDecision {
  outcome: 'capitalize';
  plan: { amplify: boolean; shareInsightWith: string; reproduce: string };
  rationale: string;
}

export interface DismissDecision {
  outcome: 'dismiss';
  rationale: string;
}

export type DecisionRequest = SanctionDecision | CapitalizeDecision | DismissDecision;

/** Everything a decision is judged against, loaded and pinned in the case before the decision is awaited. */
export interface DecisionContext {
  employeeId: string;
  employeeManagerId: string | null;
  assessment: Assessment;
  siteControlledByCompany: boolean;
  routedRole: DecidingRole;
  routing: RoutingRules;
  decided: boolean;
  matrix: SanctionMatrixContent;
  priorSanctionedCases: number;
  precedents: PrecedentsByAct;
}

const isBlank = (text: string | undefined): boolean => (text ?? '').trim() === '';

/** The assessment the decision is judged on: the decider's reclassification, or the detection's. */
export function effectiveAssessment(assessment: Assessment, request: DecisionRequest): Assessment {
  return request.outcome === 'sanction' && request.reclassify ? { kind: assessment.kind, ...request.reclassify } : assessment;
}

function offenceHistory(priorSanctionedCases: number): string {
  if (priorSanctionedCases === 0) return 'for a first offence';
  const cases = priorSanctionedCases === 1 ? '1 prior sanctioned case' : `${priorSanctionedCases} prior sanctioned cases`;
  return `for an employee with ${cases}`;
}

function refuseRole(ctx: DecisionContext, decider: Decider): Refusal | null {
  const routedTo = DECIDING_ROLE_LABELS[ctx.routedRole];
  if (!mayDecideAs(decider.roles, ctx.routedRole)) {
    return forbidden(
      'wrong_role',
      `This case is routed to ${routedTo}; your roles (${decider.roles.join(', ')}) do not allow you to decide it.`,
    );
  }
  const decidesOnlyAsManager = !mayDecideAs(decider.roles, 'social_media_lead');
  if (ctx.routedRole === 'manager' && decidesOnlyAsManager && decider.sub !== ctx.employeeManagerId) {
    return forbidden('wrong_role', `This case is routed to ${routedTo}, and you are not this employee's manager.`);
  }
  return null;
}

function refuseOutcome(kind: Assessment['kind'], request: DecisionRequest): Refusal | null {
  if (request.outcome === 'sanction' && kind !== 'inappropriate') {
    return unprocessable('outcome_mismatch', 'Only inappropriate activity can be sanctioned; this case is about positive activity.');
  }
  if (request.outcome === 'capitalize' && kind !== 'positive') {
    return unprocessable('outcome_mismatch', 'Only positive activity can be capitalised on; this case is about inappropriate activity.');
  }
  return null;
}

function refuseReclassification(ctx: DecisionContext, decider: Decider, effective: Assessment): Refusal | null {
  if (!isCategoryOfKind(ctx.assessment.kind, effective.category)) {
    return unprocessable(
      'invalid_reclassification',
      `${effective.category} is not a category of ${ctx.assessment.kind} activity; choose one of ${categoriesOf(ctx.assessment.kind).join(', ')}.`,
    );
  }
  const reroutedTo = routeCase(effective, ctx.routing);
  if (!mayDecideAs(decider.roles, reroutedTo)) {
    return unprocessable(
      'invalid_reclassification',
      `Reclassified as ${effective.category}/${effective.severity}, the case would be for ${DECIDING_ROLE_LABELS[reroutedTo]} to decide, which your roles do not cover.`,
    );
  }
  return null;
}

/** Judges a sanction once the outcome and any reclassification are known to fit inappropriate activity. */
function refuseSanction(ctx: DecisionContext, request: SanctionDecision, effective: Assessment): Refusal | null {
  const category = effective.category as InappropriateCategory;
  const act = `${category}/${effective.severity}`;
  const history = offenceHistory(ctx.priorSanctionedCases);
  const { range, allowed } = allowedSanctions(ctx.matrix, category, effective.severity, ctx.priorSanctionedCases);
  if (!allowed.includes(request.sanction)) {
    const span = range.min === range.max ? `only ${range.min}` : `${range.min} to ${range.max}`;
    return unprocessable('disproportionate', `${act} allows ${span} ${history}; ${request.sanction} is outside that range.`);
  }
  const precedents = ctx.precedents[precedentKey(category, effective.severity)] ?? [];
  const established = establishedPrecedent(precedents, ctx.priorSanctionedCases > 0);
  // A precedent the current matrix no longer allows cannot bind: the decider could not follow it.
  const binding = established && allowed.includes(established.sanction) ? established : null;
  if (binding && binding.sanction !== request.sanction && isBlank(request.justification)) {
    const cases = binding.count === 1 ? '1 comparable case' : `${binding.count} comparable cases`;
    return unprocessable(
      'inconsistent_with_precedent',
      `${act} ${history} has received ${binding.sanction} in ${cases}; choosing ${request.sanction} instead needs a written justification.`,
    );
  }
  if (request.content.action === 'remove' && !ctx.siteControlledByCompany) {
    return unprocessable(
      'cannot_remove_external',
      'The content is on a site the company does not control, so it cannot be removed; choose request_removal or leave.',
    );
  }
  return null;
}

/** Why `decider` may not take this decision on this case, or null when it may be taken. */
export function refuseDecision(ctx: DecisionContext, decider: Decider, request: DecisionRequest): Refusal | null {
  if (ctx.decided) return conflict('already_decided', 'This case has already been decided.');
  if (decider.sub === ctx.employeeId) return forbidden('own_case', 'You cannot decide a case about yourself.');
  const refusal = refuseRole(ctx, decider) ?? refuseOutcome(ctx.assessment.kind, request);
  if (refusal) return refusal;

  if (request.outcome === 'sanction') {
    const effective = effectiveAssessment(ctx.assessment, request);
    const sanctionRefusal =
      (request.reclassify ? refuseReclassification(ctx, decider, effective) : null) ?? refuseSanction(ctx, request, effective);
    if (sanctionRefusal) return sanctionRefusal;
    if (isBlank(request.content.rationale)) {
      return unprocessable('rationale_required', 'Explain why the content is to be removed, requested for removal or left.');
    }
  }
  if (isBlank(request.rationale)) return unprocessable('rationale_required', 'Explain why this decision was taken.');
  return null;
}

export const HARSH_SANCTIONS: readonly Sanction[] = ['suspension', 'termination'];

/** Harsh sanctions take effect only once a second person approves them (four eyes). */
export function needsSecondApprover(request: DecisionRequest): boolean {
  return request.outcome === 'sanction' && HARSH_SANCTIONS.includes(request.sanction);
}

export const APPROVER_ROLES: readonly Role[] = ['steering_committee', 'hr'];

export interface ApprovalContext {
  awaitingApproval: boolean;
  deciderSub: string;
  employeeId: string;
}

/** Why `approver` may not approve or send back the pending decision, or null when they may. */
export function refuseApproval(ctx: ApprovalContext, approver: Decider): Refusal | null {
  if (!ctx.awaitingApproval) return conflict('not_awaiting_approval', 'This case has no decision awaiting approval.');
  if (!approver.roles.some((role) => APPROVER_ROLES.includes(role))) {
    return forbidden('wrong_role', 'A harsh sanction is approved by a member of the steering committee or HR.');
  }
  if (approver.sub === ctx.deciderSub) {
    return forbidden('four_eyes', 'You took this decision; a second person must approve it.');
  }
  if (approver.sub === ctx.employeeId) return forbidden('own_case', 'You cannot approve a decision about yourself.');
  return null;
}
