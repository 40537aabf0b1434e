import fc from 'fast-check';
import {
  allowedSanctions,
  DEFAULT_SANCTION_MATRIX,
  isProportionate,
  matrixProblems,
  repeatOffenceSteps,
  sanctionRank,
  type SanctionMatrixCandidate,
  type SanctionMatrixContent,
  type SanctionRange,
} from '../../src/domain/sanctionMatrix';
import {
  INAPPROPRIATE_CATEGORIES,
  SANCTIONS,
  SEVERITIES,
  type InappropriateCategory,
  type Sanction,
  type Severity,
} from '../../src/domain/vocabulary';

const cells = INAPPROPRIATE_CATEGORIES.flatMap((category) => SEVERITIES.map((severity) => [category, severity] as const));
const rank = sanctionRank;
const TOP = SANCTIONS.length - 1;

const rangeArb: fc.Arbitrary<SanctionRange> = fc
  .tuple(fc.integer({ min: 0, max: TOP }), fc.integer({ min: 0, max: TOP }))
  .map(([a, b]) => ({ min: SANCTIONS[Math.min(a, b)], max: SANCTIONS[Math.max(a, b)] }));

const stepsArb = fc.integer({ min: 0, max: TOP });

/** Any matrix whose ranges are upright (not necessarily monotonic): enough for the shift rule. */
const matrixArb: fc.Arbitrary<SanctionMatrixContent> = fc.record({
  rules: fc.record(
    Object.fromEntries(
      INAPPROPRIATE_CATEGORIES.map((category) => [
        category,
        fc.record(Object.fromEntries(SEVERITIES.map((severity) => [severity, rangeArb])) as Record<Severity, fc.Arbitrary<SanctionRange>>),
      ]),
    ) as Record<InappropriateCategory, fc.Arbitrary<Record<Severity, SanctionRange>>>,
  ),
  repeatOffence: fc.record({ stepsPerPriorCase: stepsArb, maxSteps: stepsArb }),
});

/** A valid matrix: per category, mins and maxes each climb with severity and every min stays under its max. */
const validMatrixArb: fc.Arbitrary<SanctionMatrixContent> = fc.record({
  rules: fc.record(
    Object.fromEntries(
      INAPPROPRIATE_CATEGORIES.map((category) => [
        category,
        fc.array(fc.integer({ min: 0, max: TOP }), { minLength: 8, maxLength: 8 }).map((ranks) => {
          const sorted = [...ranks].sort((a, b) => a - b);
          // Pair the i-th smallest with the (i+4)-th smallest: both sequences climb and min <= max.
          return Object.fromEntries(
            SEVERITIES.map((severity, i) => [severity, { min: SANCTIONS[sorted[i]], max: SANCTIONS[sorted[i + 4]] }]),
          ) as Record<Severity, SanctionRange>;
        }),
      ]),
    ) as Record<InappropriateCategory, fc.Arbitrary<Record<Severity, SanctionRange>>>,
  ),
  repeatOffence: fc.record({ stepsPerPriorCase: stepsArb, maxSteps: stepsArb }),
});

const ACT = fc.constantFrom(...cells);
const PRIOR = fc.integer({ min: 0, max: 50 });

