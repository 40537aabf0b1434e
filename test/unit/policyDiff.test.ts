import fc from 'fast-check';
import { diffHunks, diffLines, type DiffLine, MAX_LCS_CELLS, unifiedDiff } from '../../src/domain/policyDiff';

const sides = (lines: DiffLine[]) => ({
  before: lines.filter((line) => line.op !== 'add').map((line) => line.text),
  after: lines.filter((line) => line.op !== 'remove').map((line) => line.text),
});

/** The textbook LCS length, as a reference. */
function lcsLength(a: string[], b: string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      table[i][j] = a[i - 1] === b[j - 1] ? table[i - 1][j - 1] + 1 : Math.max(table[i - 1][j], table[i][j - 1]);
    }
  }
  return table[a.length][b.length];
}

describe('the line diff of two document versions', () => {
  it('marks added, removed and unchanged lines with their line numbers', () => {
    const lines = diffLines('# Policy\n1.1 Be kind.\n1.2 Be brief.\n', '# Policy\n1.1 Be kind.\n1.2 Be clear.\n1.3 Ask first.\n');
    expect(lines).toEqual([
      { op: 'equal', text: '# Policy', oldLine: 1, newLine: 1 },
      { op: 'equal', text: '1.1 Be kind.', oldLine: 2, newLine: 2 },
      { op: 'remove', text: '1.2 Be brief.', oldLine: 3, newLine: null },
      { op: 'add', text: '1.2 Be clear.', oldLine: null, newLine: 3 },
      { op: 'add', text: '1.3 Ask first.', oldLine: null, newLine: 4 },
    ]);
  });

  it('finds a longest common subsequence: a line moved down is one removal and one addition', () => {
    const lines = diffLines('a\nb\nc\nd', 'b\nc\nd\na');
    expect(lines.filter((line) => line.op !== 'equal').map((line) => `${line.op}:${line.text}`)).toEqual(['remove:a', 'add:a']);
  });

  it('says nothing changed for identical texts, and everything for texts with nothing in common', () => {
    expect(diffLines('x\ny', 'x\ny').every((line) => line.op === 'equal')).toBe(true);
    expect(diffHunks(diffLines('x\ny', 'x\ny'))).toEqual([]);
    expect(unifiedDiff(diffLines('x', 'x'), 'v1', 'v2')).toBe('');
    expect(diffLines('', 'new').map((line) => line.op)).toEqual(['add']);
    expect(diffLines('old', '').map((line) => line.op)).toEqual(['remove']);
  });

  it('reads CRLF line endings as LF', () => {
    expect(diffLines('a\r\nb\r\n', 'a\nb\n').every((line) => line.op === 'equal')).toBe(true);
  });

  it('always rebuilds both texts and keeps a longest common subsequence unchanged', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 30 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const lines = diffLines(before, after);
        const split = (value: string) => (value === '' ? [] : value.replace(/\n$/, '').split('\n'));
        expect(sides(lines)).toEqual({ before: split(before), after: split(after) });
        expect(lines.filter((line) => line.op === 'equal')).toHaveLength(lcsLength(split(before), split(after)));
      }),
    );
  });

  it('falls back to a whole-middle replacement when the texts are too large for the LCS table', () => {
    const size = Math.ceil(Math.sqrt(MAX_LCS_CELLS)) + 10;
    const before = Array.from({ length: size }, (_, i) => `old ${i}`).join('\n');
    const after = Array.from({ length: size }, (_, i) => `new ${i}`).join('\n');
    const lines = diffLines(`same\n${before}\nend`, `same\n${after}\nend`);
    expect(lines[0].op).toBe('equal');
    expect(lines.filter((line) => line.op === 'remove')).toHaveLength(size);
    expect(lines.filter((line) => line.op === 'add')).toHaveLength(size);
    expect(lines[lines.length - 1]).toMatchObject({ op: 'equal', text: 'end' });
  });
});

describe('hunks and the unified diff', () => {
  const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
  const after = before.replace('line 3', 'line three').replace('line 18', 'line eighteen');

  it('groups changes with three lines of context, as diff -u does', () => {
    const hunks = diffHunks(diffLines(before, after));
    expect(hunks.map(({ oldStart, oldLines, newStart, newLines }) => [oldStart, oldLines, newStart, newLines])).toEqual([
      [1, 6, 1, 6],
      [15, 6, 15, 6],
    ]);
    expect(unifiedDiff(diffLines(before, after), 'social-media-policy v1', 'social-media-policy v2')).toBe(
      [
        '--- social-media-policy v1',
        '+++ social-media-policy v2',
        '@@ -1,6 +1,6 @@',
        ' line 1',
        ' line 2',
        '-line 3',
        '+line three',
        ' line 4',
        ' line 5',
        ' line 6',
        '@@ -15,6 +15,6 @@',
        ' line 15',
        ' line 16',
        ' line 17',
        '-line 18',
        '+line eighteen',
        ' line 19',
        ' line 20',
        '',
      ].join('\n'),
    );
  });

  it('merges changes whose contexts touch, and honours a wider context', () => {
    expect(diffHunks(diffLines(before, after), 10)).toHaveLength(1);
    expect(diffHunks(diffLines(before, after), 0).map((hunk) => hunk.lines.length)).toEqual([2, 2]);
  });

  it('numbers an insertion into an empty side from the line before, as diff -u does', () => {
    const [hunk] = diffHunks(diffLines('a\nb', 'a\nb\nc'), 0);
    expect(hunk).toMatchObject({ oldStart: 2, oldLines: 0, newStart: 3, newLines: 1 });
  });
});
