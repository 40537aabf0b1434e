import type { Response } from 'supertest';
import {
  caseReviewId,
  type Lesson,
  type PolicyDocumentId,
  type PolicyReviewState,
  type PolicyReviewTiming,
} from '../../src/domain/policyReview';
import { routeCase } from '../../src/domain/routing';
import { DEFAULT_SANCTION_MATRIX } from '../../src/domain/sanctionMatrix';
import type { ActivityCategory, InappropriateCategory, Severity } from '../../src/domain/vocabulary';
import { applyMigrations } from '../../src/platform/migrations';
import type { PolicyReviewOutcome, policyReviewWorkflow } from '../../src/workflows/policyReviewWorkflow';
import { policyReviewStateQuery } from '../../src/workflows/policyReviewMessages';
import { openCase, post, sanction, waitForStatus } from './cases';
import { createScratchDatabase } from './databases';
import { eventually } from './fixtures';
import { type Stack, type StackOptions, startStack } from './stack';
import { testRun } from './testRun';

const HOUR = 60 * 60 * 1000;

/** Long enough that no reminder fires during a test unless the test shortens it. */
export const SLOW_REVIEW_TIMING: PolicyReviewTiming = { reminderMs: HOUR, deadlineMs: 2 * HOUR };

/**
 * A stack on a database of its own: policy documents are global (a published version is the
 * current one for every review), so tests that publish must not share them with other files.
 */
export async function startIsolatedStack(label: string, options: StackOptions = {}): Promise<Stack> {
  const database = await createScratchDatabase(testRun().databaseServer, label);
  await applyMigrations(database.url);
  const stack = await startStack({ ...options, databaseUrl: database.url });
  return {
    ...stack,
    async stop() {
      await stack.stop();
      await database.drop();
    },
  };
}

/**
 * Opens a case through the API and decides it so that it closes with a sanction (inappropriate: the
 * mildest the matrix allows, by the routed role) or a capitalisation (positive, follow-up reported
 * at once); returns the lesson its review carries. Run it on a stack without explanations (the default).
 */
export async function closedCaseLesson(
  stack: Stack,
  kind: 'inappropriate' | 'positive',
  assessment: { category?: ActivityCategory; severity?: Severity } = {},
): Promise<Lesson> {
  if (kind === 'inappropriate') {
    const category = (assessment.category ?? 'error_of_judgement') as InappropriateCategory;
    const severity = assessment.severity ?? 'moderate';
    const { caseId, managerId } = await openCase(stack, { kind, category, severity });
    // The mildest proportionate sanction, decided by the role the case is routed to.
    const chosen = DEFAULT_SANCTION_MATRIX.rules[category][severity].min;
    const role = routeCase({ kind, category, severity });
    const decider = role === 'manager' ? await stack.tokenFor(managerId!, 'manager') : await stack.tokenFor(`decider-${role}`, role);
    const decided = await post(stack, `/api/cases/${caseId}/decision`, decider, sanction(chosen));
    if (decided.status !== 200) throw new Error(`deciding ${caseId} failed: ${decided.status} ${JSON.stringify(decided.body)}`);
    await stack.temporal.workflow.getHandle(caseId).result();
    return {
      caseId,
      kind,
      category,
      severity,
      decision: { outcome: 'sanction', sanction: chosen, rationale: 'The post disclosed what it should not have.' },
      clause: null,
      explanation: null,
    };
  }
  const category = assessment.category ?? 'customer_insight';
  const severity = assessment.severity ?? 'moderate';
  const { caseId } = await openCase(stack, { kind, category, severity });
  const plan = { amplify: false, shareInsightWith: 'product', reproduce: 'Answer customer questions in public threads.' };
  const rationale = 'Customers loved it.';
  const lead = await stack.tokenFor('lead-closing-cases', 'social_media_lead');
  const decided = await post(stack, `/api/cases/${caseId}/decision`, lead, { outcome: 'capitalize', plan, rationale });
  if (decided.status !== 200) throw new Error(`deciding ${caseId} failed: ${decided.status} ${JSON.stringify(decided.body)}`);
  await waitForStatus(stack, caseId, 'following_up');
  await post(stack, `/api/cases/${caseId}/follow-up`, lead, { reproduced: true, note: 'It worked again.' });
  await stack.temporal.workflow.getHandle(caseId).result();
  return {
    caseId,
    kind,
    category,
    severity,
    decision: { outcome: 'capitalize', sanction: null, rationale },
    clause: null,
    explanation: null,
  };
}

