import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { ContentSite } from '../integrations/contentSite';
import type { Mailer } from '../integrations/mailer';
import type { SocialNetwork } from '../integrations/socialNetwork';
import type { CampaignSettings } from '../domain/campaign';
import type { PolicyReviewTiming } from '../domain/policyReview';
import type { Database } from './database';

export interface CaseWorkerOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  db: Database;
  contentSite: ContentSite;
  socialNetwork: SocialNetwork;
  /** Durations of policy reviews opened without their own (from configuration). */
  policyReviewTiming?: PolicyReviewTiming;
  /** Campaign e-mail and durations (from configuration); without them, campaign e-mails are skipped. */
  mailer?: Mailer;
  campaigns?: CampaignSettings;
  /** A pre-built workflow bundle (tests build one per run); otherwise the worker bundles `src/workflows`. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

export interface RunningWorker {
  worker: Worker;
  /** Settles when the worker has drained and stopped. */
  finished: Promise<void>;
  stop(): Promise<void>;
}

export async function startCaseWorker(options: CaseWorkerOptions): Promise<RunningWorker> {
  const connection = await NativeConnection.connect({ address: options.address });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: createActivities({
      db: options.db,
      contentSite: options.contentSite,
      socialNetwork: options.socialNetwork,
      policyReviewTiming: options.policyReviewTiming,
      mailer: options.mailer,
      campaigns: options.campaigns,
    }),
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: require.resolve('../workflows') }),
  });
  const finished = worker.run().finally(() => connection.close());
  return {
    worker,
    finished,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await finished;
    },
  };
}
