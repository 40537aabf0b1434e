/**
 * Records the histories of representative workflows of every type into test/replay/histories/, for
 * the replay test. Run it when a workflow change is released on purpose, to add the paths it opens:
 * `npx tsx test/replay/recordHistories.ts [scenario...]` (all scenarios by default). Recordings are
 * never replaced: a scenario whose file exists is skipped, so histories of earlier code stay and go
 * on protecting the workflows in flight that took those paths.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import type { CaseTiming } from '../../src/domain/case';
import { caseReviewId, type PolicyReviewTiming } from '../../src/domain/policyReview';
import type { policyReviewWorkflow } from '../../src/workflows/policyReviewWorkflow';
import globalSetup from '../support/globalSetup';
import globalTeardown from '../support/globalTeardown';
import { openCase, post, sanction, waitForStatus } from '../support/cases';
import { createPolicyVersion, startCampaign } from '../support/campaigns';
import { eventually } from '../support/fixtures';
import {
  answerReview,
  closedCaseLesson,
  concludeWithoutChange,
  currentDocument,
  judgeReview,
  proposal,
  waitForReviewStatus,
} from '../support/policyReviews';
import { type Stack, type StackOptions, startStack } from '../support/stack';
import { runsOf } from '../support/workflowRuns';

const folder = path.join(__dirname, 'histories');
const fileOf = (name: string) => path.join(folder, `${name}.history.bin`);

/** Saves every run of a workflow (one file, or one per run, `-runN`, when it continued as new) once it is closed. */
async function save(stack: Stack, name: string, workflowId: string): Promise<void> {
  await stack.temporal.workflow.getHandle(workflowId).result();
  const runs = (await runsOf(stack, workflowId)).filter((run) => run.status !== 'TERMINATED'); // a run the recorder replaced
  for (const [index, run] of runs.entries()) {
    const history = await stack.temporal.workflow.getHandle(workflowId, run.runId).fetchHistory();
    const file = runs.length === 1 ? name : `${name}-run${index + 1}`;
    // Binary protobuf: the exact bytes the server sent, free of JSON-mapping differences between SDK versions.
    writeFileSync(fileOf(file), temporal.api.history.v1.History.encode(history).finish());
    console.log(`recorded ${file}`);
  }
}

const SHORT_REVIEW: PolicyReviewTiming = { reminderMs: 300, deadlineMs: 600 };

interface Scenario {
  /** The file it writes (or the first one, `<name>-run1`), and that tells it was recorded. */
  name: string;
  stack: StackOptions;
  run(stack: Stack): Promise<void>;
}