/**
 * The review of a closed case, with the test's durations. The case opened its review itself with the
 * worker's durations; that one is replaced (same workflow id) so a test controls reminders and deadlines.
 */
export async function startCaseReview(stack: Stack, lesson: Lesson, timing: PolicyReviewTiming = SLOW_REVIEW_TIMING): Promise<string> {
  const workflowId = caseReviewId(lesson.caseId);
  const opened = await eventually(
    () =>
      stack.temporal.workflow
        .getHandle(workflowId)
        .describe()
        .catch(() => undefined),
    15_000,
    `the review ${workflowId} the case opened`,
  );
  expect(opened.parentExecution?.workflowId).toBe(lesson.caseId);
  await stack.temporal.workflow.getHandle(workflowId).terminate('replaced by the test with its own durations');
  await stack.temporal.workflow.start<typeof policyReviewWorkflow>('policyReviewWorkflow', {
    workflowId,
    taskQueue: stack.taskQueue,
    args: [{ trigger: 'case', lesson, timing }],
  });
  await waitForReviewStatus(stack, workflowId, 'awaiting_answer');
  return workflowId;
}

/** The lessons a review reviews, as on record (the workflow holds only their case ids). */
export async function reviewLessons(stack: Stack, reviewId: string): Promise<Lesson[]> {
  const token = await stack.tokenFor('lessons-reader', 'steering_committee');
  const view = await stack.http.get(`/api/policy-reviews/${reviewId}`).set('Authorization', `Bearer ${token}`);
  if (view.status !== 200) throw new Error(`reading ${reviewId} failed: ${view.status} ${JSON.stringify(view.body)}`);
  return view.body.lessons as Lesson[];
}

export function reviewState(stack: Stack, reviewId: string): Promise<PolicyReviewState> {
  return stack.temporal.workflow.getHandle(reviewId).query(policyReviewStateQuery);
}

export function waitForReviewStatus(
  stack: Stack,
  reviewId: string,
  status: PolicyReviewState['status'],
  timeoutMs = 20_000,
): Promise<PolicyReviewState> {
  return eventually(
    async () => {
      try {
        const state = await reviewState(stack, reviewId);
        return state.status === status ? state : undefined;
      } catch {
        return undefined; // not started yet
      }
    },
    timeoutMs,
    `review ${reviewId} to be ${status}`,
  );
}

/** The current text and version number of a document, from the database. */
export async function currentDocument(stack: Stack, document: PolicyDocumentId): Promise<{ number: number; text: string }> {
  return stack.db.policyVersion.findFirstOrThrow({
    where: { documentId: document },
    orderBy: { number: 'desc' },
    select: { number: true, text: true },
  });
}

export function proposal(
  changes: { document: PolicyDocumentId; baseVersion: number; text: string; summary?: string }[],
  rationale = 'The case shows a gap in the text.',
) {
  return { kind: 'proposal', rationale, changes: changes.map((change) => ({ summary: `Clarified ${change.document}.`, ...change })) };
}

export const answerReview = (stack: Stack, reviewId: string, token: string, body: object): Promise<Response> =>
  post(stack, `/api/policy-reviews/${reviewId}/answer`, token, body);

export const judgeReview = (
  stack: Stack,
  reviewId: string,
  token: string,
  approve: boolean,
  rationale = approve ? 'Clear and proportionate.' : 'Say it more plainly.',
): Promise<Response> => post(stack, `/api/policy-reviews/${reviewId}/approval`, token, { approve, rationale });

/** Answers "no change needed" as the social-media lead, approves it as the committee, and waits for the review's outcome. */
export async function concludeWithoutChange(stack: Stack, reviewId: string): Promise<PolicyReviewOutcome> {
  const lead = await stack.tokenFor('concluding-lead', 'social_media_lead');
  const chair = await stack.tokenFor('concluding-chair', 'steering_committee');
  const answered = await answerReview(stack, reviewId, lead, { kind: 'no_change', reason: 'The documents are complete and current.' });
  if (answered.status !== 200) throw new Error(`answering ${reviewId} failed: ${answered.status} ${JSON.stringify(answered.body)}`);
  const judged = await judgeReview(stack, reviewId, chair, true);
  if (judged.status !== 200) throw new Error(`approving ${reviewId} failed: ${judged.status} ${JSON.stringify(judged.body)}`);
  return stack.temporal.workflow.getHandle(reviewId).result();
}