describe('the default sanction matrix', () => {
  it('is version 1 and passes its own validation', () => {
    expect(DEFAULT_SANCTION_MATRIX.version).toBe(1);
    expect(matrixProblems(DEFAULT_SANCTION_MATRIX)).toEqual([]);
  });

  it.each(cells)('%s/%s has an upright range (min <= max)', (category, severity) => {
    const { min, max } = DEFAULT_SANCTION_MATRIX.rules[category][severity];
    expect(rank(min)).toBeLessThanOrEqual(rank(max));
  });

  it.each(INAPPROPRIATE_CATEGORIES)('%s never gets milder as the severity rises', (category) => {
    const ranges = SEVERITIES.map((severity) => DEFAULT_SANCTION_MATRIX.rules[category][severity]);
    for (let i = 1; i < ranges.length; i++) {
      expect(rank(ranges[i].min)).toBeGreaterThanOrEqual(rank(ranges[i - 1].min));
      expect(rank(ranges[i].max)).toBeGreaterThanOrEqual(rank(ranges[i - 1].max));
    }
  });

  it.each(INAPPROPRIATE_CATEGORIES)('%s escalates from minor to critical', (category) => {
    const { minor, critical } = DEFAULT_SANCTION_MATRIX.rules[category];
    expect(rank(critical.min)).toBeGreaterThan(rank(minor.min));
    expect(rank(critical.max)).toBeGreaterThan(rank(minor.max));
  });

  const harsher = [
    'harassment',
    'confidential_information_disclosure',
    'customer_data_disclosure',
    'intellectual_property_disclosure',
  ] as const;
  it.each(harsher.flatMap((category) => SEVERITIES.map((severity) => [category, severity] as const)))(
    '%s/%s is strictly harsher than an error of judgement of the same severity',
    (category, severity) => {
      const range = DEFAULT_SANCTION_MATRIX.rules[category][severity];
      const error = DEFAULT_SANCTION_MATRIX.rules.error_of_judgement[severity];
      expect(rank(range.min)).toBeGreaterThan(rank(error.min));
      expect(rank(range.max)).toBeGreaterThan(rank(error.max));
    },
  );

  it.each(cells)('%s/%s is at least as harsh as an error of judgement of the same severity', (category, severity) => {
    const range = DEFAULT_SANCTION_MATRIX.rules[category][severity];
    const error = DEFAULT_SANCTION_MATRIX.rules.error_of_judgement[severity];
    expect(rank(range.min)).toBeGreaterThanOrEqual(rank(error.min));
    expect(rank(range.max)).toBeGreaterThanOrEqual(rank(error.max));
  });

  it('shares no ranges between categories, so an edited copy changes only what was edited', () => {
    const copy = structuredClone(DEFAULT_SANCTION_MATRIX);
    copy.rules.harassment.serious.min = 'termination';
    expect(copy.rules.customer_data_disclosure.serious.min).toBe('written_warning');
  });

  it('keeps the anchors the process describes', () => {
    expect(DEFAULT_SANCTION_MATRIX.rules.error_of_judgement.minor).toEqual({ min: 'conversation', max: 'conversation' });
    expect(DEFAULT_SANCTION_MATRIX.rules.customer_data_disclosure.critical).toEqual({ min: 'suspension', max: 'termination' });
    expect(DEFAULT_SANCTION_MATRIX.rules.harassment.serious).toEqual({ min: 'written_warning', max: 'termination' });
    expect(DEFAULT_SANCTION_MATRIX.repeatOffence).toEqual({ stepsPerPriorCase: 1, maxSteps: 2 });
  });
});

describe('allowedSanctions under the default matrix', () => {
  const C = 'conversation';
  const T = 'mandatory_training';
  const W = 'written_warning';
  const S = 'suspension';
  const X = 'termination';
  // [severity, prior 0, prior 1, prior 2, prior 3], each as [min, max]
  const table: Record<'error_of_judgement' | 'customer_data_disclosure', [Severity, ...[Sanction, Sanction][]][]> = {
    error_of_judgement: [
      ['minor', [C, C], [T, T], [W, W], [W, W]],
      ['moderate', [C, T], [T, W], [W, S], [W, S]],
      ['serious', [T, W], [W, S], [S, X], [S, X]],
      ['critical', [W, S], [S, X], [X, X], [X, X]],
    ],
    customer_data_disclosure: [
      ['minor', [T, W], [W, S], [S, X], [S, X]],
      ['moderate', [W, S], [S, X], [X, X], [X, X]],
      ['serious', [W, X], [S, X], [X, X], [X, X]],
      ['critical', [S, X], [X, X], [X, X], [X, X]],
    ],
  };
  const rows = Object.entries(table).flatMap(([category, lines]) =>
    lines.flatMap(([severity, ...byPrior]) =>
      byPrior.map(([min, max], prior) => [category as InappropriateCategory, severity, prior, min, max] as const),
    ),
  );

  it.each(rows)('%s/%s with %i prior cases allows %s to %s', (category, severity, prior, min, max) => {
    const { range, allowed } = allowedSanctions(DEFAULT_SANCTION_MATRIX, category, severity, prior);
    expect(range).toEqual({ min, max });
    expect(allowed).toEqual(SANCTIONS.slice(rank(min), rank(max) + 1));
  });

  // Every category x severity x prior 0..3, against an independent reading of the rule:
  // every sanction of the base range climbs `steps` rungs, stopping at termination.
  const every = cells.flatMap(([category, severity]) => [0, 1, 2, 3].map((prior) => [category, severity, prior] as const));
  it.each(every)('%s/%s with %i prior cases allows the base range climbed by the repeat steps', (category, severity, prior) => {
    const base = DEFAULT_SANCTION_MATRIX.rules[category][severity];
    const steps = Math.min(prior, 2);
    const climbed = new Set(
      SANCTIONS.slice(rank(base.min), rank(base.max) + 1).map((sanction) => SANCTIONS[Math.min(rank(sanction) + steps, TOP)]),
    );
    const { allowed } = allowedSanctions(DEFAULT_SANCTION_MATRIX, category, severity, prior);
    expect(allowed).toEqual(SANCTIONS.filter((sanction) => climbed.has(sanction)));
    for (const sanction of SANCTIONS) {
      expect(isProportionate(DEFAULT_SANCTION_MATRIX, category, severity, prior, sanction)).toBe(climbed.has(sanction));
    }
  });
});