const scenarios: Scenario[] = [
  {
    // Harsh sanction: refused once, decided again, approved; explanation edited, approved, published.
    name: 'harsh-sanction-explained',
    stack: { explanations: true, caseTiming: { publicationDelayMs: 500 } },
    async run(stack) {
      const committee = await stack.tokenFor('committee-a', 'steering_committee');
      const hr = await stack.tokenFor('hr-b', 'hr');
      const comms = await stack.tokenFor('comms-c', 'communications');
      const harsh = await openCase(stack, { kind: 'inappropriate', category: 'harassment', severity: 'critical' });
      await post(stack, `/api/cases/${harsh.caseId}/decision`, committee, sanction('termination'));
      await post(stack, `/api/cases/${harsh.caseId}/approval`, hr, { approve: false, rationale: 'Too harsh.' });
      await waitForStatus(stack, harsh.caseId, 'awaiting_decision');
      await post(stack, `/api/cases/${harsh.caseId}/decision`, committee, sanction('suspension'));
      await post(stack, `/api/cases/${harsh.caseId}/approval`, hr, { approve: true, rationale: 'Proportionate.' });
      await waitForStatus(stack, harsh.caseId, 'explaining');
      await post(stack, `/api/cases/${harsh.caseId}/explanation/approve`, comms, {});
      await save(stack, 'harsh-sanction-explained', harsh.caseId);
    },
  },
  {
    // Positive: capitalised, good-practice example withdrawn, follow-up answered.
    name: 'positive-capitalised',
    stack: { explanations: true },
    async run(stack) {
      const comms = await stack.tokenFor('comms-c', 'communications');
      const lead = await stack.tokenFor('lead-d', 'social_media_lead');
      const positive = await openCase(stack, { kind: 'positive', category: 'customer_insight', severity: 'minor' });
      const plan = { amplify: true, shareInsightWith: 'product', reproduce: 'Public Q&A threads.' };
      await post(stack, `/api/cases/${positive.caseId}/decision`, lead, { outcome: 'capitalize', plan, rationale: 'Useful.' });
      await waitForStatus(stack, positive.caseId, 'explaining');
      await post(stack, `/api/cases/${positive.caseId}/explanation/withdraw`, comms, { reason: 'Not needed.' });
      await waitForStatus(stack, positive.caseId, 'following_up');
      await post(stack, `/api/cases/${positive.caseId}/follow-up`, lead, { reproduced: true, note: 'Twice.' });
      await save(stack, 'positive-capitalised', positive.caseId);
    },
  },
  {
    // External content, unexplained sanction: removal requested, reported removed.
    name: 'removal-requested',
    stack: { explanations: true },
    async run(stack) {
      const lead = await stack.tokenFor('lead-d', 'social_media_lead');
      const external = await openCase(stack, { kind: 'inappropriate', category: 'confidential_information_disclosure', severity: 'minor' });
      const request = { content: { action: 'request_removal', rationale: 'Names a client.' } };
      await post(stack, `/api/cases/${external.caseId}/decision`, lead, sanction('mandatory_training', request));
      await waitForStatus(stack, external.caseId, 'awaiting_removal');
      await post(stack, `/api/cases/${external.caseId}/content-status`, lead, { status: 'removed', note: 'Gone.' });
      await save(stack, 'removal-requested', external.caseId);
    },
  },
  {
    // Intake by Update-with-Start; an explained sanction whose removal request runs alongside the lesson
    // and settles after the publication; the review the lesson opened, approved, starts a campaign.
    name: 'case-removal-alongside-lesson',
    stack: { explanations: true, campaigns: { acknowledgeWithinMs: 3_000, reminderIntervalMs: 1_000, batchSize: 2, batchesPerRun: 2 } },
    async run(stack) {
      const lead = await stack.tokenFor('lead-e', 'social_media_lead');
      const chair = await stack.tokenFor('chair-f', 'steering_committee');
      const { caseId } = await openCase(stack, {
        kind: 'inappropriate',
        category: 'confidential_information_disclosure',
        severity: 'minor',
      });
      const request = { content: { action: 'request_removal', rationale: 'Names a client.' } };
      await post(stack, `/api/cases/${caseId}/decision`, lead, sanction('written_warning', request));
      await waitForStatus(stack, caseId, 'explaining');
      await post(stack, `/api/cases/${caseId}/content-status`, lead, { status: 'in_progress', note: 'Asked.' });
      await post(stack, `/api/cases/${caseId}/explanation/approve`, lead, { publishAt: new Date(Date.now() + 1_000).toISOString() });
      await waitForStatus(stack, caseId, 'awaiting_removal');
      await post(stack, `/api/cases/${caseId}/content-status`, lead, { status: 'removed', note: 'Gone.' });
      await save(stack, 'case-removal-alongside-lesson', caseId);

      const reviewId = caseReviewId(caseId);
      await waitForReviewStatus(stack, reviewId, 'awaiting_answer');
      const policy = await currentDocument(stack, 'social-media-policy');
      const revised = {
        document: 'social-media-policy' as const,
        baseVersion: policy.number,
        text: `${policy.text}\n10.1 Clients stay unnamed.\n`,
      };
      await answerReview(stack, reviewId, lead, proposal([revised]));
      await judgeReview(stack, reviewId, chair, false, 'Say it more plainly.');
      await answerReview(stack, reviewId, lead, proposal([revised]));
      await judgeReview(stack, reviewId, chair, true);
      await save(stack, 'policy-review-revised', reviewId);
      const version = await stack.db.policyVersion.findFirstOrThrow({ where: { reviewId, documentId: 'social-media-policy' } });
      await save(stack, 'campaign-started-by-review', `campaign-${version.id}`);
    },
  },
  {
    // A committee case nobody decides: it continues as new, then is dismissed.
    name: 'case-continued-as-new',
    stack: { caseTiming: { decisionReminderMs: 100, decisionDeadlineMs: 200, remindersPerRun: 2 } satisfies Partial<CaseTiming> },
    async run(stack) {
      const committee = await stack.tokenFor('committee-g', 'steering_committee');
      const { caseId } = await openCase(stack, { kind: 'inappropriate', category: 'harassment', severity: 'serious' });
      await eventually(
        async () => ((await stack.db.auditEvent.count({ where: { caseId, action: 'decision_reminder_sent' } })) >= 3 ? true : undefined),
        60_000,
      );
      await post(stack, `/api/cases/${caseId}/decision`, committee, { outcome: 'dismiss', rationale: 'Not significant after all.' });
      await save(stack, 'case-continued-as-new', caseId);
    },
  },
  {
    // A lesson nobody reviews: reminded, escalated, then approved.
    name: 'case-explanation-escalated',
    stack: { explanations: true, caseTiming: { followUpReminderMs: 150, publicationDelayMs: 300 } },
    async run(stack) {
      const lead = await stack.tokenFor('lead-h', 'social_media_lead');
      const { caseId } = await openCase(stack, { kind: 'inappropriate', category: 'customer_data_disclosure', severity: 'moderate' });
      await post(stack, `/api/cases/${caseId}/decision`, lead, sanction('written_warning'));
      await eventually(
        async () => ((await stack.db.auditEvent.count({ where: { caseId, action: 'explanation_escalated' } })) > 0 ? true : undefined),
        60_000,
      );
      await post(stack, `/api/cases/${caseId}/explanation/approve`, lead, {});
      await save(stack, 'case-explanation-escalated', caseId);
    },
  },
  {
    // A case review nobody answers: reminded, escalated, folded.
    name: 'policy-review-folded',
    stack: {},
    async run(stack) {
      const lesson = await closedCaseLesson(stack, 'inappropriate');
      const reviewId = caseReviewId(lesson.caseId);
      await waitForReviewStatus(stack, reviewId, 'awaiting_answer');
      await stack.temporal.workflow.getHandle(reviewId).terminate('replaced by the recorder with short durations');
      await stack.temporal.workflow.start<typeof policyReviewWorkflow>('policyReviewWorkflow', {
        workflowId: reviewId,
        taskQueue: stack.taskQueue,
        args: [{ trigger: 'case', lesson, timing: SHORT_REVIEW }],
      });
      await save(stack, 'policy-review-folded', reviewId);
    },
  },
  {
    // A periodic review of the lessons since the last one, answered "no change" and approved.
    name: 'policy-review-periodic',
    stack: {},
    async run(stack) {
      await closedCaseLesson(stack, 'positive');
      const reviewId = stack.unique('policy-review-periodic-recorded');
      await stack.temporal.workflow.start<typeof policyReviewWorkflow>('policyReviewWorkflow', {
        workflowId: reviewId,
        taskQueue: stack.taskQueue,
        args: [{ trigger: 'periodic', timing: { reminderMs: 3_600_000, deadlineMs: 7_200_000 } }],
      });
      await waitForReviewStatus(stack, reviewId, 'awaiting_answer');
      await concludeWithoutChange(stack, reviewId);
      await save(stack, 'policy-review-periodic', reviewId);
    },
  },
  {
    // A campaign started by hand, superseded by a newer version's campaign.
    name: 'campaign-superseded',
    stack: { campaigns: { acknowledgeWithinMs: 60_000, reminderIntervalMs: 30_000, batchSize: 2, batchesPerRun: 2 } },
    async run(stack) {
      const older = await startCampaign(stack, (await createPolicyVersion(stack.db, 90)).id);
      await eventually(() => stack.db.campaign.findUnique({ where: { id: older } }).then((row) => row ?? undefined));
      const newer = await startCampaign(stack, (await createPolicyVersion(stack.db, 91)).id, new Date(Date.now() + 3_000));
      await save(stack, 'campaign-superseded', older);
      await save(stack, 'campaign-superseding', newer);
    },
  },
  {
    // Retention: one run over the cases closed by the scenarios before, a batch of one case at a time.
    name: 'retention-run',
    stack: {},
    async run(stack) {
      const retention = await stack.temporal.workflow.start('retentionWorkflow', {
        taskQueue: stack.taskQueue,
        workflowId: `retention-${stack.unique('run')}`,
        args: [{ periods: { minor: 1, standard: 1, positive: 1, sanction: 1 }, batchSize: 1 }],
      });
      await save(stack, 'retention-run', retention.workflowId);
    },
  },
];

async function main() {
  const wanted = process.argv.slice(2);
  const recorded = (name: string) => existsSync(fileOf(name)) || existsSync(fileOf(`${name}-run1`));
  const chosen = scenarios.filter((s) => (wanted.length === 0 || wanted.includes(s.name)) && !recorded(s.name));
  if (chosen.length === 0) return console.log('nothing to record: every scenario has its recording');
  await globalSetup();
  try {
    for (const scenario of chosen) {
      const stack = await startStack(scenario.stack);
      try {
        await scenario.run(stack);
      } finally {
        await stack.stop();
      }
    }
  } finally {
    await globalTeardown();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
