import {
  type AccessSettings,
  type CaseAccessFacts,
  caseFacetsFor,
  caseScopeOf,
  mayReadEmployee,
  type Person,
  readsRationales,
  refuseCaseAction,
  scopeIsEmpty,
} from '../../src/domain/access';
import type { Role } from '../../src/domain/vocabulary';

const direct: AccessSettings = { indirectReports: false, minPublicationDelayMs: 0 };
const indirect: AccessSettings = { ...direct, indirectReports: true };
const person = (sub: string, ...roles: Role[]): Person => ({ sub, roles });

/** Employee e-1, managed by m-1, who is managed by m-2. */
const facts = (overrides: Partial<CaseAccessFacts> = {}): CaseAccessFacts => ({
  employeeId: 'e-1',
  kind: 'inappropriate',
  decidingRole: 'manager',
  managers: ['m-1', 'm-2'],
  deciders: [],
  ...overrides,
});
const facets = (who: Person, of = facts(), settings = direct) => [...caseFacetsFor(who, of, settings)].sort();
const ALL = ['content', 'explanation', 'judgement', 'opportunity', 'sanction', 'subject', 'summary'];
const COMMUNICATION = ['content', 'explanation', 'opportunity', 'summary'];

describe('who sees what of a case', () => {
  it('the committee and HR see every case whole', () => {
    expect(facets(person('c-1', 'steering_committee'))).toEqual(ALL);
    expect(facets(person('h-1', 'hr'))).toEqual(ALL);
  });

  it("a manager sees their direct reports' cases, indirect ones only when configured", () => {
    expect(facets(person('m-1', 'manager'))).toEqual(ALL);
    expect(facets(person('m-2', 'manager'))).toEqual([]);
    expect(facets(person('m-2', 'manager'), facts(), indirect)).toEqual(ALL);
    expect(facets(person('m-9', 'manager'), facts(), indirect)).toEqual([]);
  });

  it('the social-media lead sees whole the cases they handle, and only the communication parts of the others', () => {
    const lead = person('l-1', 'social_media_lead');
    expect(facets(lead, facts({ decidingRole: 'social_media_lead' }))).toEqual(ALL);
    expect(facets(lead, facts({ decidingRole: 'steering_committee', deciders: ['l-1'] }))).toEqual(ALL);
    expect(facets(lead, facts({ decidingRole: 'steering_committee' }))).toEqual(COMMUNICATION);
    // The lead ranks above a manager and may decide a manager's case.
    expect(facets(lead, facts({ decidingRole: 'manager' }))).toEqual(ALL);
  });

  it('communications never see the decision or the person of an inappropriate case; a positive one names its author', () => {
    const comms = person('k-1', 'communications');
    expect(facets(comms, facts({ decidingRole: 'social_media_lead' }))).toEqual(COMMUNICATION);
    expect(facets(comms, facts({ kind: 'positive', decidingRole: 'social_media_lead' }))).toEqual([...COMMUNICATION, 'subject'].sort());
  });

  it('an employee sees their own case without the deliberation, and nobody else’s', () => {
    expect(facets(person('e-1', 'employee'))).toEqual(['content', 'explanation', 'opportunity', 'sanction', 'subject', 'summary']);
    expect(facets(person('e-2', 'employee'))).toEqual([]);
  });

  it('a detector and an admin see nothing', () => {
    expect(facets(person('tool', 'detector'))).toEqual([]);
    expect(facets(person('root', 'admin'))).toEqual([]);
  });
});

