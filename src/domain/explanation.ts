import { type EmployeeIdentifiers, findIdentifiers, anonymise } from './anonymisation';
import type { Decider } from './decider';
import { type Refusal, unprocessable } from './refusal';
import type { PolicyClause } from './policyClause';
import { mayDecideAs } from './routing';
import type { SanctionRange } from './sanctionMatrix';
import { type ActivityCategory, type ContentAction, type DecidingRole, type Sanction, type Severity } from './vocabulary';

export type ExplanationKind = 'sanction' | 'good_practice';

export const EXPLANATION_PARTS = {
  sanction: {
    what_happened: 'What the employee did',
    why_inappropriate: 'Why it was inappropriate',
    measure_taken: 'What measure was taken',
    why_that_measure: 'Why that measure',
  },
  good_practice: {
    what_happened: 'What happened',
    why_it_helped: 'Why it helped',
    how_to_repeat: 'How to repeat it',
  },
} as const;

export type PartKey = keyof (typeof EXPLANATION_PARTS)['sanction'] | keyof (typeof EXPLANATION_PARTS)['good_practice'];

/** A lesson for the employee community: a title and its required parts, in order. */
export interface ExplanationDraft {
  kind: ExplanationKind;
  title: string;
  parts: { key: PartKey; heading: string; text: string }[];
}

export type ExplanationStatus = 'draft' | 'approved' | 'published' | 'withdrawn';

/** Sanctions that call for a published explanation unless configured otherwise: a reprimand or harsher. */
export const DEFAULT_EXPLAINED_SANCTIONS: readonly Sanction[] = ['written_warning', 'suspension', 'termination'];

/** The facts of a decided case a lesson is drafted from. */
export type ExplanationFacts =
  | {
      kind: 'sanction';
      category: ActivityCategory;
      severity: Severity;
      platform: string;
      reach: number;
      sanction: Sanction;
      rationale: string;
      content: { action: ContentAction; rationale: string };
      range: SanctionRange;
      matrixVersion: number;
      repeatOffence: boolean;
      precedent: { sanction: Sanction; count: number } | null;
      justification: string | null;
      clause: PolicyClause | null;
      policyVersion: number | null;
    }
  | {
      kind: 'good_practice';
      category: ActivityCategory;
      platform: string;
      reach: number;
      rationale: string;
      reproduce: string;
    };

const words = (value: string) => value.replaceAll('_', ' ');

/** Reach in round words: an exact figure could point back to the post. */
export function roughReach(reach: number): string {
  if (reach < 100) return 'a few dozen people';
  if (reach < 1_000) return 'a few hundred people';
  if (reach < 10_000) return 'a few thousand people';
  if (reach < 100_000) return 'tens of thousands of people';
  return 'more than a hundred thousand people';
}

const CONTENT_OUTCOMES: Record<ContentAction, string> = {
  remove: 'The post was removed from the company site.',
  request_removal: 'The platform hosting the post was asked to remove it.',
  leave: 'The post was left online, because asking for its removal would have drawn more attention to it.',
};

function sanctionParts(facts: Extract<ExplanationFacts, { kind: 'sanction' }>): Record<string, string> {
  const act = `${words(facts.category)} (${facts.severity})`;
  const offence = facts.repeatOffence ? 'a repeat offence' : 'a first offence';
  const range = facts.range.min === facts.range.max ? words(facts.range.min) : `${words(facts.range.min)} to ${words(facts.range.max)}`;
  const precedent = facts.justification
    ? `It departs from earlier comparable cases, for this reason: ${facts.justification}`
    : facts.precedent
      ? `The same act received the same measure in ${facts.precedent.count} earlier comparable case${facts.precedent.count === 1 ? '' : 's'}: the same act gets the same sanction for everyone.`
      : 'It is the first comparable case; it sets the precedent for the next ones.';
  const policy = facts.clause
    ? `It breaks ${facts.clause.reference} of the social-media policy${facts.policyVersion ? ` (version ${facts.policyVersion})` : ''}: "${facts.clause.excerpt}"`
    : `It breaks the social-media policy${facts.policyVersion ? ` (version ${facts.policyVersion})` : ''} on ${words(facts.category)}.`;
  return {
    what_happened: `An employee posted content on ${facts.platform} amounting to ${act}. It reached ${roughReach(facts.reach)}.`,
    why_inappropriate: policy,
    measure_taken: `The measure was ${words(facts.sanction)}. ${CONTENT_OUTCOMES[facts.content.action]}`,
    why_that_measure: `For ${act} as ${offence}, the sanctions matrix (version ${facts.matrixVersion}) allows ${range}. ${precedent} The decider explained: ${facts.rationale}`,
  };
}

