import type { DecisionRequest } from '../../src/domain/decisions';
import { DEFAULT_SANCTION_MATRIX, type SanctionMatrixContent } from '../../src/domain/sanctionMatrix';
import { approvalSchema, decisionSchema, sanctionMatrixSchema } from '../../src/domain/schemas/decisions';
import { SANCTIONS } from '../../src/domain/vocabulary';

const sanctionBody = {
  outcome: 'sanction',
  sanction: 'written_warning',
  rationale: '  Customer records were posted.  ',
  content: { action: 'request_removal', rationale: 'Customer data must not stay online.' },
};
const capitalizeBody = {
  outcome: 'capitalize',
  plan: { amplify: true, shareInsightWith: 'product', reproduce: 'Short demo videos.' },
  rationale: 'It reached a new audience.',
};
const dismissBody = { outcome: 'dismiss', rationale: 'Not significant.' };

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

describe('decisionSchema', () => {
  it.each([sanctionBody, capitalizeBody, dismissBody])('parses a %# body into a decision request', (body) => {
    const request: DecisionRequest = decisionSchema.parse(body);
    expect(request.outcome).toBe(body.outcome);
  });

  it('trims rationales', () => {
    expect(decisionSchema.parse(sanctionBody).rationale).toBe('Customer records were posted.');
  });

  it('keeps an optional reclassification and justification', () => {
    const request = decisionSchema.parse({
      ...sanctionBody,
      reclassify: { category: 'harassment', severity: 'minor' },
      justification: ' The employee reported it first. ',
    });
    expect(request).toMatchObject({
      reclassify: { category: 'harassment', severity: 'minor' },
      justification: 'The employee reported it first.',
    });
  });

  it('leaves judging a reclassification across kinds, and a blank justification, to the decision rules', () => {
    expect(decisionSchema.safeParse({ ...sanctionBody, reclassify: { category: 'viral_content', severity: 'minor' } }).success).toBe(true);
    expect(decisionSchema.safeParse({ ...sanctionBody, justification: '  ' }).success).toBe(true);
  });

  it.each([
    ['an unknown outcome', { ...dismissBody, outcome: 'forgive' }, 'outcome'],
    ['a blank rationale', { ...dismissBody, rationale: '   ' }, 'rationale'],
    ['a missing rationale', { outcome: 'dismiss' }, 'rationale'],
    ['an unknown sanction', { ...sanctionBody, sanction: 'reprimand' }, 'sanction'],
    ['a sanction without content action', { ...sanctionBody, content: undefined }, 'content'],
    ['an unknown content action', { ...sanctionBody, content: { action: 'delete', rationale: 'x' } }, 'content.action'],
    ['a blank content rationale', { ...sanctionBody, content: { action: 'leave', rationale: ' ' } }, 'content.rationale'],
    ['an unknown reclassified category', { ...sanctionBody, reclassify: { category: 'spam', severity: 'minor' } }, 'reclassify.category'],
    [
      'an unknown reclassified severity',
      { ...sanctionBody, reclassify: { category: 'harassment', severity: 'huge' } },
      'reclassify.severity',
    ],
    ['a plan without a team', { ...capitalizeBody, plan: { ...capitalizeBody.plan, shareInsightWith: '' } }, 'plan.shareInsightWith'],
    ['a plan without how to reproduce', { ...capitalizeBody, plan: { amplify: false, shareInsightWith: 'product' } }, 'plan.reproduce'],
    ['a non-boolean amplify', { ...capitalizeBody, plan: { ...capitalizeBody.plan, amplify: 'yes' } }, 'plan.amplify'],
    ['an unknown field', { ...dismissBody, sanction: 'conversation' }, ''],
    ['an unknown field in the content', { ...sanctionBody, content: { ...sanctionBody.content, url: 'x' } }, 'content'],
    ['an unknown field in the plan', { ...capitalizeBody, plan: { ...capitalizeBody.plan, budget: 3 } }, 'plan'],
    ['sanction fields on a capitalisation', { ...capitalizeBody, sanction: 'conversation' }, ''],
  ])('refuses %s', (_, body, path) => {
    const result = decisionSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(issuesOf(result).map((issue) => issue.path)).toContain(path);
  });
});