describe('who may act on a case', () => {
  it('hides a case from those who may not see it (404) and refuses a role that may not act (403)', () => {
    expect(refuseCaseAction(person('m-9', 'manager'), facts(), 'case.view', direct)).toBe('hidden');
    expect(refuseCaseAction(person('m-9', 'manager'), facts(), 'case.decide', direct)).toBe('hidden');
    expect(refuseCaseAction(person('root', 'admin'), facts(), 'case.view', direct)).toBe('forbidden');
    expect(refuseCaseAction(person('tool', 'detector'), facts(), 'case.view', direct)).toBe('forbidden');
    expect(refuseCaseAction(person('m-1', 'manager'), facts(), 'case.decide', direct)).toBeNull();
    expect(refuseCaseAction(person('h-1', 'hr'), facts(), 'case.hold', direct)).toBeNull();
    expect(refuseCaseAction(person('c-1', 'steering_committee'), facts(), 'case.hold', direct)).toBe('forbidden');
  });

  it('refuses an action that needs a part the person may not read', () => {
    const lead = person('l-1', 'social_media_lead');
    expect(refuseCaseAction(lead, facts({ decidingRole: 'steering_committee' }), 'case.precedents', direct)).toBe('forbidden');
    expect(refuseCaseAction(lead, facts({ decidingRole: 'steering_committee' }), 'case.report_content', direct)).toBeNull();
    // Deciding it is the validator's call (wrong_role, with its reason).
    expect(refuseCaseAction(lead, facts({ decidingRole: 'steering_committee' }), 'case.decide', direct)).toBeNull();
    expect(refuseCaseAction(person('e-1', 'employee'), facts(), 'case.precedents', direct)).toBe('forbidden');
  });

  it("on a manager-routed case only the employee's own manager acts, even where a skip-level manager may see it", () => {
    const skipLevel = person('m-2', 'manager');
    expect(refuseCaseAction(skipLevel, facts(), 'case.view', indirect)).toBeNull();
    for (const action of ['case.decide', 'case.edit_explanation', 'case.approve_explanation', 'case.withdraw_explanation'] as const) {
      expect([action, refuseCaseAction(skipLevel, facts(), action, indirect)]).toEqual([action, 'forbidden']);
      expect([action, refuseCaseAction(person('m-1', 'manager'), facts(), action, indirect)]).toEqual([action, null]);
    }
    expect(refuseCaseAction(person('k-1', 'communications'), facts(), 'case.approve_explanation', direct)).toBeNull();
  });

  it('is refused whole to all but the committee and HR while the case is not recorded yet', () => {
    expect(refuseCaseAction(person('h-1', 'hr'), null, 'case.view', direct)).toBeNull();
    expect(refuseCaseAction(person('l-1', 'social_media_lead'), null, 'case.view', direct)).toBe('hidden');
  });
});

describe('which cases a person finds in lists', () => {
  it('is every case for case-wide roles, own and reports for the others, nothing for a detector or an admin', () => {
    expect(caseScopeOf(person('k', 'communications'), direct)).toEqual({ all: true });
    expect(caseScopeOf(person('m-1', 'manager', 'employee'), indirect)).toEqual({
      all: false,
      ownOf: 'm-1',
      reportsOf: { managerId: 'm-1', indirect: true },
    });
    expect(scopeIsEmpty(caseScopeOf(person('tool', 'detector'), direct))).toBe(true);
    expect(scopeIsEmpty(caseScopeOf(person('root', 'admin'), direct))).toBe(true);
  });
});

describe('employee records', () => {
  const employee = { managers: ['m-1', 'm-2'], cases: [{ decidingRole: 'steering_committee' as const, deciders: ['c-1'] }] };
  it('are for HR and the deciders of their cases', () => {
    expect(mayReadEmployee(person('h', 'hr'), employee, direct)).toBe(true);
    expect(mayReadEmployee(person('m-1', 'manager'), employee, direct)).toBe(true);
    expect(mayReadEmployee(person('m-2', 'manager'), employee, direct)).toBe(false);
    expect(mayReadEmployee(person('c-9', 'steering_committee'), employee, direct)).toBe(true);
    expect(mayReadEmployee(person('l-1', 'social_media_lead'), employee, direct)).toBe(false);
    const managerCase = { decidingRole: 'manager' as const, deciders: [] };
    expect(mayReadEmployee(person('l-1', 'social_media_lead'), { ...employee, cases: [managerCase] }, direct)).toBe(true);
    expect(mayReadEmployee(person('m-2', 'manager'), { ...employee, cases: [managerCase] }, direct)).toBe(false);
    expect(mayReadEmployee(person('k', 'communications'), employee, direct)).toBe(false);
  });
});

it("only the committee and HR read the deciders' rationales in policy-review lessons", () => {
  expect(readsRationales(person('c', 'steering_committee'))).toBe(true);
  expect(readsRationales(person('h', 'hr'))).toBe(true);
  expect(readsRationales(person('l', 'social_media_lead'))).toBe(false);
  expect(readsRationales(person('k', 'communications'))).toBe(false);
});
