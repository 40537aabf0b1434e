import { mayDecideAs } from './routing';
import type { ActivityKind, DecidingRole, Role } from './vocabulary';

/**
 * Need-to-know access: who may see which parts of a case, and who may do what. Pure rules; the
 * API's policy module (src/api/access/policy.ts) applies them and src/records turns the scope of
 * a person into SQL.
 *
 * "Handling" a case: the social-media lead handles the cases they may decide (routed to the
 * social-media lead, escalated to them, or routed to a manager, whom the lead ranks above) and
 * any case they decided or approved; the committee and HR see every case whole. Communications handle lessons and content, never decisions: they see
 * the content, the removal, the opportunity and the lesson of every case, never its sanction.
 */

/** The parts of a case a person may read. */
export const CASE_FACETS = [
  /** Status, assessment, routed role, department, dates. */
  'summary',
  /** Who the case is about: the employee's id, name and manager. */
  'subject',
  /** The detected post (platform, URL, text, reach) and what was done about it (removal). */
  'content',
  /** Decisions with their rationales, approvals, escalations, precedents, the timeline. */
  'judgement',
  /** The sanction applied. */
  'sanction',
  /** A positive activity's capitalisation plan and its follow-up. */
  'opportunity',
  /** The lesson drafted from the case. */
  'explanation',
] as const;
export type CaseFacet = (typeof CASE_FACETS)[number];

/** A signed-in person as the access rules see them: `sub` is their directory id. */
export interface Person {
  sub: string;
  roles: readonly Role[];
}

export interface AccessSettings {
  /** Whether a manager also sees the cases of their reports' reports (and further down). */
  indirectReports: boolean;
  /** The earliest a lesson may be published after its approval: room for the employee to object. */
  minPublicationDelayMs: number;
}

/** What the rules need to know about a case. */
export interface CaseAccessFacts {
  employeeId: string;
  kind: ActivityKind;
  decidingRole: DecidingRole;
  /** The employee's managers, the direct one first, up the reporting line. */
  managers: readonly string[];
  /** Who decided or approved it. */
  deciders: readonly string[];
}

const EVERYTHING: ReadonlySet<CaseFacet> = new Set(CASE_FACETS);
const NOTHING: ReadonlySet<CaseFacet> = new Set();
/** What the social-media lead and communications need of a case they do not handle. */
const COMMUNICATION_FACETS: readonly CaseFacet[] = ['summary', 'content', 'opportunity', 'explanation'];
/** What the employee concerned reads of their own case: not the deliberation. */
const SUBJECT_FACETS: readonly CaseFacet[] = ['summary', 'subject', 'content', 'sanction', 'opportunity', 'explanation'];

/** Roles whose job covers every case (the committee and HR fully; the lead and communications in part). */
const CASE_WIDE_ROLES: readonly Role[] = ['steering_committee', 'hr', 'social_media_lead', 'communications'];

export function managesEmployee(person: Person, facts: Pick<CaseAccessFacts, 'managers'>, settings: AccessSettings): boolean {
  if (!person.roles.includes('manager')) return false;
  return settings.indirectReports ? facts.managers.includes(person.sub) : facts.managers[0] === person.sub;
}

/**
 * Whether the person handles the case: they decided or approved it, or may decide it (it is
 * routed to their deciding role or one below it: the lead may decide a manager's case).
 */
export function handlesCase(
  person: Person,
  facts: Pick<CaseAccessFacts, 'decidingRole' | 'deciders' | 'managers'>,
  settings: AccessSettings,
): boolean {
  if (facts.deciders.includes(person.sub)) return true;
  if (facts.decidingRole === 'manager' && managesEmployee(person, facts, settings)) return true;
  return mayDecideAs(
    person.roles.filter((role) => role !== 'manager'),
    facts.decidingRole,
  );
}