describe('the repeat-offence shift (properties)', () => {
  it('moves both ends up by min(prior x stepsPerPriorCase, maxSteps), clamped at termination', () => {
    fc.assert(
      fc.property(matrixArb, ACT, PRIOR, (matrix, [category, severity], prior) => {
        const base = matrix.rules[category][severity];
        const { stepsPerPriorCase, maxSteps } = matrix.repeatOffence;
        const steps = Math.min(prior * stepsPerPriorCase, maxSteps);
        const { range } = allowedSanctions(matrix, category, severity, prior);
        expect(rank(range.min)).toBe(Math.min(rank(base.min) + steps, TOP));
        expect(rank(range.max)).toBe(Math.min(rank(base.max) + steps, TOP));
      }),
    );
  });

  it('allows exactly the contiguous rungs of its range, never none', () => {
    fc.assert(
      fc.property(matrixArb, ACT, PRIOR, (matrix, [category, severity], prior) => {
        const { range, allowed } = allowedSanctions(matrix, category, severity, prior);
        expect(allowed.length).toBeGreaterThan(0);
        expect(allowed[0]).toBe(range.min);
        expect(allowed[allowed.length - 1]).toBe(range.max);
        allowed.forEach((sanction, i) => expect(rank(sanction)).toBe(rank(range.min) + i));
      }),
    );
  });

  it('never gets milder with more prior cases, and stops climbing at maxSteps', () => {
    fc.assert(
      fc.property(matrixArb, ACT, PRIOR, (matrix, [category, severity], prior) => {
        const now = allowedSanctions(matrix, category, severity, prior).range;
        const later = allowedSanctions(matrix, category, severity, prior + 1).range;
        expect(rank(later.min)).toBeGreaterThanOrEqual(rank(now.min));
        expect(rank(later.max)).toBeGreaterThanOrEqual(rank(now.max));
        const base = matrix.rules[category][severity];
        expect(rank(now.min) - rank(base.min)).toBeLessThanOrEqual(matrix.repeatOffence.maxSteps);
      }),
    );
  });

  it('leaves a first offence on the base range', () => {
    fc.assert(
      fc.property(matrixArb, ACT, (matrix, [category, severity]) => {
        expect(allowedSanctions(matrix, category, severity, 0).range).toEqual(matrix.rules[category][severity]);
      }),
    );
  });

  it('treats a negative prior count as none', () => {
    expect(repeatOffenceSteps(DEFAULT_SANCTION_MATRIX, -3)).toBe(0);
    expect(repeatOffenceSteps(DEFAULT_SANCTION_MATRIX, 1)).toBe(1);
    expect(repeatOffenceSteps(DEFAULT_SANCTION_MATRIX, 7)).toBe(2);
  });
});

