import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../../src/activities';
import { createContentSite } from '../../src/integrations/contentSite';
import { createMailer } from '../../src/integrations/mailer';
import { createSocialNetwork } from '../../src/integrations/socialNetwork';
import { DEFAULT_CAMPAIGN_SETTINGS, DEFAULT_MAIL_FROM } from '../../src/domain/campaign';
import { campaignDatabase, createPolicyVersion, type DirectoryPerson, seedDirectory, waitForPhase } from '../support/campaigns';
import type { ScratchDatabase } from '../support/databases';
import { SmtpSink } from '../support/smtpServer';
import { type Stack, startStack } from '../support/stack';
import { testRun } from '../support/testRun';
import type { publishRevisions } from './campaignStarterWorkflows';

const HOUR = 3600_000;

describe('startAwarenessCampaign, called by the workflow that publishes a revision', () => {
  let database: ScratchDatabase;
  let stack: Stack;
  let sink: SmtpSink;
  let connection: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  let mailer: ReturnType<typeof createMailer>;
  let everyone: DirectoryPerson[];
  const taskQueue = `starter-${randomUUID()}`;

  beforeAll(async () => {
    database = await campaignDatabase('campaign_starter');
    sink = await new SmtpSink().start();
    stack = await startStack({ databaseUrl: database.url, worker: false });
    ({ everyone } = await seedDirectory(stack.db, { prefix: 'start', managers: 1, perManager: 3 }));
    mailer = createMailer({ smtpUrl: sink.url, from: DEFAULT_MAIL_FROM });
    connection = await NativeConnection.connect({ address: testRun().temporalAddress });
    worker = await Worker.create({
      connection,
      taskQueue,
      workflowsPath: require.resolve('./campaignStarterWorkflows'),
      activities: createActivities({
        db: stack.db,
        contentSite: createContentSite({}),
        socialNetwork: createSocialNetwork({}),
        mailer,
        campaigns: { ...DEFAULT_CAMPAIGN_SETTINGS, reminderIntervalMs: HOUR },
      }),
    });
    running = worker.run();
  }, 120_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await connection?.close();
    mailer?.close();
    await stack?.stop();
    await sink?.stop();
    await database?.drop();
  });

  it('starts one campaign per social-media policy version that outlives its parent, and none for other documents', async () => {
    const version = await createPolicyVersion(stack.db, 6, 'Revised by a review.');
    await stack.db.policyDocument.upsert({
      where: { id: 'training-material' },
      update: {},
      create: { id: 'training-material', title: 'Training material' },
    });
    const training = await stack.db.policyVersion.create({
      data: { documentId: 'training-material', number: 9, text: '...', changeSummary: 'x', author: 'a', effectiveAt: new Date() },
    });
    const revision = {
      documentId: version.documentId,
      policyVersionId: version.id,
      versionNumber: 6,
      changeSummary: 'Revised by a review.',
    };
    const other = { documentId: 'training-material', policyVersionId: training.id, versionNumber: 9, changeSummary: 'x' };

    // The same revision twice (a retried publication): one campaign.
    await stack.temporal.workflow.execute<typeof publishRevisions>('publishRevisions', {
      taskQueue,
      workflowId: `publish-${randomUUID()}`,
      args: [[revision, other, revision]],
    });

    const campaignId = `campaign-${version.id}`;
    const description = await stack.temporal.workflow.getHandle(campaignId).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.parentExecution?.workflowId).toMatch(/^publish-/);
    const state = await waitForPhase(stack, campaignId, ['reminding']);
    expect(state).toMatchObject({ versionNumber: 6, remindersSent: 0 });
    expect(sink.mails.map((mail) => mail.to[0]).sort()).toEqual(everyone.map((person) => person.email).sort());
    expect(await stack.db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).toMatchObject({
      requestedBy: 'policy-review',
      status: 'running',
    });

    await expect(stack.temporal.workflow.getHandle(`campaign-${training.id}`).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    expect(await stack.db.campaign.count()).toBe(1);
  });
});