/** The first draft of a lesson, anonymised: the people reviewing it edit and approve it. */
export function draftExplanation(facts: ExplanationFacts, identifiers: EmployeeIdentifiers): ExplanationDraft {
  const texts =
    facts.kind === 'sanction'
      ? sanctionParts(facts)
      : {
          what_happened: `An employee's post on ${facts.platform} about ${words(facts.category)} reached ${roughReach(facts.reach)}.`,
          why_it_helped: facts.rationale,
          how_to_repeat: facts.reproduce,
        };
  const headings: Record<string, string> = EXPLANATION_PARTS[facts.kind];
  return {
    kind: facts.kind,
    title: facts.kind === 'sanction' ? `A lesson on ${words(facts.category)}` : `Good practice: ${words(facts.category)}`,
    parts: Object.keys(headings).map((key) => ({ key: key as PartKey, heading: headings[key], text: anonymise(texts[key], identifiers) })),
  };
}

/** What keeps a draft from being published: a missing or empty part, or an identifier of the employee. */
export function draftProblems(draft: Pick<ExplanationDraft, 'kind' | 'title' | 'parts'>, identifiers: EmployeeIdentifiers): Refusal | null {
  const required = Object.keys(EXPLANATION_PARTS[draft.kind]);
  const empty = required.filter((key) => !draft.parts.find((part) => part.key === key)?.text.trim());
  if (!draft.title.trim()) empty.unshift('title');
  if (empty.length > 0) {
    return { kind: 'unprocessable', code: 'empty_part', message: `Every part must be written; empty: ${empty.join(', ')}.` };
  }
  const findings = [draft.title, ...draft.parts.map((part) => part.text)].flatMap((text) => findIdentifiers(text, identifiers));
  if (findings.length > 0) {
    const listed = findings.map((finding) => `${finding.kind.replace('_', ' ')} "${finding.found}"`).join(', ');
    return { kind: 'unprocessable', code: 'identifies_employee', message: `The explanation still identifies the employee: ${listed}.` };
  }
  return null;
}

/** Who reviews a lesson: communications, and the role that decided the case (or one above it). */
function refuseReviewer(person: Decider, decidingRole: DecidingRole): Refusal | null {
  if (person.roles.includes('communications') || mayDecideAs(person.roles, decidingRole)) return null;
  return {
    kind: 'forbidden',
    code: 'wrong_role',
    message: `The explanation is reviewed by communications or ${decidingRole.replaceAll('_', ' ')}.`,
  };
}

export interface ExplanationReview {
  status: ExplanationStatus;
  decidingRole: DecidingRole;
  employeeId: string;
  /** Who wrote the current text: `system` for the first draft. */
  lastEditor: string;
}

const notADraft = (status: ExplanationStatus): Refusal => ({
  kind: 'conflict',
  code: status === 'approved' ? 'already_approved' : `already_${status}`,
  message: `The explanation is ${status}; it can no longer be ${status === 'approved' ? 'edited or approved again' : 'changed'}.`,
});

const ownCase: Refusal = { kind: 'forbidden', code: 'own_case', message: 'You cannot review the explanation of a case about yourself.' };

export function refuseExplanationEdit(
  review: ExplanationReview,
  editor: Decider,
  draft: ExplanationDraft,
  identifiers: EmployeeIdentifiers,
): Refusal | null {
  if (review.status !== 'draft') return notADraft(review.status);
  if (editor.sub === review.employeeId) return ownCase;
  return refuseReviewer(editor, review.decidingRole) ?? draftProblems(draft, identifiers);
}

export function refuseExplanationApproval(
  review: ExplanationReview,
  approver: Decider,
  draft: ExplanationDraft,
  identifiers: EmployeeIdentifiers,
  publishAt: { requested: string | null; now: number },
): Refusal | null {
  if (review.status !== 'draft') return notADraft(review.status);
  if (approver.sub === review.employeeId) return ownCase;
  const roleRefusal = refuseReviewer(approver, review.decidingRole);
  if (roleRefusal) return roleRefusal;
  if (approver.sub === review.lastEditor) {
    return { kind: 'forbidden', code: 'four_eyes', message: 'You wrote the current text; someone else must approve it.' };
  }
  if (publishAt.requested !== null && Date.parse(publishAt.requested) <= publishAt.now) {
    return { kind: 'unprocessable', code: 'publish_at_past', message: 'publishAt must be in the future.' };
  }
  return draftProblems(draft, identifiers);
}

export function refuseWithdrawal(review: ExplanationReview, person: Decider): Refusal | null {
  if (review.status === 'published' || review.status === 'withdrawn') return notADraft(review.status);
  return refuseReviewer(person, review.decidingRole);
}

/** A requested publication date must leave at least the minimum delay after the approval (room for the employee to object). */
export function refusePublicationDate(requested: string | null, now: number, minDelayMs: number): Refusal | null {
  if (requested === null || Date.parse(requested) <= now) return null; // a past date is the validator's publish_at_past
  if (Date.parse(requested) - now >= minDelayMs) return null;
  const hours = Math.ceil(minDelayMs / 3_600_000);
  return unprocessable('publish_too_soon', `publishAt must be at least ${hours} hour${hours === 1 ? '' : 's'} after the approval.`);
}
