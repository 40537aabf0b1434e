import type { Decider } from './decider';
import { conflict, forbidden, type Refusal, unprocessable } from './refusal';
import type { ActivityCategory, PositiveCategory, Role, Sanction, Severity } from './vocabulary';

/** The three documents a lesson can be folded into (step 6 of the method). */
export const POLICY_DOCUMENTS = ['social-media-policy', 'communication-plan', 'training-material'] as const;
export type PolicyDocumentId = (typeof POLICY_DOCUMENTS)[number];

export const POLICY_DOCUMENT_TITLES: Record<PolicyDocumentId, string> = {
  'social-media-policy': 'the social-media policy',
  'communication-plan': 'the communication plan',
  'training-material': 'the training material',
};

export const isPolicyDocument = (id: string): id is PolicyDocumentId => (POLICY_DOCUMENTS as readonly string[]).includes(id);

/** What a closed case teaches: the input of its policy review. */
export interface Lesson {
  caseId: string;
  kind: 'inappropriate' | 'positive';
  category: ActivityCategory;
  severity: Severity;
  decision: { outcome: 'sanction' | 'capitalize'; sanction: Sanction | null; rationale: string };
  /** The policy clause involved (e.g. "4.2"); `clauseOf(category)` gives the default one. */
  clause: string | null;
  /** The anonymised instructive example of the case, once there is one. */
  explanation: string | null;
}

/** A new version of a document, published by an approved review. */
export interface PolicyRevision {
  documentId: string;
  policyVersionId: string;
  versionNumber: number;
  changeSummary: string;
}

/** How long reviewers have: durations pinned into each review when it opens. */
export interface PolicyReviewTiming {
  /** After this long without an answer (or without the committee's verdict), the people concerned are reminded. */
  reminderMs: number;
  /** After this long without an answer, the review is escalated to the steering committee. */
  deadlineMs: number;
}

export type ReviewTrigger = 'case' | 'periodic';

/**
 * The input of a policy review. A case review carries its lesson; a periodic review collects the
 * lessons of every case closed since the previous periodic review when it opens. Without `timing`
 * the review pins the worker's configured durations.
 */
export type PolicyReviewOpening =
  { trigger: 'case'; lesson: Lesson; timing?: PolicyReviewTiming } | { trigger: 'periodic'; timing?: PolicyReviewTiming };

/** The workflow id of the review a case opens: one per case, however often it is asked for. */
export const caseReviewId = (caseId: string) => `policy-review-${caseId}`;

/** New markdown text for one document, written against the version the reviewer read. */
export interface ProposedChange {
  document: PolicyDocumentId;
  baseVersion: number;
  text: string;
  summary: string;
}

export type ReviewAnswer = { kind: 'proposal'; rationale: string; changes: ProposedChange[] } | { kind: 'no_change'; reason: string };

export type CurrentVersions = Record<PolicyDocumentId, number>;

export interface SubmittedAnswer {
  id: string;
  round: number;
  answer: ReviewAnswer;
  author: Decider;
  submittedAt: string;
}

export interface ReviewVerdict {
  approver: Decider;
  approve: boolean;
  rationale: string;
  at: string;
}

/** An answer that went back to the reviewers: sent back by the committee, or overtaken by another review. */
export interface ReturnedAnswer {
  answerId: string;
  reason: 'sent_back' | 'stale_base';
  by: string;
  note: string;
  at: string;
}

export type PolicyReviewStatus = 'opening' | 'awaiting_answer' | 'awaiting_approval' | 'publishing' | 'closed';

/** The live state of a review, as its workflow answers the `policyReviewState` query. */
export interface PolicyReviewState {
  reviewId: string;
  trigger: ReviewTrigger;
  status: PolicyReviewStatus;
  /** The cases whose lessons it reviews; the lessons themselves are on record (`GET /api/policy-reviews/:id`). */
  caseIds: string[];
  /** For a periodic review: the cases closed after `since` (null: since the beginning) and up to `until`. */
  period: { since: string | null; until: string } | null;
  /** Where the lessons most likely belong; reviewers may propose changes to any document. */
  documentsConcerned: PolicyDocumentId[];
  /** The current version of each document, as this review knows it; proposals must be based on them. */
  currentVersions: CurrentVersions | null;
  round: number;
  answer: SubmittedAnswer | null;
  verdict: ReviewVerdict | null;
  returned: ReturnedAnswer[];
  answerDueAt: string | null;
  escalated: boolean;
  outcome: ReviewOutcome | null;
  revisions: PolicyRevision[];
}