describe('approvalSchema', () => {
  it('parses an approval and a sending back', () => {
    expect(approvalSchema.parse({ approve: true, rationale: ' Proportionate. ' })).toEqual({ approve: true, rationale: 'Proportionate.' });
    expect(approvalSchema.parse({ approve: false, rationale: 'Too harsh.' }).approve).toBe(false);
  });

  it.each([
    ['a missing rationale', { approve: true }, 'rationale'],
    ['a blank rationale', { approve: true, rationale: ' ' }, 'rationale'],
    ['a non-boolean approve', { approve: 'yes', rationale: 'ok' }, 'approve'],
    ['an unknown field', { approve: true, rationale: 'ok', sanction: 'termination' }, ''],
  ])('refuses %s', (_, body, path) => {
    expect(issuesOf(approvalSchema.safeParse(body)).map((issue) => issue.path)).toContain(path);
  });
});

describe('sanctionMatrixSchema', () => {
  const { version: _, ...defaults } = DEFAULT_SANCTION_MATRIX;
  const edited = (edit: (matrix: SanctionMatrixContent) => void): unknown => {
    const matrix = structuredClone(defaults);
    edit(matrix);
    return matrix;
  };

  it('parses the default matrix without its version', () => {
    const content: SanctionMatrixContent = sanctionMatrixSchema.parse(defaults);
    expect(content).toEqual(defaults);
  });

  it('refuses a version: versions are assigned on save', () => {
    expect(issuesOf(sanctionMatrixSchema.safeParse(DEFAULT_SANCTION_MATRIX)).map((issue) => issue.path)).toContain('');
  });

  it('refuses a missing category, a missing severity and an unknown category', () => {
    const matrix = edited((m) => {
      delete (m.rules as Partial<SanctionMatrixContent['rules']>).harassment;
      delete (m.rules.error_of_judgement as Partial<SanctionMatrixContent['rules']['error_of_judgement']>).critical;
      (m.rules as Record<string, unknown>).spam = m.rules.inappropriate_media;
    });
    const paths = issuesOf(sanctionMatrixSchema.safeParse(matrix)).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['rules.harassment', 'rules.error_of_judgement.critical', 'rules']));
  });

  it('refuses an unknown sanction', () => {
    const matrix = edited((m) => ((m.rules.harassment.minor as { min: string }).min = 'reprimand'));
    expect(issuesOf(sanctionMatrixSchema.safeParse(matrix)).map((issue) => issue.path)).toContain('rules.harassment.minor.min');
  });

  it('reports the problems matrixProblems finds, where they are', () => {
    const matrix = edited((m) => (m.rules.harassment.serious = { min: 'termination', max: 'mandatory_training' }));
    expect(issuesOf(sanctionMatrixSchema.safeParse(matrix))).toEqual([
      { path: 'rules.harassment.serious', message: 'harassment/serious: min termination is harsher than max mandatory_training' },
      {
        path: 'rules.harassment.serious',
        message: 'harassment/serious: max mandatory_training is milder than suspension for the less severe moderate',
      },
      {
        path: 'rules.harassment.critical',
        message: 'harassment/critical: min suspension is milder than termination for the less severe serious',
      },
    ]);
  });

  it.each([-1, 0.5, SANCTIONS.length])('refuses repeat-offence steps of %p', (steps) => {
    const matrix = edited((m) => (m.repeatOffence = { stepsPerPriorCase: steps, maxSteps: 1 }));
    expect(issuesOf(sanctionMatrixSchema.safeParse(matrix)).map((issue) => issue.path)).toEqual(['repeatOffence.stepsPerPriorCase']);
  });
});
