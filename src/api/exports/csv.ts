import { stringify } from 'csv-stringify/sync';

/**
 * Rows as CSV (RFC 4180, CRLF). A cell a spreadsheet would run as a formula (=, +, -, @ first) is
 * prefixed with an apostrophe: exported texts come from posts and rationales.
 */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  const safe = rows.map((row) => row.map((cell) => (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
  return stringify(safe, { record_delimiter: 'windows', cast: { date: (value) => value.toISOString() } });
}