/** How a review closed: new versions published, none needed, or nobody answered (folded into the next periodic review). */
export type ReviewOutcome = 'revised' | 'no_change' | 'folded';

/** What an Update of a review answers: where it stands, with the ids a caller needs next, never the whole state. */
export interface ReviewReceipt {
  reviewId: string;
  status: PolicyReviewStatus;
  round: number;
  /** The answer awaiting the committee's verdict, and who gave it. */
  pendingAnswer: { id: string; author: string } | null;
  /** The latest answer that went back to the reviewers. */
  lastReturned: Pick<ReturnedAnswer, 'answerId' | 'reason'> | null;
}

export function reviewReceiptOf(state: PolicyReviewState): ReviewReceipt {
  const pending = state.status === 'awaiting_approval' ? state.answer : null;
  const returned = state.returned[state.returned.length - 1];
  return {
    reviewId: state.reviewId,
    status: state.status,
    round: state.round,
    pendingAnswer: pending && { id: pending.id, author: pending.author.sub },
    lastReturned: returned ? { answerId: returned.answerId, reason: returned.reason } : null,
  };
}

/** Reviewers answer; once a review is escalated the steering committee may answer too. */
export const REVIEWER_ROLES: readonly Role[] = ['social_media_lead', 'communications'];
export const REVIEW_APPROVER_ROLES: readonly Role[] = ['steering_committee'];

/** The clause of the social-media policy (as seeded) that deals with each category of activity. */
export const POLICY_CLAUSES: Record<ActivityCategory, string> = {
  disparaging_employer: '3.2',
  confidential_information_disclosure: '4.1',
  customer_data_disclosure: '4.2',
  intellectual_property_disclosure: '4.3',
  harassment: '5.1',
  inappropriate_media: '5.2',
  error_of_judgement: '6.1',
  viral_content: '7.1',
  customer_insight: '7.2',
  thought_leadership: '7.3',
  customer_service: '7.4',
};

export const clauseOf = (category: ActivityCategory): string => POLICY_CLAUSES[category];

/** Categories whose lessons usually concern how the company speaks in public, not only what employees may do. */
const COMMUNICATION_CATEGORIES: readonly ActivityCategory[] = [
  'disparaging_employer',
  'customer_data_disclosure',
  'viral_content',
  'thought_leadership',
];

/** Which documents a lesson touches: the policy (its clause or its examples) and the training always; the communication plan when the company's public voice is involved. */
export function documentsTouchedBy(lesson: Pick<Lesson, 'kind' | 'category' | 'severity'>): PolicyDocumentId[] {
  const serious = lesson.kind === 'inappropriate' && (lesson.severity === 'serious' || lesson.severity === 'critical');
  const documents: PolicyDocumentId[] = ['social-media-policy', 'training-material'];
  if (serious || COMMUNICATION_CATEGORIES.includes(lesson.category)) documents.push('communication-plan');
  return POLICY_DOCUMENTS.filter((document) => documents.includes(document));
}

/** Every document a set of lessons touches, in the documents' order; a review without lessons looks at all of them. */
export function documentsConcerned(lessons: readonly Pick<Lesson, 'kind' | 'category' | 'severity'>[]): PolicyDocumentId[] {
  if (lessons.length === 0) return [...POLICY_DOCUMENTS];
  const touched = new Set(lessons.flatMap(documentsTouchedBy));
  return POLICY_DOCUMENTS.filter((document) => touched.has(document));
}

export interface StaleBase {
  document: PolicyDocumentId;
  baseVersion: number;
  currentVersion: number;
}

/** The proposed changes whose base version is no longer the current one. */
export function staleBases(current: CurrentVersions, changes: readonly Pick<ProposedChange, 'document' | 'baseVersion'>[]): StaleBase[] {
  return changes
    .filter((change) => change.baseVersion !== current[change.document])
    .map((change) => ({ document: change.document, baseVersion: change.baseVersion, currentVersion: current[change.document] }));
}

