import type { Severity } from './vocabulary';

export type StreisandLevel = 'low' | 'medium' | 'high';

export interface StreisandRisk {
  level: StreisandLevel;
  /** A sentence for the case handler choosing between `request_removal` and `leave`. */
  hint: string;
}

/*
 * Heuristic: on a site the company does not control, a removal request is itself news, and the more people
 * have already seen the post, the more a request (or its refusal, or a screenshot of it) spreads it further:
 * risk rises with reach. The graver the content, the more harm leaving it up does, so the reach at which a
 * request stops being worth the attention it draws rises with severity.
 */
const REACH_THRESHOLDS: Record<Severity, { medium: number; high: number }> = {
  minor: { medium: 1_000, high: 10_000 },
  moderate: { medium: 2_000, high: 20_000 },
  serious: { medium: 5_000, high: 50_000 },
  critical: { medium: 20_000, high: 200_000 },
};

const people = (reach: number): string => `${String(Math.round(reach)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} people`;

/** How likely a removal request on an external site is to draw more attention than it prevents; advice only. */
export function streisandRisk(reach: number, severity: Severity): StreisandRisk {
  const thresholds = REACH_THRESHOLDS[severity];
  if (reach >= thresholds.high) {
    return {
      level: 'high',
      hint: `A removal request is likely to draw more attention to a post already seen by about ${people(reach)}; weigh that against the harm of leaving ${severity} content up.`,
    };
  }
  if (reach >= thresholds.medium) {
    return {
      level: 'medium',
      hint: `A removal request may draw attention to a post already seen by about ${people(reach)}; a discreet request to the author may be safer than asking the platform.`,
    };
  }
  return {
    level: 'low',
    hint: `The post has reached about ${people(reach)}, little for ${severity} content; a removal request is unlikely to draw attention to it.`,
  };
}
