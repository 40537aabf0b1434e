import {
  effectiveAssessment,
  HARSH_SANCTIONS,
  needsSecondApprover,
  refuseApproval,
  refuseDecision,
  type ApprovalContext,
  type CapitalizeDecision,
  type DecisionContext,
  type DecisionRequest,
  type SanctionDecision,
} from '../../src/domain/decisions';
import type { Decider } from '../../src/domain/decider';
import type { Precedent } from '../../src/domain/precedents';
import { DEFAULT_ROUTING_RULES } from '../../src/domain/routing';
import { allowedSanctions, DEFAULT_SANCTION_MATRIX } from '../../src/domain/sanctionMatrix';
import {
  CONTENT_ACTIONS,
  DECIDING_ROLES,
  INAPPROPRIATE_CATEGORIES,
  POSITIVE_CATEGORIES,
  ROLES,
  SANCTIONS,
  SEVERITIES,
  type Role,
  type Sanction,
} from '../../src/domain/vocabulary';

const context = (overrides: Partial<DecisionContext> = {}): DecisionContext => ({
  employeeId: 'e-1',
  employeeManagerId: 'm-1',
  assessment: { kind: 'inappropriate', category: 'customer_data_disclosure', severity: 'serious' },
  siteControlledByCompany: false,
  routedRole: 'steering_committee',
  routing: DEFAULT_ROUTING_RULES,
  decided: false,
  matrix: DEFAULT_SANCTION_MATRIX,
  priorSanctionedCases: 0,
  precedents: {},
  ...overrides,
});

const positiveCase = (overrides: Partial<DecisionContext> = {}) =>
  context({
    assessment: { kind: 'positive', category: 'viral_content', severity: 'moderate' },
    routedRole: 'social_media_lead',
    ...overrides,
  });

const decider = (roles: Role[], sub = 'd-1'): Decider => ({ sub, name: 'Dana Decider', roles });
const committee = decider(['steering_committee'], 'c-1');
const lead = decider(['social_media_lead'], 'l-1');
const ownManager = decider(['manager'], 'm-1');

const sanction = (overrides: Partial<SanctionDecision> = {}): SanctionDecision => ({
  outcome: 'sanction',
  sanction: 'written_warning',
  rationale: 'Three customer records were posted publicly.',
  content: { action: 'request_removal', rationale: 'Customer data must not stay online.' },
  ...overrides,
});
const capitalize = (overrides: Partial<CapitalizeDecision> = {}): CapitalizeDecision => ({
  outcome: 'capitalize',
  plan: { amplify: true, shareInsightWith: 'product', reproduce: 'Short demo videos from the team.' },
  rationale: 'The video reached a new audience.',
  ...overrides,
});
const dismiss = (rationale = 'A joke among friends, not significant.'): DecisionRequest => ({ outcome: 'dismiss', rationale });

let nextCase = 0;
const precedents = (sanction: Sanction, count: number, extra: Partial<Precedent> = {}): Precedent[] =>
  Array.from({ length: count }, (_, i) => ({
    caseId: `p-${nextCase++}`,
    sanction,
    decidedAt: `2026-0${i + 1}-01T00:00:00Z`,
    repeatOffence: false,
    justified: false,
    ...extra,
  }));

describe('refuseDecision accepts a sound decision', () => {
  it('to sanction inappropriate activity', () => {
    expect(refuseDecision(context(), committee, sanction())).toBeNull();
  });
  it('to capitalise on positive activity', () => {
    expect(refuseDecision(positiveCase(), lead, capitalize())).toBeNull();
  });
  it.each([context(), positiveCase()])('to dismiss either kind (%#)', (ctx) => {
    expect(refuseDecision(ctx, committee, dismiss())).toBeNull();
  });
});

