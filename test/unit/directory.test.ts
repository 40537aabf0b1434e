import fc from 'fast-check';
import { reportingLineProblems } from '../../src/domain/directory';

describe('reporting lines', () => {
  it('accepts a tree and names unknown managers and loops', () => {
    const directory = new Map<string, string | null>([
      ['ceo', null],
      ['cfo', 'ceo'],
      ['clerk', 'cfo'],
      ['lost', 'ghost'],
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(reportingLineProblems(directory, ['ceo', 'cfo', 'clerk'])).toEqual([]);
    expect(reportingLineProblems(directory, ['lost'])).toEqual([{ employeeId: 'lost', message: 'manager ghost is not in the directory' }]);
    expect(reportingLineProblems(directory, ['a']).map((p) => p.employeeId)).toEqual(['a']);
    expect(reportingLineProblems(new Map([['me', 'me']]), ['me'])).toHaveLength(1);
  });

  it('never reports a directory where every manager comes earlier in a list (a tree)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), (picks) => {
        const ids = picks.map((_, i) => `e${i}`);
        const directory = new Map(ids.map((id, i) => [id, i === 0 ? null : ids[picks[i] % i]]));
        return reportingLineProblems(directory, ids).length === 0;
      }),
    );
  });
});
