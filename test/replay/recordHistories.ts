/**
 * Records the histories of representative cases into test/replay/histories/, for the replay test.
 * Run it when a workflow change is released on purpose: `npx tsx test/replay/recordHistories.ts`.
 * Cases in flight are protected by keeping the old recordings and replaying them too.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import globalSetup from '../support/globalSetup';
import globalTeardown from '../support/globalTeardown';
import { openCase, post, sanction, waitForStatus } from '../support/cases';
import { startStack } from '../support/stack';

async function main() {
  await globalSetup();
  const stack = await startStack({ explanations: true, caseTiming: { publicationDelayMs: 500 } });
  const save = async (name: string, caseId: string) => {
    await stack.temporal.workflow.getHandle(caseId).result();
    const history = await stack.temporal.workflow.getHandle(caseId).fetchHistory();
    // Binary protobuf: the exact bytes the server sent, free of JSON-mapping differences between SDK versions.
    writeFileSync(path.join(__dirname, 'histories', `${name}.history.bin`), temporal.api.history.v1.History.encode(history).finish());
    console.log(`recorded ${name}`);
  };
  try {
    const committee = await stack.tokenFor('committee-a', 'steering_committee');
    const hr = await stack.tokenFor('hr-b', 'hr');
    const comms = await stack.tokenFor('comms-c', 'communications');

    // Harsh sanction: refused once, decided again, approved; explanation edited, approved, published.
    const harsh = await openCase(stack, { kind: 'inappropriate', category: 'harassment', severity: 'critical' });
    await post(stack, `/api/cases/${harsh.caseId}/decision`, committee, sanction('termination'));
    await post(stack, `/api/cases/${harsh.caseId}/approval`, hr, { approve: false, rationale: 'Too harsh.' });
    await waitForStatus(stack, harsh.caseId, 'awaiting_decision');
    await post(stack, `/api/cases/${harsh.caseId}/decision`, committee, sanction('suspension'));
    await post(stack, `/api/cases/${harsh.caseId}/approval`, hr, { approve: true, rationale: 'Proportionate.' });
    await waitForStatus(stack, harsh.caseId, 'explaining');
    await post(stack, `/api/cases/${harsh.caseId}/explanation/approve`, comms, {});
    await save('harsh-sanction-explained', harsh.caseId);

    // Positive: capitalised, good-practice example withdrawn, follow-up answered.
    const positive = await openCase(stack, { kind: 'positive', category: 'customer_insight', severity: 'minor' });
    const lead = await stack.tokenFor('lead-d', 'social_media_lead');
    const plan = { amplify: true, shareInsightWith: 'product', reproduce: 'Public Q&A threads.' };
    await post(stack, `/api/cases/${positive.caseId}/decision`, lead, { outcome: 'capitalize', plan, rationale: 'Useful.' });
    await waitForStatus(stack, positive.caseId, 'explaining');
    await post(stack, `/api/cases/${positive.caseId}/explanation/withdraw`, comms, { reason: 'Not needed.' });
    await waitForStatus(stack, positive.caseId, 'following_up');
    await post(stack, `/api/cases/${positive.caseId}/follow-up`, lead, { reproduced: true, note: 'Twice.' });
    await save('positive-capitalised', positive.caseId);

    // External content: removal requested, reported removed; a written warning left unexplained by a dismissal elsewhere.
    const external = await openCase(stack, { kind: 'inappropriate', category: 'confidential_information_disclosure', severity: 'minor' });
    await post(
      stack,
      `/api/cases/${external.caseId}/decision`,
      lead,
      sanction('mandatory_training', { content: { action: 'request_removal', rationale: 'Names a client.' } }),
    );
    await waitForStatus(stack, external.caseId, 'awaiting_removal');
    await post(stack, `/api/cases/${external.caseId}/content-status`, lead, { status: 'removed', note: 'Gone.' });
    await save('removal-requested', external.caseId);

    // Retention: one run over the cases closed above, a batch of one case at a time.
    const retention = await stack.temporal.workflow.start('retentionWorkflow', {
      taskQueue: stack.taskQueue,
      workflowId: `retention-${stack.unique('run')}`,
      args: [{ periods: { minor: 1, standard: 1, positive: 1, sanction: 1 }, batchSize: 1 }],
    });
    await save('retention-run', retention.workflowId);
  } finally {
    await stack.stop();
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
