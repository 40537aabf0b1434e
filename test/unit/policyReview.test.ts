import type { Decider } from '../../src/domain/decider';
import {
  addPositiveExamples,
  clauseOf,
  type CurrentVersions,
  documentsConcerned,
  documentsTouchedBy,
  EXAMPLES_HEADING,
  type Lesson,
  missingExamples,
  POLICY_CLAUSES,
  refuseAnswer,
  refuseStaleBase,
  refuseVerdict,
  type ReviewAnswer,
  staleBases,
  type SubmittedAnswer,
} from '../../src/domain/policyReview';
import { INAPPROPRIATE_CATEGORIES, POSITIVE_CATEGORIES } from '../../src/domain/vocabulary';

const person = (sub: string, ...roles: Decider['roles']): Decider => ({ sub, name: sub, roles });
const lead = person('lead', 'social_media_lead');
const comms = person('comms', 'communications');
const chair = person('chair', 'steering_committee');
const current: CurrentVersions = { 'social-media-policy': 3, 'communication-plan': 1, 'training-material': 2 };

const proposal = (changes: { document: keyof CurrentVersions; baseVersion: number }[]): ReviewAnswer => ({
  kind: 'proposal',
  rationale: 'The case shows a gap.',
  changes: changes.map((change) => ({ ...change, text: '# New text', summary: 'Clarified.' })),
});
const lesson = (overrides: Partial<Lesson> = {}): Lesson => ({
  caseId: 'case-1',
  kind: 'positive',
  category: 'customer_insight',
  severity: 'moderate',
  decision: { outcome: 'capitalize', sanction: null, rationale: 'Customers loved it.' },
  clause: null,
  explanation: null,
  ...overrides,
});

describe('stale bases', () => {
  it('lists the documents whose proposal is based on a version that is no longer current', () => {
    const changes = [
      { document: 'social-media-policy' as const, baseVersion: 2 },
      { document: 'training-material' as const, baseVersion: 2 },
    ];
    expect(staleBases(current, changes)).toEqual([{ document: 'social-media-policy', baseVersion: 2, currentVersion: 3 }]);
    const refusal = refuseStaleBase(current, changes);
    expect(refusal).toMatchObject({ kind: 'conflict', code: 'stale_base' });
    expect(refusal!.message).toContain('the social-media policy is at version 3, the proposal is based on version 2');
    expect(refuseStaleBase(current, [{ document: 'social-media-policy', baseVersion: 3 }])).toBeNull();
  });
});

describe('who may answer a review, and with what', () => {
  const open = { status: 'awaiting_answer' as const, currentVersions: current, escalated: false };

  it('accepts a proposal on current versions from the social-media lead or communications, and a reasoned "no change"', () => {
    expect(refuseAnswer(open, lead, proposal([{ document: 'social-media-policy', baseVersion: 3 }]))).toBeNull();
    expect(refuseAnswer(open, comms, { kind: 'no_change', reason: 'Clause 4.2 already covers it.' })).toBeNull();
  });

  it.each([
    ['a stale base (409, the reviewer rebases)', open, lead, proposal([{ document: 'social-media-policy', baseVersion: 2 }]), 'stale_base'],
    ['the steering committee before escalation (403)', open, chair, { kind: 'no_change', reason: 'fine' }, 'wrong_role'],
    [
      'an admin (403: admins administer, they do not decide)',
      open,
      person('root', 'admin'),
      { kind: 'no_change', reason: 'fine' },
      'wrong_role',
    ],
    [
      'an answer while another awaits approval (409)',
      { ...open, status: 'awaiting_approval' as const },
      lead,
      { kind: 'no_change', reason: 'fine' },
      'answer_pending',
    ],
    [
      'an answer to a closed review (409)',
      { ...open, status: 'closed' as const },
      lead,
      { kind: 'no_change', reason: 'fine' },
      'review_closed',
    ],
    [
      'an answer before the review is ready (409)',
      { ...open, currentVersions: null },
      lead,
      { kind: 'no_change', reason: 'fine' },
      'not_ready',
    ],
    ['"no change" without a reason (422)', open, lead, { kind: 'no_change', reason: '  ' }, 'reason_required'],
    ['a proposal without changes (422)', open, lead, proposal([]), 'no_changes'],
    [
      'the same document twice (422)',
      open,
      lead,
      proposal([
        { document: 'training-material', baseVersion: 2 },
        { document: 'training-material', baseVersion: 2 },
      ]),
      'duplicate_document',
    ],
  ] as const)('refuses %s', (_label, ctx, reviewer, answer, code) => {
    expect(refuseAnswer(ctx, reviewer, answer as ReviewAnswer)?.code).toBe(code);
  });

  it('lets the steering committee answer once the review is escalated', () => {
    expect(refuseAnswer({ ...open, escalated: true }, chair, { kind: 'no_change', reason: 'Covered.' })).toBeNull();
  });
});

