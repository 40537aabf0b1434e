import type { Assessment } from './assessment';
import { DECIDING_ROLES, type DecidingRole, type Role, type Severity } from './vocabulary';

/** Who decides which cases: inappropriate activity by severity, positive activity by one role. */
export interface RoutingRules {
  inappropriate: Record<Severity, DecidingRole>;
  positive: DecidingRole;
}

export const DEFAULT_ROUTING_RULES: RoutingRules = {
  inappropriate: {
    minor: 'manager',
    moderate: 'social_media_lead',
    serious: 'steering_committee',
    critical: 'steering_committee',
  },
  positive: 'social_media_lead',
};

/** Who decides a case, from its assessment: the employee's manager, the social-media lead, or the committee. */
export function routeCase(assessment: Assessment, rules: RoutingRules = DEFAULT_ROUTING_RULES): DecidingRole {
  return assessment.kind === 'positive' ? rules.positive : rules.inappropriate[assessment.severity];
}

/** Who a new case goes to: as routed, except that a case for the manager of someone without one goes a level up. */
export function initialDecidingRole(
  assessment: Assessment,
  managerId: string | null,
  rules: RoutingRules = DEFAULT_ROUTING_RULES,
): DecidingRole {
  const routed = routeCase(assessment, rules);
  return routed === 'manager' && managerId === null ? (escalationOf(routed) as DecidingRole) : routed;
}

/** Where an undecided case goes when its deadline passes; null once the committee has it. */
export function escalationOf(role: DecidingRole): DecidingRole | null {
  return DECIDING_ROLES[DECIDING_ROLES.indexOf(role) + 1] ?? null;
}

/** The routed role and every deciding role above it may decide; `admin` administers, it does not decide. */
export function mayDecideAs(callerRoles: readonly Role[], routedRole: DecidingRole): boolean {
  const routedLevel = DECIDING_ROLES.indexOf(routedRole);
  return callerRoles.some((role) => (DECIDING_ROLES as readonly Role[]).indexOf(role) >= routedLevel);
}

/** How a deciding role reads in a sentence addressed to a case handler. */
export const DECIDING_ROLE_LABELS: Record<DecidingRole, string> = {
  manager: "the employee's manager",
  social_media_lead: 'the social-media lead',
  steering_committee: 'the steering committee',
};