function describeStale(stale: StaleBase[]): string {
  return stale
    .map(
      (s) => `${POLICY_DOCUMENT_TITLES[s.document]} is at version ${s.currentVersion}, the proposal is based on version ${s.baseVersion}`,
    )
    .join('; ');
}

const isBlank = (text: string | undefined): boolean => (text ?? '').trim() === '';

export function refuseStaleBase(
  current: CurrentVersions,
  changes: readonly Pick<ProposedChange, 'document' | 'baseVersion'>[],
): Refusal | null {
  const stale = staleBases(current, changes);
  if (stale.length === 0) return null;
  return conflict('stale_base', `${describeStale(stale)}: rebase your text on the current version and propose again.`);
}

function refuseClosedReview(status: PolicyReviewStatus): Refusal | null {
  if (status === 'closed') return conflict('review_closed', 'This review is concluded.');
  if (status === 'publishing') return conflict('publishing', 'The approved answer of this review is being published.');
  if (status === 'opening') return conflict('not_ready', 'The review is still being prepared; try again in a moment.');
  return null;
}

export interface AnswerContext {
  status: PolicyReviewStatus;
  currentVersions: CurrentVersions | null;
  escalated: boolean;
}

/** Why `reviewer` may not give this answer now, or null when they may. */
export function refuseAnswer(ctx: AnswerContext, reviewer: Decider, answer: ReviewAnswer): Refusal | null {
  const closed = refuseClosedReview(ctx.status);
  if (closed) return closed;
  if (ctx.status === 'awaiting_approval') {
    return conflict('answer_pending', "An answer already awaits the steering committee's approval.");
  }
  if (!ctx.currentVersions) return conflict('not_ready', 'The review is still being prepared; try again in a moment.');
  const mayAnswer =
    reviewer.roles.some((role) => REVIEWER_ROLES.includes(role)) || (ctx.escalated && reviewer.roles.includes('steering_committee'));
  if (!mayAnswer) {
    const who = ctx.escalated
      ? 'the social-media lead, communications or, since it was escalated, the steering committee'
      : 'the social-media lead or communications';
    return forbidden('wrong_role', `This review is answered by ${who}; your roles (${reviewer.roles.join(', ')}) do not allow it.`);
  }
  if (answer.kind === 'no_change') {
    return isBlank(answer.reason) ? unprocessable('reason_required', 'Say why no change is needed.') : null;
  }
  if (answer.changes.length === 0) return unprocessable('no_changes', 'A proposal changes at least one document.');
  const documents = answer.changes.map((change) => change.document);
  const repeated = documents.find((document, index) => documents.indexOf(document) !== index);
  if (repeated) return unprocessable('duplicate_document', `${POLICY_DOCUMENT_TITLES[repeated]} appears more than once in the proposal.`);
  const blank = answer.changes.find((change) => isBlank(change.text) || isBlank(change.summary));
  if (blank)
    return unprocessable('text_required', `Give the new text of ${POLICY_DOCUMENT_TITLES[blank.document]} and a summary of its changes.`);
  if (isBlank(answer.rationale)) return unprocessable('rationale_required', 'Explain why the documents should change.');
  return refuseStaleBase(ctx.currentVersions, answer.changes);
}

export interface VerdictContext {
  status: PolicyReviewStatus;
  answer: SubmittedAnswer | null;
  currentVersions: CurrentVersions | null;
}