describe("the steering committee's verdict", () => {
  const submitted = (answer: ReviewAnswer, author = lead): SubmittedAnswer => ({
    id: 'r-a1',
    round: 1,
    answer,
    author,
    submittedAt: '2026-11-24T10:00:00Z',
  });
  const pending = (answer: ReviewAnswer, author = lead) => ({
    status: 'awaiting_approval' as const,
    answer: submitted(answer, author),
    currentVersions: current,
  });

  it('approves or sends back a pending answer', () => {
    const ctx = pending(proposal([{ document: 'social-media-policy', baseVersion: 3 }]));
    expect(refuseVerdict(ctx, chair, true, 'Good.')).toBeNull();
    expect(refuseVerdict(ctx, chair, false, 'Plainer words, please.')).toBeNull();
  });

  it("refuses a stale proposal's approval but lets it be sent back for a rebase", () => {
    const ctx = pending(proposal([{ document: 'social-media-policy', baseVersion: 2 }]));
    expect(refuseVerdict(ctx, chair, true, 'Good.')).toMatchObject({ kind: 'conflict', code: 'stale_base' });
    expect(refuseVerdict(ctx, chair, false, 'Rebase it.')).toBeNull();
  });

  it.each([
    ['nothing pending', { status: 'awaiting_answer' as const, answer: null, currentVersions: current }, chair, 'not_awaiting_approval'],
    ['a reviewer who is not on the committee', pending({ kind: 'no_change', reason: 'r' }, comms), lead, 'wrong_role'],
    [
      'the author of the answer (four eyes)',
      pending({ kind: 'no_change', reason: 'r' }, person('chair', 'steering_committee', 'social_media_lead')),
      chair,
      'four_eyes',
    ],
  ])('refuses a verdict with %s', (_label, ctx, approver, code) => {
    expect(refuseVerdict(ctx, approver, true, 'ok')?.code).toBe(code);
  });

  it('wants a rationale', () => {
    expect(refuseVerdict(pending({ kind: 'no_change', reason: 'r' }), chair, false, ' ')?.code).toBe('rationale_required');
  });
});

describe('which documents a lesson touches', () => {
  it('always the policy and the training; the communication plan for serious acts and public-voice categories', () => {
    expect(documentsTouchedBy({ kind: 'inappropriate', category: 'error_of_judgement', severity: 'minor' })).toEqual([
      'social-media-policy',
      'training-material',
    ]);
    expect(documentsTouchedBy({ kind: 'inappropriate', category: 'harassment', severity: 'serious' })).toEqual([
      'social-media-policy',
      'communication-plan',
      'training-material',
    ]);
    expect(documentsTouchedBy({ kind: 'inappropriate', category: 'disparaging_employer', severity: 'minor' })).toContain(
      'communication-plan',
    );
    expect(documentsTouchedBy({ kind: 'positive', category: 'viral_content', severity: 'minor' })).toContain('communication-plan');
    expect(documentsTouchedBy({ kind: 'positive', category: 'customer_service', severity: 'minor' })).toEqual([
      'social-media-policy',
      'training-material',
    ]);
  });

  it('a review without lessons (a quiet quarter) looks at every document', () => {
    expect(documentsConcerned([])).toEqual(['social-media-policy', 'communication-plan', 'training-material']);
    expect(
      documentsConcerned([lesson({ category: 'customer_service' }), lesson({ kind: 'inappropriate', category: 'error_of_judgement' })]),
    ).toEqual(['social-media-policy', 'training-material']);
  });

  it('names a clause of the policy for every category', () => {
    for (const category of [...INAPPROPRIATE_CATEGORIES, ...POSITIVE_CATEGORIES]) expect(clauseOf(category)).toMatch(/^\d+\.\d+$/);
    expect(new Set(Object.values(POLICY_CLAUSES)).size).toBe(Object.keys(POLICY_CLAUSES).length);
  });
});

describe('positive lessons as examples of good practice', () => {
  const text = `# Training\n\n## Module 1\n\nText.\n\n${EXAMPLES_HEADING}\n\nExamples are added here.\n\n## Appendix\n\nGlossary.\n`;

  it('adds one anonymised example per positive lesson inside the examples section, once', () => {
    const withExample = addPositiveExamples(text, [lesson(), lesson({ caseId: 'case-2', kind: 'inappropriate', category: 'harassment' })]);
    expect(withExample).toContain('<!-- example:case-1 -->\n### A customer insight brought home');
    expect(withExample).not.toContain('case-2');
    expect(withExample.indexOf('example:case-1')).toBeLessThan(withExample.indexOf('## Appendix'));
    expect(withExample.indexOf('example:case-1')).toBeGreaterThan(withExample.indexOf(EXAMPLES_HEADING));
    expect(withExample).not.toContain('Customers loved it.'); // the decision's rationale may name people
    expect(addPositiveExamples(withExample, [lesson()])).toBe(withExample);
    expect(missingExamples(withExample, [lesson(), lesson({ caseId: 'case-3' })]).map((l) => l.caseId)).toEqual(['case-3']);
  });

  it('uses the published explanation when there is one, and creates the section when missing', () => {
    const added = addPositiveExamples('# Policy\n\n1.1 Be kind.', [
      lesson({ explanation: 'An engineer answered a thread about our API.' }),
    ]);
    expect(added).toBe(
      `# Policy\n\n1.1 Be kind.\n\n${EXAMPLES_HEADING}\n\n<!-- example:case-1 -->\n### A customer insight brought home\n\nAn engineer answered a thread about our API.\n`,
    );
  });
});
