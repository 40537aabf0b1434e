import { INAPPROPRIATE_CATEGORIES, SANCTIONS, SEVERITIES, type InappropriateCategory, type Sanction, type Severity } from './vocabulary';
import { conflict, forbidden, type Refusal } from './refusal';

/** The sanctions a case may receive: every rung of the ladder from `min` to `max`, both included. */
export interface SanctionRange {
  min: Sanction;
  max: Sanction;
}

/** Which sanctions are proportionate to which act: versioned data, pinned into a case when it is judged. */
export interface SanctionMatrix {
  version: number;
  rules: Record<InappropriateCategory, Record<Severity, SanctionRange>>;
  /** Each prior sanctioned case moves the whole range up the ladder, up to a ceiling. */
  repeatOffence: { stepsPerPriorCase: number; maxSteps: number };
}

/** The editable part of a matrix: what an admin submits to create the next version. */
export type SanctionMatrixContent = Omit<SanctionMatrix, 'version'>;

const range = (min: Sanction, max: Sanction): SanctionRange => ({ min, max });

/** Disclosures and harassment hurt customers, colleagues or the company's assets: they start higher up the ladder. */
const seriousBreach = (): Record<Severity, SanctionRange> => ({
  minor: range('mandatory_training', 'written_warning'),
  moderate: range('written_warning', 'suspension'),
  serious: range('written_warning', 'termination'),
  critical: range('suspension', 'termination'),
});

/** Conduct that embarrasses the company without harming a third party. */
const conduct = (): Record<Severity, SanctionRange> => ({
  minor: range('conversation', 'mandatory_training'),
  moderate: range('mandatory_training', 'written_warning'),
  serious: range('written_warning', 'suspension'),
  critical: range('suspension', 'termination'),
});

// Every category gets its own ranges, so that editing a copy of one never edits another.
export const DEFAULT_SANCTION_MATRIX: SanctionMatrix = {
  version: 1,
  rules: {
    error_of_judgement: {
      minor: range('conversation', 'conversation'),
      moderate: range('conversation', 'mandatory_training'),
      serious: range('mandatory_training', 'written_warning'),
      critical: range('written_warning', 'suspension'),
    },
    disparaging_employer: conduct(),
    inappropriate_media: conduct(),
    harassment: seriousBreach(),
    confidential_information_disclosure: seriousBreach(),
    customer_data_disclosure: seriousBreach(),
    intellectual_property_disclosure: seriousBreach(),
  },
  repeatOffence: { stepsPerPriorCase: 1, maxSteps: 2 },
};

/** Position on the ladder: 0 for `conversation`, up to 4 for `termination`. */
export function sanctionRank(sanction: Sanction): number {
  return SANCTIONS.indexOf(sanction);
}

const TOP = SANCTIONS.length - 1;

function stepUp(sanction: Sanction, steps: number): Sanction {
  return SANCTIONS[Math.min(sanctionRank(sanction) + steps, TOP)];
}

/** How many rungs a repeat offence moves the range: never negative, never past the matrix's ceiling. */
export function repeatOffenceSteps(matrix: SanctionMatrixContent, priorSanctionedCases: number): number {
  const { stepsPerPriorCase, maxSteps } = matrix.repeatOffence;
  return Math.min(Math.max(0, priorSanctionedCases) * stepsPerPriorCase, maxSteps);
}

export interface AllowedSanctions {
  range: SanctionRange;
  /** The rungs of `range`, mildest first. */
  allowed: Sanction[];
}

/** The sanctions proportionate to an act, for an employee with `priorSanctionedCases` earlier sanctioned cases. */
export function allowedSanctions(
  matrix: SanctionMatrixContent,
  category: InappropriateCategory,
  severity: Severity,
  priorSanctionedCases: number,
): AllowedSanctions {
  const base = matrix.rules[category][severity];
  const steps = repeatOffenceSteps(matrix, priorSanctionedCases);
  const shifted = range(stepUp(base.min, steps), stepUp(base.max, steps));
  return {
    range: shifted,
    allowed: SANCTIONS.slice(sanctionRank(shifted.min), sanctionRank(shifted.max) + 1),
  };
}

export function isProportionate(
  matrix: SanctionMatrixContent,
  category: InappropriateCategory,
  severity: Severity,
  priorSanctionedCases: number,
  sanction: Sanction,
): boolean {
  return allowedSanctions(matrix, category, severity, priorSanctionedCases).allowed.includes(sanction);
}

/**
 * A matrix as submitted by an admin or read back from storage: nothing about it is trusted yet,
 * so every category, severity and rung may be missing or misspelt.
 */
export interface SanctionMatrixCandidate {
  rules: Partial<Record<string, Partial<Record<string, Partial<Record<'min' | 'max', string>>>>>>;
  repeatOffence: { stepsPerPriorCase: number; maxSteps: number };
}

export interface MatrixProblem {
  path: string[];
  message: string;
}

const isSanction = (value: unknown): value is Sanction => (SANCTIONS as readonly unknown[]).includes(value);

/**
 * Everything that keeps a candidate from being a usable matrix: a missing category or severity, an
 * unknown sanction, a range upside down, or a range that gets milder as the severity rises.
 */
export function matrixProblems(candidate: SanctionMatrixCandidate): MatrixProblem[] {
  const problems: MatrixProblem[] = [];
  for (const category of INAPPROPRIATE_CATEGORIES) {
    const bySeverity = candidate.rules[category];
    if (!bySeverity) {
      problems.push({ path: ['rules', category], message: `${category} has no sanction ranges` });
      continue;
    }
    let milder: { severity: Severity; range: SanctionRange } | null = null;
    for (const severity of SEVERITIES) {
      const path = ['rules', category, severity];
      const { min, max } = bySeverity[severity] ?? {};
      if (!isSanction(min) || !isSanction(max)) {
        problems.push({ path, message: `${category}/${severity} needs a min and a max among ${SANCTIONS.join(', ')}` });
        continue;
      }
      if (sanctionRank(min) > sanctionRank(max)) {
        problems.push({ path, message: `${category}/${severity}: min ${min} is harsher than max ${max}` });
      }
      if (milder && sanctionRank(min) < sanctionRank(milder.range.min)) {
        problems.push({
          path,
          message: `${category}/${severity}: min ${min} is milder than ${milder.range.min} for the less severe ${milder.severity}`,
        });
      }
      if (milder && sanctionRank(max) < sanctionRank(milder.range.max)) {
        problems.push({
          path,
          message: `${category}/${severity}: max ${max} is milder than ${milder.range.max} for the less severe ${milder.severity}`,
        });
      }
      milder = { severity, range: { min, max } };
    }
  }
  const { stepsPerPriorCase, maxSteps } = candidate.repeatOffence;
  for (const [name, value] of [
    ['stepsPerPriorCase', stepsPerPriorCase],
    ['maxSteps', maxSteps],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > TOP) {
      problems.push({ path: ['repeatOffence', name], message: `${name} must be a whole number from 0 to ${TOP}` });
    }
  }
  return problems;
}

/** A proposed matrix as the two-person rule sees it. */
export interface MatrixProposalFacts {
  status: string;
  proposedBy: string;
}

/** A new matrix needs a second person: not the proposer, and only while the proposal is pending. */
export function refuseMatrixVerdict(proposal: MatrixProposalFacts, deciderSub: string): Refusal | null {
  if (proposal.status !== 'pending') return conflict('proposal_decided', `The proposal is already ${proposal.status}.`);
  if (proposal.proposedBy === deciderSub)
    return forbidden('four_eyes', 'A sanction matrix is approved by someone other than its proposer.');
  return null;
}