describe('refuseDecision checks in order', () => {
  // Every rule is broken at first; each repair fixes the rule just reported, and the next one surfaces.
  const brokenEverywhere = () => ({
    ctx: context({
      decided: true,
      assessment: { kind: 'positive', category: 'viral_content', severity: 'moderate' },
      precedents: { 'customer_data_disclosure/serious': precedents('written_warning', 3) },
    }),
    who: decider(['manager'], 'e-1'),
    request: sanction({
      sanction: 'conversation',
      reclassify: { category: 'viral_content', severity: 'serious' },
      content: { action: 'remove', rationale: 'Take it down.' },
      rationale: '   ',
    }),
  });
  type State = ReturnType<typeof brokenEverywhere>;
  const steps: [string, string, (state: State) => void][] = [
    ['already_decided', 'conflict', (s) => (s.ctx.decided = false)],
    ['own_case', 'forbidden', (s) => (s.who.sub = 'c-1')],
    ['wrong_role', 'forbidden', (s) => (s.who.roles = ['steering_committee'])],
    [
      'outcome_mismatch',
      'unprocessable',
      (s) => (s.ctx.assessment = { kind: 'inappropriate', category: 'customer_data_disclosure', severity: 'moderate' }),
    ],
    [
      'invalid_reclassification',
      'unprocessable',
      (s) => (s.request.reclassify = { category: 'customer_data_disclosure', severity: 'serious' }),
    ],
    ['disproportionate', 'unprocessable', (s) => (s.request.sanction = 'suspension')],
    ['inconsistent_with_precedent', 'unprocessable', (s) => (s.request.justification = 'The records included health data.')],
    ['cannot_remove_external', 'unprocessable', (s) => (s.request.content.action = 'request_removal')],
    ['rationale_required', 'unprocessable', (s) => (s.request.rationale = 'Health data of customers was exposed.')],
  ];

  it.each(steps.map(([code, kind], i) => [i + 1, code, kind] as const))('%i. %s (%s)', (position, code, kind) => {
    const state = brokenEverywhere();
    steps.slice(0, position - 1).forEach(([, , repair]) => repair(state));
    expect(refuseDecision(state.ctx, state.who, state.request)).toMatchObject({ code, kind });
  });

  it('accepts once every rule is satisfied', () => {
    const state = brokenEverywhere();
    steps.forEach(([, , repair]) => repair(state));
    expect(refuseDecision(state.ctx, state.who, state.request)).toBeNull();
  });
});

describe('already_decided', () => {
  it.each([sanction(), dismiss()])('is a conflict whatever is asked (%#)', (request) => {
    expect(refuseDecision(context({ decided: true }), committee, request)).toEqual({
      kind: 'conflict',
      code: 'already_decided',
      message: 'This case has already been decided.',
    });
  });
});

describe('own_case', () => {
  it('forbids the employee the case is about, whatever their roles', () => {
    const employee = decider(['steering_committee', 'hr', 'admin'], 'e-1');
    expect(refuseDecision(context(), employee, dismiss())).toEqual({
      kind: 'forbidden',
      code: 'own_case',
      message: 'You cannot decide a case about yourself.',
    });
  });
});

describe('wrong_role', () => {
  const rows = ROLES.flatMap((role) => DECIDING_ROLES.map((routed) => [role, routed] as const));
  it.each(rows)('a caller who is only %s deciding a case routed to %s', (role, routed) => {
    // The caller is the employee's manager, so only the role decides.
    const refusal = refuseDecision(context({ routedRole: routed }), decider([role], 'm-1'), dismiss());
    const entitled = (DECIDING_ROLES as readonly Role[]).indexOf(role) >= DECIDING_ROLES.indexOf(routed);
    if (entitled) expect(refusal).toBeNull();
    else expect(refusal).toMatchObject({ kind: 'forbidden', code: 'wrong_role' });
  });

  it('says which role the case is routed to', () => {
    expect(refuseDecision(context(), decider(['manager', 'admin']), dismiss())?.message).toBe(
      'This case is routed to the steering committee; your roles (manager, admin) do not allow you to decide it.',
    );
  });

  it("keeps a manager's case for the employee's own manager", () => {
    const ctx = context({
      assessment: { kind: 'inappropriate', category: 'error_of_judgement', severity: 'minor' },
      routedRole: 'manager',
    });
    const request = sanction({ sanction: 'conversation' });
    expect(refuseDecision(ctx, ownManager, request)).toBeNull();
    expect(refuseDecision(ctx, decider(['manager'], 'm-2'), request)).toEqual({
      kind: 'forbidden',
      code: 'wrong_role',
      message: "This case is routed to the employee's manager, and you are not this employee's manager.",
    });
    expect(refuseDecision(context({ ...ctx, employeeManagerId: null }), ownManager, request)).toMatchObject({ code: 'wrong_role' });
    expect(refuseDecision(ctx, lead, request)).toBeNull();
    expect(refuseDecision(ctx, decider(['manager', 'social_media_lead'], 'm-2'), request)).toBeNull();
  });
});

