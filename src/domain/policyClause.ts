export interface PolicyClause {
  /** e.g. "clause 4.2 (Protecting information)". */
  reference: string;
  /** The clause's text, to quote. */
  excerpt: string;
}

/**
 * Clause `number` (e.g. "4.2") of a policy written as numbered sections ("## 4. Protecting
 * information") holding numbered clauses ("4.2 Never publish customer data..."), or null.
 */
export function policyClause(number: string, policyMarkdown: string): PolicyClause | null {
  const escaped = number.replace(/\./g, '\\.');
  const clause = new RegExp(`^\\s*(?:[-*]\\s+)?\\**${escaped}\\**\\.?\\s+(.+)$`, 'm').exec(policyMarkdown);
  if (!clause) return null;
  const section = number.split('.')[0];
  const heading = new RegExp(`^#{1,6}\\s*${section}\\.?\\s+(.+)$`, 'm').exec(policyMarkdown);
  return {
    reference: heading ? `clause ${number} (${heading[1].trim()})` : `clause ${number}`,
    excerpt: clause[1].trim(),
  };
}