describe('matrixProblems', () => {
  const copy = (): SanctionMatrixCandidate => JSON.parse(JSON.stringify(DEFAULT_SANCTION_MATRIX));

  it('accepts every valid matrix', () => {
    fc.assert(fc.property(validMatrixArb, (matrix) => expect(matrixProblems(matrix)).toEqual([])));
  });

  it('reports a missing category', () => {
    const candidate = copy();
    delete candidate.rules.harassment;
    expect(matrixProblems(candidate)).toEqual([{ path: ['rules', 'harassment'], message: 'harassment has no sanction ranges' }]);
  });

  it('reports a missing severity, an unknown sanction and a missing end', () => {
    const candidate = copy();
    delete candidate.rules.harassment!.moderate;
    candidate.rules.error_of_judgement!.minor = { min: 'reprimand', max: 'conversation' };
    candidate.rules.inappropriate_media!.critical = { min: 'suspension' };
    expect(matrixProblems(candidate).map((problem) => problem.path)).toEqual([
      ['rules', 'error_of_judgement', 'minor'],
      ['rules', 'inappropriate_media', 'critical'],
      ['rules', 'harassment', 'moderate'],
    ]);
  });

  it('reports an upside-down range', () => {
    const candidate = copy();
    candidate.rules.customer_data_disclosure!.critical = { min: 'termination', max: 'suspension' };
    expect(matrixProblems(candidate)).toContainEqual({
      path: ['rules', 'customer_data_disclosure', 'critical'],
      message: 'customer_data_disclosure/critical: min termination is harsher than max suspension',
    });
  });

  it('reports a min or a max that drops as the severity rises', () => {
    const candidate = copy();
    candidate.rules.harassment!.serious = { min: 'mandatory_training', max: 'written_warning' };
    expect(matrixProblems(candidate)).toEqual([
      {
        path: ['rules', 'harassment', 'serious'],
        message: 'harassment/serious: min mandatory_training is milder than written_warning for the less severe moderate',
      },
      {
        path: ['rules', 'harassment', 'serious'],
        message: 'harassment/serious: max written_warning is milder than suspension for the less severe moderate',
      },
    ]);
  });

  it('compares across an unusable severity with the last usable one', () => {
    const candidate = copy();
    candidate.rules.harassment!.moderate = {};
    candidate.rules.harassment!.serious = { min: 'conversation', max: 'termination' };
    expect(matrixProblems(candidate)).toContainEqual({
      path: ['rules', 'harassment', 'serious'],
      message: 'harassment/serious: min conversation is milder than mandatory_training for the less severe minor',
    });
  });

  it.each([-1, 1.5, TOP + 1, Number.NaN])('reports repeat-offence steps of %p', (value) => {
    const candidate = copy();
    candidate.repeatOffence = { stepsPerPriorCase: value, maxSteps: value };
    expect(matrixProblems(candidate)).toEqual([
      { path: ['repeatOffence', 'stepsPerPriorCase'], message: `stepsPerPriorCase must be a whole number from 0 to ${TOP}` },
      { path: ['repeatOffence', 'maxSteps'], message: `maxSteps must be a whole number from 0 to ${TOP}` },
    ]);
  });

  it('finds every upside-down or non-monotonic cell of an otherwise valid matrix', () => {
    fc.assert(
      fc.property(validMatrixArb, ACT, rangeArb, (matrix, [category, severity], replacement) => {
        const candidate: SanctionMatrixContent = JSON.parse(JSON.stringify(matrix));
        const flipped = { min: replacement.max, max: replacement.min };
        candidate.rules[category][severity] = flipped;
        const i = SEVERITIES.indexOf(severity);
        const neighbours = [SEVERITIES[i - 1], SEVERITIES[i + 1]].filter((s) => s !== undefined);
        const monotonic = neighbours.every((other) => {
          const o = candidate.rules[category][other];
          const sign = SEVERITIES.indexOf(other) < i ? 1 : -1;
          return sign * (rank(flipped.min) - rank(o.min)) >= 0 && sign * (rank(flipped.max) - rank(o.max)) >= 0;
        });
        const valid = rank(flipped.min) <= rank(flipped.max) && monotonic;
        expect(matrixProblems(candidate).length === 0).toBe(valid);
      }),
    );
  });
});