describe('outcome_mismatch', () => {
  it('refuses to sanction positive activity', () => {
    expect(refuseDecision(positiveCase(), lead, sanction())).toEqual({
      kind: 'unprocessable',
      code: 'outcome_mismatch',
      message: 'Only inappropriate activity can be sanctioned; this case is about positive activity.',
    });
  });
  it('refuses to capitalise on inappropriate activity', () => {
    expect(refuseDecision(context(), committee, capitalize())).toEqual({
      kind: 'unprocessable',
      code: 'outcome_mismatch',
      message: 'Only positive activity can be capitalised on; this case is about inappropriate activity.',
    });
  });
});

describe('invalid_reclassification', () => {
  it.each(POSITIVE_CATEGORIES)('refuses moving inappropriate activity to the positive category %s', (category) => {
    const refusal = refuseDecision(context(), committee, sanction({ reclassify: { category, severity: 'serious' } }));
    expect(refusal).toEqual({
      kind: 'unprocessable',
      code: 'invalid_reclassification',
      message: `${category} is not a category of inappropriate activity; choose one of ${INAPPROPRIATE_CATEGORIES.join(', ')}.`,
    });
  });

  it('refuses a reclassification that would take the case beyond the decider', () => {
    const ctx = context({
      assessment: { kind: 'inappropriate', category: 'error_of_judgement', severity: 'minor' },
      routedRole: 'manager',
    });
    const request = sanction({ sanction: 'written_warning', reclassify: { category: 'harassment', severity: 'serious' } });
    expect(refuseDecision(ctx, ownManager, request)).toEqual({
      kind: 'unprocessable',
      code: 'invalid_reclassification',
      message: 'Reclassified as harassment/serious, the case would be for the steering committee to decide, which your roles do not cover.',
    });
    expect(refuseDecision(ctx, committee, request)).toBeNull();
  });

  it('follows the configured routing rules', () => {
    const routing = { ...DEFAULT_ROUTING_RULES, inappropriate: { ...DEFAULT_ROUTING_RULES.inappropriate, serious: 'manager' as const } };
    const ctx = context({
      assessment: { kind: 'inappropriate', category: 'error_of_judgement', severity: 'minor' },
      routedRole: 'manager',
      routing,
    });
    const request = sanction({ sanction: 'written_warning', reclassify: { category: 'harassment', severity: 'serious' } });
    expect(refuseDecision(ctx, ownManager, request)).toBeNull();
  });
});

describe('disproportionate', () => {
  const rows = INAPPROPRIATE_CATEGORIES.flatMap((category) =>
    SEVERITIES.flatMap((severity) =>
      [0, 1, 2, 3].flatMap((prior) => SANCTIONS.map((chosen) => [category, severity, prior, chosen] as const)),
    ),
  );
  it.each(rows)('%s/%s after %i prior cases: %s', (category, severity, prior, chosen) => {
    const ctx = context({ assessment: { kind: 'inappropriate', category, severity }, priorSanctionedCases: prior });
    const refusal = refuseDecision(ctx, committee, sanction({ sanction: chosen }));
    if (allowedSanctions(DEFAULT_SANCTION_MATRIX, category, severity, prior).allowed.includes(chosen)) expect(refusal).toBeNull();
    else expect(refusal).toMatchObject({ kind: 'unprocessable', code: 'disproportionate' });
  });

  it('explains the range for a first offence', () => {
    expect(refuseDecision(context(), committee, sanction({ sanction: 'conversation' }))?.message).toBe(
      'customer_data_disclosure/serious allows written_warning to termination for a first offence; conversation is outside that range.',
    );
  });

  it('explains a single-rung range for a repeat offence', () => {
    const ctx = context({
      assessment: { kind: 'inappropriate', category: 'error_of_judgement', severity: 'minor' },
      priorSanctionedCases: 1,
    });
    expect(refuseDecision(ctx, committee, sanction({ sanction: 'conversation' }))?.message).toBe(
      'error_of_judgement/minor allows only mandatory_training for an employee with 1 prior sanctioned case; conversation is outside that range.',
    );
    expect(refuseDecision({ ...ctx, priorSanctionedCases: 2 }, committee, sanction({ sanction: 'conversation' }))?.message).toBe(
      'error_of_judgement/minor allows only written_warning for an employee with 2 prior sanctioned cases; conversation is outside that range.',
    );
  });

  it('judges the reclassified act, not the detected one', () => {
    const milder = sanction({ sanction: 'conversation', reclassify: { category: 'error_of_judgement', severity: 'minor' } });
    expect(refuseDecision(context(), committee, milder)).toBeNull();
    const { reclassify: _, ...asDetected } = milder;
    expect(refuseDecision(context(), committee, asDetected)).toMatchObject({ code: 'disproportionate' });
  });

  it('uses the pinned matrix', () => {
    const matrix = structuredClone(DEFAULT_SANCTION_MATRIX);
    matrix.rules.customer_data_disclosure.serious = { min: 'conversation', max: 'conversation' };
    expect(refuseDecision(context({ matrix }), committee, sanction({ sanction: 'conversation' }))).toBeNull();
  });
});

