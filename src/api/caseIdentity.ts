import { createHash } from 'node:crypto';

/**
 * The case (and workflow) id of a detection: stable for the same source and reference, so a
 * re-sent detection finds its case. Hashing keeps arbitrary references out of ids and URLs.
 */
export function caseIdFor(source: string, sourceRef: string): string {
  const digest = createHash('sha256').update(`${source}\u0000${sourceRef}`).digest('hex').slice(0, 20);
  return `case-${source}-${digest}`;
}