/** The parts of the case the person may read; none: the case does not exist for them (404). */
export function caseFacetsFor(person: Person, facts: CaseAccessFacts, settings: AccessSettings): ReadonlySet<CaseFacet> {
  const { roles } = person;
  if (roles.includes('steering_committee') || roles.includes('hr')) return EVERYTHING;
  if (managesEmployee(person, facts, settings)) return EVERYTHING;
  if (roles.includes('social_media_lead') && handlesCase(person, facts, settings)) return EVERYTHING;
  const facets = new Set<CaseFacet>();
  if (roles.includes('social_media_lead') || roles.includes('communications')) {
    COMMUNICATION_FACETS.forEach((facet) => facets.add(facet));
    // Celebrating good practice needs to know whose it is.
    if (facts.kind === 'positive') facets.add('subject');
  }
  if (roles.includes('employee') && facts.employeeId === person.sub) SUBJECT_FACETS.forEach((facet) => facets.add(facet));
  return facets.size === 0 ? NOTHING : facets;
}

/** A case whose workflow has started but whose record is not written yet: only the committee and HR see it. */
export const unrecordedCaseFacets = (person: Person): ReadonlySet<CaseFacet> =>
  person.roles.includes('steering_committee') || person.roles.includes('hr') ? EVERYTHING : NOTHING;

/** Which cases a person may find in lists and counts, as the records layer filters them. */
export type CaseScope =
  | { all: true }
  | {
      all: false;
      /** The employee's own cases (`employeeId = sub`). */
      ownOf: string | null;
      /** The cases of this manager's reports. */
      reportsOf: { managerId: string; indirect: boolean } | null;
    };

export function caseScopeOf(person: Person, settings: AccessSettings): CaseScope {
  if (person.roles.some((role) => CASE_WIDE_ROLES.includes(role))) return { all: true };
  return {
    all: false,
    ownOf: person.roles.includes('employee') ? person.sub : null,
    reportsOf: person.roles.includes('manager') ? { managerId: person.sub, indirect: settings.indirectReports } : null,
  };
}

export const scopeIsEmpty = (scope: CaseScope) => !scope.all && scope.ownOf === null && scope.reportsOf === null;

const LESSON_REVIEWERS = ['communications', 'manager', 'social_media_lead', 'steering_committee'] as const;

/**
 * What can be done to a case: the roles that may try, and the part of the case the person must
 * be able to read; `ownManager`: on a case routed to the manager, a manager acts only as the
 * employee's own (direct) manager, even where indirect reports are visible. The workflow's
 * validators then judge the finer rules (routed role, four eyes).
 * A new action (e.g. "respond as the employee concerned") is one more entry.
 */
export const CASE_ACTIONS = {
  'case.view': { roles: ['employee', 'manager', 'social_media_lead', 'steering_committee', 'communications', 'hr'], needs: 'summary' },
  'case.precedents': { roles: ['manager', 'social_media_lead', 'steering_committee', 'hr'], needs: 'judgement' },
  // The decision's validator says who of those may decide (routed role, own case), with its reason.
  'case.decide': { roles: ['manager', 'social_media_lead', 'steering_committee'], needs: 'summary', ownManager: true },
  'case.approve': { roles: ['steering_committee', 'hr'], needs: 'judgement' },
  'case.report_content': { roles: ['social_media_lead', 'communications', 'steering_committee'], needs: 'content' },
  'case.report_follow_up': { roles: ['social_media_lead', 'communications', 'steering_committee'], needs: 'opportunity' },
  'case.view_explanation': {
    roles: ['manager', 'social_media_lead', 'steering_committee', 'communications', 'hr'],
    needs: 'explanation',
  },
  'case.edit_explanation': { roles: LESSON_REVIEWERS, needs: 'explanation', ownManager: true },
  'case.approve_explanation': { roles: LESSON_REVIEWERS, needs: 'explanation', ownManager: true },
  'case.withdraw_explanation': { roles: LESSON_REVIEWERS, needs: 'explanation', ownManager: true },
  'case.hold': { roles: ['hr'], needs: 'summary' },
  'case.release_hold': { roles: ['hr'], needs: 'summary' },
} as const satisfies Record<string, { roles: readonly Role[]; needs: CaseFacet; ownManager?: true }>;
export type CaseAction = keyof typeof CASE_ACTIONS;