describe('inconsistent_with_precedent', () => {
  const ctx = context({ precedents: { 'customer_data_disclosure/serious': precedents('written_warning', 3) } });

  it('requires a justification to depart from the established sanction', () => {
    expect(refuseDecision(ctx, committee, sanction({ sanction: 'suspension' }))).toEqual({
      kind: 'unprocessable',
      code: 'inconsistent_with_precedent',
      message:
        'customer_data_disclosure/serious for a first offence has received written_warning in 3 comparable cases; choosing suspension instead needs a written justification.',
    });
    expect(refuseDecision(ctx, committee, sanction({ sanction: 'suspension', justification: ' \n ' }))).toMatchObject({
      code: 'inconsistent_with_precedent',
    });
  });

  it('accepts the departure with a justification, and the precedent without one', () => {
    expect(refuseDecision(ctx, committee, sanction({ sanction: 'suspension', justification: 'Health data was included.' }))).toBeNull();
    expect(refuseDecision(ctx, committee, sanction({ sanction: 'written_warning' }))).toBeNull();
  });

  it('compares first offences with first offences and repeat offences with repeat offences', () => {
    const repeat = context({
      priorSanctionedCases: 1,
      precedents: {
        'customer_data_disclosure/serious': [...precedents('suspension', 3), ...precedents('termination', 2, { repeatOffence: true })],
      },
    });
    expect(refuseDecision(repeat, committee, sanction({ sanction: 'suspension' }))?.message).toBe(
      'customer_data_disclosure/serious for an employee with 1 prior sanctioned case has received termination in 2 comparable cases; choosing suspension instead needs a written justification.',
    );
    expect(refuseDecision({ ...repeat, priorSanctionedCases: 0 }, committee, sanction({ sanction: 'suspension' }))).toBeNull();
  });

  it('counts only unjustified decisions as precedent', () => {
    const mixed = context({
      precedents: {
        'customer_data_disclosure/serious': [...precedents('termination', 2, { justified: true }), ...precedents('suspension', 1)],
      },
    });
    expect(refuseDecision(mixed, committee, sanction({ sanction: 'termination' }))?.message).toBe(
      'customer_data_disclosure/serious for a first offence has received suspension in 1 comparable case; choosing termination instead needs a written justification.',
    );
  });

  it('looks at the precedents of the reclassified act only', () => {
    const moderate = context({
      assessment: { kind: 'inappropriate', category: 'customer_data_disclosure', severity: 'moderate' },
      precedents: {
        'customer_data_disclosure/moderate': precedents('written_warning', 5),
        'customer_data_disclosure/serious': precedents('termination', 1),
      },
    });
    const reclassified = sanction({ sanction: 'suspension', reclassify: { category: 'customer_data_disclosure', severity: 'serious' } });
    expect(refuseDecision(moderate, committee, reclassified)?.message).toContain('has received termination in 1 comparable case');
    expect(refuseDecision(moderate, committee, sanction({ sanction: 'suspension' }))?.message).toContain(
      'has received written_warning in 5 comparable cases',
    );
  });

  it('ignores the precedents of other acts', () => {
    const other = context({ precedents: { 'harassment/serious': precedents('written_warning', 3) } });
    expect(refuseDecision(other, committee, sanction({ sanction: 'suspension' }))).toBeNull();
  });

  it('is not bound by a precedent the pinned matrix no longer allows', () => {
    const outdated = context({ precedents: { 'customer_data_disclosure/serious': precedents('conversation', 4) } });
    expect(refuseDecision(outdated, committee, sanction({ sanction: 'suspension' }))).toBeNull();
  });
});

