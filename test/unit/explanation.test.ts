import type { EmployeeIdentifiers } from '../../src/domain/anonymisation';
import type { Decider } from '../../src/domain/decider';
import {
  draftExplanation,
  type ExplanationDraft,
  type ExplanationFacts,
  type ExplanationReview,
  refuseExplanationApproval,
  refuseExplanationEdit,
  refuseWithdrawal,
  roughReach,
} from '../../src/domain/explanation';

const dana: EmployeeIdentifiers = {
  employeeId: 'e-7',
  name: 'Dana Kowalczyk',
  email: 'dana.k@corp.example',
  handles: ['@danak'],
  postUrl: 'https://x.example/danak/1',
  postContent: 'leaking the whole customer list of the northern region today',
};

const sanctionFacts: ExplanationFacts = {
  kind: 'sanction',
  category: 'customer_data_disclosure',
  severity: 'serious',
  platform: 'x',
  reach: 5400,
  sanction: 'written_warning',
  rationale: 'Dana Kowalczyk shared a screenshot of customer records.',
  content: { action: 'request_removal', rationale: 'It names customers.' },
  range: { min: 'written_warning', max: 'termination' },
  matrixVersion: 3,
  repeatOffence: false,
  precedent: { sanction: 'written_warning', count: 2 },
  justification: null,
  clause: { reference: 'clause 3 (Customer information)', excerpt: 'Never disclose customer data.' },
  policyVersion: 2,
};

describe('drafting a lesson', () => {
  it('writes the four parts of a sanction lesson from the case, anonymised', () => {
    const draft = draftExplanation(sanctionFacts, dana);
    expect(draft.kind).toBe('sanction');
    expect(draft.parts.map((part) => part.key)).toEqual(['what_happened', 'why_inappropriate', 'measure_taken', 'why_that_measure']);
    const text = Object.fromEntries(draft.parts.map((part) => [part.key, part.text]));
    expect(text.what_happened).toBe(
      'An employee posted content on x amounting to customer data disclosure (serious). It reached a few thousand people.',
    );
    expect(text.why_inappropriate).toBe(
      'It breaks clause 3 (Customer information) of the social-media policy (version 2): "Never disclose customer data."',
    );
    expect(text.measure_taken).toBe('The measure was written warning. The platform hosting the post was asked to remove it.');
    expect(text.why_that_measure).toContain('the sanctions matrix (version 3) allows written warning to termination');
    expect(text.why_that_measure).toContain('2 earlier comparable cases');
    expect(text.why_that_measure).toContain('The decider explained: the employee shared a screenshot of customer records.');
    expect(JSON.stringify(draft)).not.toMatch(/Dana|Kowalczyk|5400/);
  });

  it('cites the justification of a departure from precedent, and says when there is no precedent', () => {
    const departing = draftExplanation({ ...sanctionFacts, justification: 'The data was already public.' }, dana);
    expect(departing.parts[3].text).toContain('It departs from earlier comparable cases, for this reason: The data was already public.');
    const first = draftExplanation({ ...sanctionFacts, precedent: null }, dana);
    expect(first.parts[3].text).toContain('It is the first comparable case');
  });

  it('writes the three parts of a good-practice example', () => {
    const draft = draftExplanation(
      {
        kind: 'good_practice',
        category: 'customer_insight',
        platform: 'linkedin',
        reach: 80,
        rationale: 'Customers told us what they need.',
        reproduce: 'Ask open questions.',
      },
      dana,
    );
    expect(draft.parts.map((part) => [part.key, part.text])).toEqual([
      ['what_happened', "An employee's post on linkedin about customer insight reached a few dozen people."],
      ['why_it_helped', 'Customers told us what they need.'],
      ['how_to_repeat', 'Ask open questions.'],
    ]);
  });

  it('rounds reach into words', () => {
    expect([50, 500, 5_000, 50_000, 500_000].map(roughReach)).toEqual([
      'a few dozen people',
      'a few hundred people',
      'a few thousand people',
      'tens of thousands of people',
      'more than a hundred thousand people',
    ]);
  });
});

describe('reviewing a lesson', () => {
  const draft: ExplanationDraft = draftExplanation(sanctionFacts, dana);
  const review: ExplanationReview = { status: 'draft', decidingRole: 'steering_committee', employeeId: 'e-7', lastEditor: 'system' };
  const comms: Decider = { sub: 'c-1', name: 'C', roles: ['communications'] };
  const committee: Decider = { sub: 's-1', name: 'S', roles: ['steering_committee'] };
  const lead: Decider = { sub: 'l-1', name: 'L', roles: ['social_media_lead'] };
  const later = { requested: null, now: 0 };

  it('accepts a clean edit by communications or the deciding role', () => {
    expect(refuseExplanationEdit(review, comms, draft, dana)).toBeNull();
    expect(refuseExplanationEdit(review, committee, draft, dana)).toBeNull();
  });

  it.each([
    ['a role below the deciding role', review, lead, draft, 'wrong_role'],
    ['the employee the case is about', review, { ...comms, sub: 'e-7' }, draft, 'own_case'],
    [
      'an empty part',
      review,
      comms,
      { ...draft, parts: draft.parts.map((part, i) => (i === 2 ? { ...part, text: '  ' } : part)) },
      'empty_part',
    ],
    ['a text naming the employee', review, comms, { ...draft, title: 'What Dana did' }, 'identifies_employee'],
    ['an approved explanation', { ...review, status: 'approved' as const }, comms, draft, 'already_approved'],
  ])('refuses an edit with %s', (_label, state, editor, text, code) => {
    expect(refuseExplanationEdit(state, editor, text, dana)?.code).toBe(code);
  });

  it('says what identifier it found', () => {
    expect(refuseExplanationEdit(review, comms, { ...draft, title: 'Lesson from @danak' }, dana)?.message).toBe(
      'The explanation still identifies the employee: handle "@danak".',
    );
  });

  it('wants approval from someone other than the last editor, once, for a future date', () => {
    expect(refuseExplanationApproval({ ...review, lastEditor: 'c-1' }, comms, draft, dana, later)?.code).toBe('four_eyes');
    expect(refuseExplanationApproval({ ...review, lastEditor: 'c-1' }, committee, draft, dana, later)).toBeNull();
    expect(refuseExplanationApproval({ ...review, status: 'approved' }, committee, draft, dana, later)?.code).toBe('already_approved');
    expect(refuseExplanationApproval(review, committee, draft, dana, { requested: '2020-01-01T00:00:00Z', now: Date.now() })?.code).toBe(
      'publish_at_past',
    );
  });

  it('allows withdrawal until publication', () => {
    expect(refuseWithdrawal({ ...review, status: 'approved' }, comms)).toBeNull();
    expect(refuseWithdrawal({ ...review, status: 'published' }, comms)?.code).toBe('already_published');
  });
});
