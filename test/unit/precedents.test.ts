import fc from 'fast-check';
import { establishedPrecedent, precedentKey, type Precedent } from '../../src/domain/precedents';
import { sanctionRank } from '../../src/domain/sanctionMatrix';
import { SANCTIONS, type Sanction } from '../../src/domain/vocabulary';

let nextId = 0;
const precedent = (sanction: Sanction, decidedAt: string, extra: Partial<Precedent> = {}): Precedent => ({
  caseId: `case-${nextId++}`,
  sanction,
  decidedAt,
  repeatOffence: false,
  justified: false,
  ...extra,
});

describe('establishedPrecedent', () => {
  it('is null without comparable cases', () => {
    expect(establishedPrecedent([], false)).toBeNull();
    expect(establishedPrecedent([], true)).toBeNull();
  });

  it('is the most frequent sanction, with how many cases received it', () => {
    const precedents = [
      precedent('written_warning', '2026-01-01T00:00:00Z'),
      precedent('suspension', '2026-03-01T00:00:00Z'),
      precedent('written_warning', '2026-02-01T00:00:00Z'),
    ];
    expect(establishedPrecedent(precedents, false)).toEqual({ sanction: 'written_warning', count: 2 });
  });

  it('breaks a tie with the most recent decision', () => {
    const precedents = [
      precedent('written_warning', '2026-01-01T00:00:00Z'),
      precedent('suspension', '2025-01-01T00:00:00Z'),
      precedent('suspension', '2026-05-01T00:00:00Z'),
      precedent('written_warning', '2026-04-01T00:00:00Z'),
    ];
    expect(establishedPrecedent(precedents, false)).toEqual({ sanction: 'suspension', count: 2 });
  });

  it('compares decision instants, not their spelling', () => {
    const precedents = [
      precedent('conversation', '2026-01-01T09:00:00Z'),
      // 08:00 UTC: earlier, although its text sorts later.
      precedent('mandatory_training', '2026-01-01T10:00:00+02:00'),
    ];
    expect(establishedPrecedent(precedents, false)).toEqual({ sanction: 'conversation', count: 1 });
  });

  it('gives a tie at the same instant to the milder sanction', () => {
    const at = '2026-01-01T00:00:00Z';
    expect(establishedPrecedent([precedent('suspension', at), precedent('written_warning', at)], false)).toEqual({
      sanction: 'written_warning',
      count: 1,
    });
  });

  it('ignores justified deviations, which are exceptions', () => {
    const precedents = [
      precedent('termination', '2026-01-01T00:00:00Z', { justified: true }),
      precedent('termination', '2026-01-02T00:00:00Z', { justified: true }),
      precedent('suspension', '2025-01-01T00:00:00Z'),
    ];
    expect(establishedPrecedent(precedents, false)).toEqual({ sanction: 'suspension', count: 1 });
    expect(establishedPrecedent(precedents.slice(0, 2), false)).toBeNull();
  });

  it('keeps first offences and repeat offences apart', () => {
    const precedents = [
      precedent('conversation', '2026-01-01T00:00:00Z'),
      precedent('written_warning', '2026-01-02T00:00:00Z', { repeatOffence: true }),
      precedent('written_warning', '2026-01-03T00:00:00Z', { repeatOffence: true }),
    ];
    expect(establishedPrecedent(precedents, false)).toEqual({ sanction: 'conversation', count: 1 });
    expect(establishedPrecedent(precedents, true)).toEqual({ sanction: 'written_warning', count: 2 });
  });

  describe('properties', () => {
    const dateArb = fc
      .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
      .map((ms) => new Date(ms - (ms % 3_600_000)).toISOString()); // hourly, so equal instants happen
    const precedentArb: fc.Arbitrary<Precedent> = fc.record({
      caseId: fc.uuid(),
      sanction: fc.constantFrom(...SANCTIONS),
      decidedAt: dateArb,
      repeatOffence: fc.boolean(),
      justified: fc.boolean(),
    });
    const listArb = fc.array(precedentArb, { maxLength: 30 });

    const counting = (precedents: Precedent[], repeatOffence: boolean) =>
      precedents.filter((p) => !p.justified && p.repeatOffence === repeatOffence);

    it('names a sanction received by the largest number of counting cases, with that number', () => {
      fc.assert(
        fc.property(listArb, fc.boolean(), (precedents, repeatOffence) => {
          const eligible = counting(precedents, repeatOffence);
          const result = establishedPrecedent(precedents, repeatOffence);
          if (eligible.length === 0) return expect(result).toBeNull();
          const countOf = (s: Sanction) => eligible.filter((p) => p.sanction === s).length;
          expect(result).not.toBeNull();
          expect(result!.count).toBe(countOf(result!.sanction));
          expect(result!.count).toBe(Math.max(...SANCTIONS.map(countOf)));
        }),
      );
    });

    it('among equally frequent sanctions, picks the latest decided, then the mildest', () => {
      fc.assert(
        fc.property(listArb, fc.boolean(), (precedents, repeatOffence) => {
          const result = establishedPrecedent(precedents, repeatOffence);
          if (!result) return;
          const eligible = counting(precedents, repeatOffence);
          const latestOf = (s: Sanction) => Math.max(...eligible.filter((p) => p.sanction === s).map((p) => Date.parse(p.decidedAt)));
          const rivals = SANCTIONS.filter((s) => s !== result.sanction && eligible.filter((p) => p.sanction === s).length === result.count);
          for (const rival of rivals) {
            const [mine, theirs] = [latestOf(result.sanction), latestOf(rival)];
            expect(mine > theirs || (mine === theirs && sanctionRank(result.sanction) < sanctionRank(rival))).toBe(true);
          }
        }),
      );
    });

    it('does not depend on the order of the cases', () => {
      fc.assert(
        fc.property(
          listArb.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
          fc.boolean(),
          ([precedents, shuffled], repeatOffence) => {
            expect(establishedPrecedent(shuffled, repeatOffence)).toEqual(establishedPrecedent(precedents, repeatOffence));
          },
        ),
      );
    });

    it('is unmoved by justified deviations and by cases of the other offence history', () => {
      fc.assert(
        fc.property(listArb, listArb, fc.boolean(), (precedents, noise, repeatOffence) => {
          const ignored = noise.filter((p) => p.justified || p.repeatOffence !== repeatOffence);
          expect(establishedPrecedent([...precedents, ...ignored], repeatOffence)).toEqual(establishedPrecedent(precedents, repeatOffence));
        }),
      );
    });
  });
});

describe('precedentKey', () => {
  it('names an act by category and severity', () => {
    expect(precedentKey('harassment', 'serious')).toBe('harassment/serious');
  });
});