describe('cannot_remove_external', () => {
  const rows = CONTENT_ACTIONS.flatMap((action) => [true, false].map((controlled) => [action, controlled] as const));
  it.each(rows)('content action %s when the company controls the site: %p', (action, controlled) => {
    const refusal = refuseDecision(
      context({ siteControlledByCompany: controlled }),
      committee,
      sanction({ content: { action, rationale: 'Because.' } }),
    );
    if (action === 'remove' && !controlled) {
      expect(refusal).toEqual({
        kind: 'unprocessable',
        code: 'cannot_remove_external',
        message: 'The content is on a site the company does not control, so it cannot be removed; choose request_removal or leave.',
      });
    } else {
      expect(refusal).toBeNull();
    }
  });
});

describe('rationale_required', () => {
  it.each([
    ['a sanction', context(), sanction({ rationale: ' ' })],
    ['a capitalisation', positiveCase(), capitalize({ rationale: '' })],
    ['a dismissal', context(), dismiss('\t')],
  ])('refuses %s without a rationale', (_, ctx, request) => {
    expect(refuseDecision(ctx, committee, request)).toEqual({
      kind: 'unprocessable',
      code: 'rationale_required',
      message: 'Explain why this decision was taken.',
    });
  });

  it('refuses a content action without a rationale', () => {
    expect(refuseDecision(context(), committee, sanction({ content: { action: 'leave', rationale: '  ' } }))).toEqual({
      kind: 'unprocessable',
      code: 'rationale_required',
      message: 'Explain why the content is to be removed, requested for removal or left.',
    });
  });
});

describe('effectiveAssessment', () => {
  const detected = context().assessment;
  it('is the reclassification when there is one, keeping the kind', () => {
    expect(effectiveAssessment(detected, sanction({ reclassify: { category: 'harassment', severity: 'minor' } }))).toEqual({
      kind: 'inappropriate',
      category: 'harassment',
      severity: 'minor',
    });
  });
  it.each([sanction(), dismiss()])('is the detected assessment otherwise (%#)', (request) => {
    expect(effectiveAssessment(detected, request)).toBe(detected);
  });
});

describe('needsSecondApprover', () => {
  it('names suspension and termination as the harsh sanctions', () => {
    expect(HARSH_SANCTIONS).toEqual(['suspension', 'termination']);
  });
  it.each(SANCTIONS)('a %s', (chosen) => {
    expect(needsSecondApprover(sanction({ sanction: chosen }))).toBe(chosen === 'suspension' || chosen === 'termination');
  });
  it.each([capitalize(), dismiss()])('not for an outcome without a sanction (%#)', (request) => {
    expect(needsSecondApprover(request)).toBe(false);
  });
});

describe('refuseApproval', () => {
  const awaiting: ApprovalContext = { awaitingApproval: true, deciderSub: 'c-1', employeeId: 'e-1' };
  const hr = decider(['hr'], 'h-1');

  it('accepts a second person from HR or the steering committee', () => {
    expect(refuseApproval(awaiting, hr)).toBeNull();
    expect(refuseApproval(awaiting, decider(['steering_committee'], 'c-2'))).toBeNull();
  });

  it('checks in order: pending approval, role, four eyes, own case', () => {
    const ctx = { ...awaiting, awaitingApproval: false, deciderSub: 'e-1' };
    expect(refuseApproval(ctx, decider(['manager'], 'e-1'))).toEqual({
      kind: 'conflict',
      code: 'not_awaiting_approval',
      message: 'This case has no decision awaiting approval.',
    });
    ctx.awaitingApproval = true;
    expect(refuseApproval(ctx, decider(['manager'], 'e-1'))).toEqual({
      kind: 'forbidden',
      code: 'wrong_role',
      message: 'A harsh sanction is approved by a member of the steering committee or HR.',
    });
    expect(refuseApproval(ctx, decider(['hr'], 'e-1'))).toEqual({
      kind: 'forbidden',
      code: 'four_eyes',
      message: 'You took this decision; a second person must approve it.',
    });
    expect(refuseApproval({ ...ctx, deciderSub: 'c-1' }, decider(['hr'], 'e-1'))).toEqual({
      kind: 'forbidden',
      code: 'own_case',
      message: 'You cannot approve a decision about yourself.',
    });
  });

  it.each(ROLES)('a caller who is only %s', (role) => {
    const refusal = refuseApproval(awaiting, decider([role], 'x-1'));
    if (role === 'steering_committee' || role === 'hr') expect(refusal).toBeNull();
    else expect(refusal).toMatchObject({ kind: 'forbidden', code: 'wrong_role' });
  });
});
