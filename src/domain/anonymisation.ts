/** What the directory and the detection know about the person a lesson must not expose. */
export interface EmployeeIdentifiers {
  employeeId: string;
  name: string;
  email: string;
  handles: string[];
  postUrl: string;
  postContent: string;
}

export type IdentifierKind = 'name' | 'email' | 'handle' | 'employee_id' | 'post_url' | 'quote';

export interface IdentifierFinding {
  kind: IdentifierKind;
  found: string;
}

/** Consecutive words of the original post that make a searchable quote. */
export const QUOTE_WORDS = 6;

const REPLACEMENTS: Record<IdentifierKind, string> = {
  name: 'the employee',
  email: '[e-mail removed]',
  handle: '[handle removed]',
  employee_id: '[id removed]',
  post_url: '[link removed]',
  quote: '[quote removed]',
};

/** Letters that Unicode does not decompose into a base letter and an accent. */
const TRANSLITERATIONS: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŀ: 'l' };

interface Folded {
  text: string;
  /** For each folded character, the [start, end) of the original characters it came from. */
  spans: [number, number][];
}

/** Lower-cases, strips accents and transliterates (Zoë, ZOE and zoe, Søren and Soren read alike) while remembering where each character came from. */
function fold(text: string): Folded {
  let folded = '';
  const spans: [number, number][] = [];
  let offset = 0;
  for (const char of text) {
    const lower = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const plain = TRANSLITERATIONS[lower] ?? lower;
    folded += plain;
    // One span per UTF-16 unit, so regex indexes into the folded text map straight back.
    for (let unit = 0; unit < plain.length; unit += 1) spans.push([offset, offset + char.length]);
    offset += char.length;
  }
  return { text: folded, spans };
}

const foldWord = (word: string) => fold(word).text;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const bounded = (pattern: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'gu');

/**
 * The ways a name is written: whole ("o'brien-soren"), without apostrophes ("obrien-soren"), and
 * each part ("obrien", "brien", "soren"). Parts of two letters or fewer are too common to tell apart.
 */
const nameTokens = (name: string) => [
  ...new Set(
    foldWord(name)
      .split(/[^\p{L}'’-]+/u)
      .flatMap((token) => {
        const joined = token.replace(/['’]/g, '');
        return [token, joined, ...joined.split('-'), ...token.split(/[-'’]/)];
      })
      .filter((token) => token.length > 2),
  ),
];

function urlForms(url: string): string[] {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.replace(/^www\./, '');
    const path = parsed.pathname.replace(/\/$/, '');
    return [foldWord(`${host}${path}`)];
  } catch {
    return url ? [foldWord(url)] : [];
  }
}

const words = (text: string) => [...text.matchAll(/[\p{L}\p{N}]+/gu)];

interface Match {
  kind: IdentifierKind;
  start: number;
  end: number;
}

function matches(text: string, identifiers: EmployeeIdentifiers): Match[] {
  const folded = fold(text);
  const found: Match[] = [];
  const collect = (kind: IdentifierKind, regex: RegExp) => {
    for (const match of folded.text.matchAll(regex)) {
      const start = folded.spans[match.index][0];
      const end = folded.spans[match.index + match[0].length - 1][1];
      found.push({ kind, start, end });
    }
  };
  collect('email', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu);
  const localPart = foldWord(identifiers.email.split('@')[0] ?? '');
  if (localPart.length > 2) collect('email', bounded(escape(localPart)));
  for (const form of urlForms(identifiers.postUrl)) collect('post_url', new RegExp(`(?:https?://)?(?:www\\.)?${escape(form)}\\S*`, 'gu'));
  for (const handle of identifiers.handles) {
    const bare = foldWord(handle.replace(/^@/, ''));
    if (bare) collect('handle', bounded(`@?${escape(bare)}`));
  }
  if (identifiers.employeeId) collect('employee_id', bounded(escape(foldWord(identifiers.employeeId))));
  const tokens = nameTokens(identifiers.name);
  if (tokens.length > 0) collect('name', bounded(tokens.map(escape).join('|')));

  const postWords = words(foldWord(identifiers.postContent)).map((match) => match[0]);
  const quoteLength = Math.min(QUOTE_WORDS, postWords.length);
  if (quoteLength >= 3) {
    const shingles = new Set(
      postWords.slice(0, postWords.length - quoteLength + 1).map((_, i) => postWords.slice(i, i + quoteLength).join(' ')),
    );
    const textWords = words(folded.text);
    let quote: Match | null = null;
    for (let i = 0; i + quoteLength <= textWords.length; i += 1) {
      if (
        !shingles.has(
          textWords
            .slice(i, i + quoteLength)
            .map((match) => match[0])
            .join(' '),
        )
      )
        continue;
      const first = textWords[i];
      const last = textWords[i + quoteLength - 1];
      const start = folded.spans[first.index][0];
      const end = folded.spans[last.index + last[0].length - 1][1];
      // Overlapping windows of one long quote make one finding.
      if (quote && start < quote.end) quote.end = end;
      else found.push((quote = { kind: 'quote', start, end }));
    }
  }
  return found;
}

/** Every identifier of the employee left in `text`, as written there. */
export function findIdentifiers(text: string, identifiers: EmployeeIdentifiers): IdentifierFinding[] {
  const seen = new Set<string>();
  return matches(text, identifiers)
    .sort((a, b) => a.start - b.start)
    .map((match) => ({ kind: match.kind, found: text.slice(match.start, match.end) }))
    .filter((finding) => {
      const key = `${finding.kind}:${finding.found}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
}

export interface IdentifierSpan extends IdentifierFinding {
  /** Where it stands in the text: [start, end) in UTF-16 code units. */
  start: number;
  end: number;
}

/** Every identifier of the employee left in `text`, with where it stands, first first: what an editor highlights. */
export function identifierSpans(text: string, identifiers: EmployeeIdentifiers): IdentifierSpan[] {
  return matches(text, identifiers)
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((match) => ({ kind: match.kind, found: text.slice(match.start, match.end), start: match.start, end: match.end }));
}

/** `text` with every identifier of the employee replaced by a neutral phrase. */
export function anonymise(text: string, identifiers: EmployeeIdentifiers): string {
  // Longest first, so an e-mail wins over the name inside it; overlapping shorter matches are dropped.
  const chosen: Match[] = [];
  for (const match of matches(text, identifiers).sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (chosen.every((other) => match.end <= other.start || match.start >= other.end)) chosen.push(match);
  }
  // A first name and a surname side by side become one "the employee".
  const merged = chosen
    .sort((a, b) => a.start - b.start)
    .reduce<Match[]>((spans, match) => {
      const previous = spans[spans.length - 1];
      const adjacentNames = previous?.kind === 'name' && match.kind === 'name' && /^\s+$/.test(text.slice(previous.end, match.start));
      if (adjacentNames) previous.end = match.end;
      else spans.push({ ...match });
      return spans;
    }, []);
  return merged
    .sort((a, b) => b.start - a.start)
    .reduce((result, match) => {
      const before = result.slice(0, match.start);
      const opensSentence = /(^|[.!?]\s+)$/.test(before);
      const replacement = REPLACEMENTS[match.kind];
      return before + (opensSentence ? replacement[0].toUpperCase() + replacement.slice(1) : replacement) + result.slice(match.end);
    }, text);
}
