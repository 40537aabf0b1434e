import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../src/api/app';
import { issueToken } from '../../src/api/auth/tokens';
import type { ApiContext } from '../../src/api/context';
import type { AccessSettings } from '../../src/domain/access';
import { type ContentSite, createContentSite } from '../../src/integrations/contentSite';
import { createMailer } from '../../src/integrations/mailer';
import { createSocialNetwork } from '../../src/integrations/socialNetwork';
import { type CampaignSettings, DEFAULT_CAMPAIGN_SETTINGS, DEFAULT_MAIL_FROM } from '../../src/domain/campaign';
import type { CaseTiming } from '../../src/domain/case';
import { DEFAULT_EXPLAINED_SANCTIONS } from '../../src/domain/explanation';
import { DEFAULT_ROUTING_RULES, type RoutingRules } from '../../src/domain/routing';
import type { Role } from '../../src/domain/vocabulary';
import { connectDatabase, type Database } from '../../src/platform/database';
import { createLogger } from '../../src/platform/logger';
import type { PageAssets } from '../../src/platform/webPage';
import { installTemporalLogging } from '../../src/platform/temporalLogging';
import { Runtime } from '@temporalio/worker';
import { type RunningWorker, startCaseWorker } from '../../src/worker/caseWorker';
import { testRun } from './testRun';

export const TEST_AUTH_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

const HOUR = 60 * 60 * 1000;

/** Long enough that no timer fires during a test unless the test shortens it. */
export const DEFAULT_TEST_TIMING: CaseTiming = {
  decisionReminderMs: HOUR,
  decisionDeadlineMs: 2 * HOUR,
  followUpReminderMs: HOUR,
  opportunityFollowUpMs: HOUR,
  publicationDelayMs: HOUR,
};

/** The real parts, wired as in production: worker on its own task queue, express app, Temporal client, database. */
export interface Stack {
  app: Express;
  http: ReturnType<typeof request>;
  db: Database;
  temporal: Client;
  taskQueue: string;
  worker: RunningWorker | null;
  context: ApiContext;
  tokenFor(sub: string, ...roles: Role[]): Promise<string>;
  /** A unique suffix for this stack's test data, so files running in parallel never collide. */
  unique(prefix: string): string;
  stop(): Promise<void>;
}

export interface StackOptions {
  caseTiming?: Partial<CaseTiming>;
  routing?: RoutingRules;
  /** Publish explanations as in production (reprimands and harsher, good practice). */
  explanations?: boolean;
  contentSite?: ContentSite;
  /** The enterprise social network's incoming webhook (a local receiver in tests); none by default. */
  socialWebhookUrl?: string;
  /** The SMTP server of campaign e-mails (a local one in tests); none by default (e-mails are skipped). */
  smtpUrl?: string;
  /** Campaign durations and batching for this stack's worker. */
  campaigns?: Partial<CampaignSettings>;
  /** false to run without an in-process worker (a test then runs its own, e.g. in a child process). */
  worker?: boolean;
  /** Need-to-know settings (default: direct reports only, no minimum publication delay). */
  access?: Partial<AccessSettings>;
  /** A database of the test's own, for tests that change global settings such as the sanction matrix. */
  databaseUrl?: string;
  /** The workspace page to serve at `/` (bundled by the test), and whether its local sign-in mints tokens. */
  page?: PageAssets;
  localSignIn?: boolean;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  // Once per process; one that started the dev server itself (the history recorder) already has its runtime.
  if (!Runtime._instance) installTemporalLogging(createLogger(process.env.LOG_LEVEL ?? 'warn'));
  const run = testRun();
  const taskQueue = `test-${randomUUID()}`;
  const db = connectDatabase(options.databaseUrl ?? run.databaseUrl, 5);
  const mailer = createMailer({ smtpUrl: options.smtpUrl, from: DEFAULT_MAIL_FROM, maxConnections: 3 });
  const worker =
    options.worker === false
      ? null
      : await startCaseWorker({
          address: run.temporalAddress,
          namespace: 'default',
          taskQueue,
          db,
          contentSite: options.contentSite ?? createContentSite({}),
          socialNetwork: createSocialNetwork({ webhookUrl: options.socialWebhookUrl }),
          mailer,
          campaigns: { ...DEFAULT_CAMPAIGN_SETTINGS, ...options.campaigns },
          workflowBundle: { codePath: run.workflowBundlePath },
        });
  const connection = await Connection.connect({ address: run.temporalAddress });
  const temporal = new Client({ connection, namespace: 'default' });
  const context: ApiContext = {
    db,
    temporal,
    taskQueue,
    caseSettings: {
      timing: { ...DEFAULT_TEST_TIMING, ...options.caseTiming },
      routing: options.routing ?? DEFAULT_ROUTING_RULES,
      // Tests of other steps leave step 5 out unless they ask for it.
      explainedSanctions: options.explanations ? [...DEFAULT_EXPLAINED_SANCTIONS] : [],
      explainGoodPractice: options.explanations ?? false,
    },
    authSecret: TEST_AUTH_SECRET,
    access: {
      indirectReports: options.access?.indirectReports ?? false,
      minPublicationDelayMs: options.access?.minPublicationDelayMs ?? 0,
    },
    logger: createLogger('silent'),
    page: options.page,
    localSignIn: options.localSignIn,
  };
  const app = createApp(context);
  const runId = randomUUID().slice(0, 8);
  return {
    app,
    http: request(app),
    db,
    temporal,
    taskQueue,
    worker,
    context,
    tokenFor: (sub, ...roles) => issueToken(TEST_AUTH_SECRET, { sub, name: sub, roles }),
    unique: (prefix) => `${prefix}-${runId}-${randomUUID().slice(0, 6)}`,
    async stop() {
      await worker?.stop();
      mailer.close();
      await connection.close();
      await db.$disconnect();
    },
  };
}
