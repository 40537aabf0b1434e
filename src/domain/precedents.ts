import { sanctionRank } from './sanctionMatrix';
import type { InappropriateCategory, Sanction, Severity } from './vocabulary';

/** How an earlier, comparable case was decided. */
export interface Precedent {
  caseId: string;
  sanction: Sanction;
  decidedAt: string;
  /** The employee already had sanctioned cases when this one was decided. */
  repeatOffence: boolean;
  /** The decider deviated from the precedent of the time and wrote why. */
  justified: boolean;
}

export type PrecedentKey = `${InappropriateCategory}/${Severity}`;

export const precedentKey = (category: InappropriateCategory, severity: Severity): PrecedentKey => `${category}/${severity}`;

/** Earlier decisions per act (category and severity), as loaded for a case before its decision is awaited. */
export type PrecedentsByAct = Partial<Record<PrecedentKey, Precedent[]>>;

export interface EstablishedPrecedent {
  sanction: Sanction;
  /** How many comparable cases received it. */
  count: number;
}

const timeOf = (precedent: Precedent): number => {
  const time = Date.parse(precedent.decidedAt);
  return Number.isNaN(time) ? -Infinity : time;
};

/**
 * The sanction the same act has usually received: the most frequent one among `precedents` (all of one
 * category and severity) with the same repeat-offence flag. Justified deviations are exceptions and
 * establish nothing. A tie goes to the sanction decided most recently, then to the milder one.
 */
export function establishedPrecedent(precedents: readonly Precedent[], repeatOffence: boolean): EstablishedPrecedent | null {
  const tally = new Map<Sanction, { count: number; latest: number }>();
  for (const precedent of precedents) {
    if (precedent.justified || precedent.repeatOffence !== repeatOffence) continue;
    const entry = tally.get(precedent.sanction) ?? { count: 0, latest: -Infinity };
    tally.set(precedent.sanction, { count: entry.count + 1, latest: Math.max(entry.latest, timeOf(precedent)) });
  }
  let best: (EstablishedPrecedent & { latest: number }) | null = null;
  for (const [sanction, { count, latest }] of tally) {
    const better =
      best === null ||
      count > best.count ||
      (count === best.count && latest > best.latest) ||
      (count === best.count && latest === best.latest && sanctionRank(sanction) < sanctionRank(best.sanction));
    if (better) best = { sanction, count, latest };
  }
  return best && { sanction: best.sanction, count: best.count };
}
