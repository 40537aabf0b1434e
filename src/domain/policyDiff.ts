/** A line diff between two versions of a document (longest common subsequence of lines). */

export interface DiffLine {
  op: 'equal' | 'add' | 'remove';
  text: string;
  /** 1-based line number in the old text (null for an added line). */
  oldLine: number | null;
  /** 1-based line number in the new text (null for a removed line). */
  newLine: number | null;
}

export interface DiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: DiffLine[];
}

/** Above this many cells the LCS table is not built: the differing middle is shown as removed then added. */
export const MAX_LCS_CELLS = 16_000_000;

const splitLines = (text: string): string[] => (text === '' ? [] : text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n'));

/** The lines of `before` and `after`, each marked equal, removed or added, in reading order. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix += 1;

  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  const ops: DiffLine['op'][] = [];
  for (let i = 0; i < prefix; i += 1) ops.push('equal');
  ops.push(...middleOps(midA, midB));
  for (let i = 0; i < suffix; i += 1) ops.push('equal');

  const lines: DiffLine[] = [];
  let ia = 0;
  let ib = 0;
  for (const op of ops) {
    if (op === 'equal') {
      lines.push({ op, text: a[ia], oldLine: ia + 1, newLine: ib + 1 });
      ia += 1;
      ib += 1;
    } else if (op === 'remove') {
      lines.push({ op, text: a[ia], oldLine: ia + 1, newLine: null });
      ia += 1;
    } else {
      lines.push({ op, text: b[ib], oldLine: null, newLine: ib + 1 });
      ib += 1;
    }
  }
  return lines;
}

function middleOps(a: string[], b: string[]): DiffLine['op'][] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_LCS_CELLS) {
    return [...Array<DiffLine['op']>(n).fill('remove'), ...Array<DiffLine['op']>(m).fill('add')];
  }
  // lcs[i][j]: length of the LCS of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const ops: DiffLine['op'][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push('equal');
      i += 1;
      j += 1;
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
      ops.push('remove');
      i += 1;
    } else {
      ops.push('add');
      j += 1;
    }
  }
  while (i < n) {
    ops.push('remove');
    i += 1;
  }
  while (j < m) {
    ops.push('add');
    j += 1;
  }
  return ops;
}

/** The changed lines with `context` unchanged lines around them, grouped as in a unified diff. */
export function diffHunks(lines: readonly DiffLine[], context = 3): DiffHunk[] {
  const changed = lines.map((line, index) => (line.op === 'equal' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return [];
  const ranges: [number, number][] = [];
  for (const index of changed) {
    const start = Math.max(0, index - context);
    const end = Math.min(lines.length - 1, index + context);
    const last = ranges[ranges.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  return ranges.map(([start, end]) => {
    const slice = lines.slice(start, end + 1);
    const oldCount = slice.filter((line) => line.op !== 'add').length;
    const newCount = slice.filter((line) => line.op !== 'remove').length;
    const firstOld = slice.find((line) => line.oldLine !== null)?.oldLine;
    const firstNew = slice.find((line) => line.newLine !== null)?.newLine;
    // As in `diff -u`: an empty side starts at the line before the change.
    const before = lines.slice(0, start);
    const oldBefore = before.filter((line) => line.op !== 'add').length;
    const newBefore = before.filter((line) => line.op !== 'remove').length;
    return {
      oldStart: oldCount === 0 ? oldBefore : (firstOld ?? oldBefore + 1),
      oldLines: oldCount,
      newStart: newCount === 0 ? newBefore : (firstNew ?? newBefore + 1),
      newLines: newCount,
      lines: slice,
    };
  });
}

const SIGN: Record<DiffLine['op'], string> = { equal: ' ', add: '+', remove: '-' };

/** The diff as the unified text `diff -u` prints, with the two labels as file names. */
export function unifiedDiff(lines: readonly DiffLine[], fromLabel: string, toLabel: string, context = 3): string {
  const hunks = diffHunks(lines, context);
  if (hunks.length === 0) return '';
  const out = [`--- ${fromLabel}`, `+++ ${toLabel}`];
  for (const hunk of hunks) {
    out.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
    for (const line of hunk.lines) out.push(`${SIGN[line.op]}${line.text}`);
  }
  return `${out.join('\n')}\n`;
}