/** Actions on no particular case, by the roles that may take them. */
export const ACTIONS = {
  'activity.report': ['detector', 'hr'],
  'case.list': ['manager', 'social_media_lead', 'steering_committee', 'communications', 'hr'],
  'employee.write': ['hr', 'admin'],
  'employee.read': ['hr', 'manager', 'social_media_lead', 'steering_committee'],
  'employee.erase': ['hr'],
  'employee.hold': ['hr'],
  'employee.release_hold': ['hr'],
  'matrix.read': ['manager', 'social_media_lead', 'steering_committee', 'communications', 'hr', 'admin'],
  'matrix.propose': ['admin', 'steering_committee'],
  'matrix.approve': ['admin', 'steering_committee'],
  'review.read': ['manager', 'social_media_lead', 'steering_committee', 'communications', 'hr'],
  'review.answer': ['social_media_lead', 'communications', 'steering_committee'],
  'review.approve': ['steering_committee'],
  'campaign.read': ['manager', 'social_media_lead', 'steering_committee', 'communications', 'hr'],
  'campaign.start': ['communications'],
  'campaign.schedule_session': ['communications'],
  'campaign.record_attendance': ['communications'],
  'audit.read': ['hr', 'admin'],
  // The consistency dashboard names cases and quotes justifications: for those who see every case whole.
  'report.consistency': ['steering_committee', 'hr'],
} as const satisfies Record<string, readonly Role[]>;
export type Action = keyof typeof ACTIONS;

export const rolesFor = (action: Action | CaseAction): readonly Role[] =>
  action in ACTIONS ? ACTIONS[action as Action] : CASE_ACTIONS[action as CaseAction].roles;

export const holdsRoleFor = (person: Person, action: Action | CaseAction): boolean =>
  person.roles.some((role) => rolesFor(action).includes(role));

const actsOnlyAsManager = (person: Person, roles: readonly Role[]) =>
  !person.roles.some((role) => role !== 'manager' && roles.includes(role));

/** Why a case action is refused: the case is hidden from the person (404), or they may see it but not act (403). */
export type CaseRefusal = 'hidden' | 'forbidden';

/** `facts` null: the case is not recorded (yet). */
export function refuseCaseAction(
  person: Person,
  facts: CaseAccessFacts | null,
  action: CaseAction,
  settings: AccessSettings,
): CaseRefusal | null {
  // The role comes first: it says nothing about the case.
  if (!holdsRoleFor(person, action)) return 'forbidden';
  const facets = facts ? caseFacetsFor(person, facts, settings) : unrecordedCaseFacets(person);
  if (facets.size === 0) return 'hidden';
  const spec: { roles: readonly Role[]; needs: CaseFacet; ownManager?: true } = CASE_ACTIONS[action];
  if (!facets.has(spec.needs)) return 'forbidden';
  if (spec.ownManager && facts?.decidingRole === 'manager' && actsOnlyAsManager(person, spec.roles) && facts.managers[0] !== person.sub) {
    return 'forbidden';
  }
  return null;
}

/** What the rules need to know about an employee whose record is asked for. */
export interface EmployeeAccessFacts {
  managers: readonly string[];
  cases: readonly Pick<CaseAccessFacts, 'decidingRole' | 'deciders'>[];
}

/** Employee records are for HR, the employee's manager and whoever handles one of their cases. */
export function mayReadEmployee(person: Person, facts: EmployeeAccessFacts, settings: AccessSettings): boolean {
  if (person.roles.includes('hr') || managesEmployee(person, facts, settings)) return true;
  return facts.cases.some((c) => handlesCase(person, { ...c, managers: facts.managers }, settings));
}

/** Who may read a policy review's lessons with the deciders' rationales (others get the anonymised lesson only). */
export const readsRationales = (person: Person) => person.roles.includes('steering_committee') || person.roles.includes('hr');