/** Why `approver` may not approve or send back the pending answer, or null when they may. */
export function refuseVerdict(ctx: VerdictContext, approver: Decider, approve: boolean, rationale: string): Refusal | null {
  const closed = refuseClosedReview(ctx.status);
  if (closed) return closed;
  if (ctx.status !== 'awaiting_approval' || !ctx.answer) {
    return conflict('not_awaiting_approval', 'This review has no answer awaiting approval.');
  }
  if (!approver.roles.some((role) => REVIEW_APPROVER_ROLES.includes(role))) {
    return forbidden('wrong_role', 'The steering committee approves or sends back the answer of a policy review.');
  }
  if (approver.sub === ctx.answer.author.sub)
    return forbidden('four_eyes', 'You gave this answer; another member of the steering committee must approve it.');
  if (approve && ctx.answer.answer.kind === 'proposal' && ctx.currentVersions) {
    const stale = staleBases(ctx.currentVersions, ctx.answer.answer.changes);
    if (stale.length > 0) {
      return conflict(
        'stale_base',
        `${describeStale(stale)}: another review revised it meanwhile; send this proposal back so the reviewers rebase it.`,
      );
    }
  }
  if (isBlank(rationale))
    return unprocessable('rationale_required', approve ? 'Say why you approve this answer.' : 'Tell the reviewers why you send it back.');
  return null;
}

// Positive lessons become examples of good practice in the guidance (the policy) and the training material.

export const EXAMPLES_HEADING = '## Examples of good practice';
export const EXAMPLE_DOCUMENTS: readonly PolicyDocumentId[] = ['social-media-policy', 'training-material'];

const CATEGORY_LABELS: Record<PositiveCategory, string> = {
  viral_content: 'Content that travelled far',
  customer_insight: 'A customer insight brought home',
  thought_leadership: 'Expertise shared in public',
  customer_service: 'A customer helped in public',
};

const GENERIC_EXAMPLES: Record<PositiveCategory, string> = {
  viral_content:
    'An employee shared a short video about their everyday work that reached a very wide audience. It was authentic, showed the work rather than marketing lines, and kept customers and colleagues out of the picture unless they had agreed to appear.',
  customer_insight:
    'In a public conversation, an employee noticed a need our customers kept mentioning and passed it on to the product team, who could act on it. They thanked the customers in public and took the details to a private channel.',
  thought_leadership:
    'An employee published an expert article about their field, clearly in their own name, without disclosing anything confidential, and answered the discussion it started with courtesy.',
  customer_service:
    'An employee answered a customer’s public complaint promptly and courteously, acknowledged the problem, and moved the conversation to a private channel to solve it.',
};

const exampleMarker = (caseId: string) => `<!-- example:${caseId} -->`;

/** The positive lessons whose example `text` does not hold yet. */
export function missingExamples(text: string, lessons: readonly Lesson[]): Lesson[] {
  return lessons.filter((lesson) => lesson.kind === 'positive' && !text.includes(exampleMarker(lesson.caseId)));
}

function exampleEntry(lesson: Lesson): string {
  const category = lesson.category as PositiveCategory;
  const title = CATEGORY_LABELS[category] ?? 'A positive example';
  const body =
    lesson.explanation?.trim() || GENERIC_EXAMPLES[category] || 'An employee’s activity on social media served the company well.';
  return `${exampleMarker(lesson.caseId)}\n### ${title}\n\n${body}`;
}

/**
 * Adds one anonymised example per positive lesson to the "Examples of good practice" section
 * (created at the end when missing). Idempotent: a lesson whose example is there is skipped.
 */
export function addPositiveExamples(text: string, lessons: readonly Lesson[]): string {
  const missing = missingExamples(text, lessons);
  if (missing.length === 0) return text;
  const entries = missing.map(exampleEntry).join('\n\n');
  const lines = text.replace(/\s+$/, '').split('\n');
  const heading = lines.findIndex((line) => line.trim() === EXAMPLES_HEADING);
  if (heading === -1) return `${lines.join('\n')}\n\n${EXAMPLES_HEADING}\n\n${entries}\n`;
  const next = lines.findIndex((line, index) => index > heading && /^#{1,2}\s/.test(line));
  const end = next === -1 ? lines.length : next;
  const before = lines.slice(0, end).join('\n').replace(/\s+$/, '');
  const after = lines.slice(end).join('\n');
  return `${before}\n\n${entries}\n${after ? `\n${after}\n` : ''}`;
}

export function examplesSummary(lessons: readonly Lesson[]): string {
  const labels = lessons.map((lesson) => CATEGORY_LABELS[lesson.category as PositiveCategory] ?? lesson.category);
  return `Added ${lessons.length === 1 ? 'an example' : `${lessons.length} examples`} of good practice (${labels.join('; ')}).`;
}
