import { msToNumber } from '@temporalio/common/lib/time';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { type CampaignSettings, DEFAULT_CAMPAIGN_SETTINGS, DEFAULT_MAIL_FROM } from '../domain/campaign';
import type { CaseSettings } from '../domain/case';
import { DEFAULT_EXPLAINED_SANCTIONS } from '../domain/explanation';
import type { PolicyReviewTiming } from '../domain/policyReview';
import { DEFAULT_REVIEW_SCHEDULE, parseReviewCadence, type ReviewCadence } from '../domain/policySchedule';
import { DEFAULT_ROUTING_RULES } from '../domain/routing';
import { SANCTIONS } from '../domain/vocabulary';
import type { AccessSettings } from '../domain/access';
import { DEFAULT_RETENTION, RETENTION_CLASSES, type RetentionPeriods } from '../domain/retention';
import type { RetentionRun } from '../workflows/retentionWorkflow';
import { routingRulesSchema } from '../domain/schemas/routing';

/** Thrown when the environment does not describe a runnable service; its message is one line naming the variable. */
export class ConfigError extends Error {}

const toMs = (value: string) => msToNumber(value as Parameters<typeof msToNumber>[0]);

/** Cases pseudonymised by one retention activity. */
const RETENTION_BATCH_SIZE = 200;

const duration = z.string().refine(
  (value) => {
    try {
      return toMs(value) > 0;
    } catch {
      return false;
    }
  },
  { message: 'must be a positive duration such as "90s", "4h" or "3 days"' },
);

const retentionPeriodsSchema = z.partialRecord(z.enum(RETENTION_CLASSES), duration);

const temporalSchema = z.object({
  TEMPORAL_ADDRESS: z.string().min(1).default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('case-governance'),
});

const databaseSchema = z.object({
  DATABASE_URL: z
    .string({ message: 'is required (a postgresql:// connection string)' })
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection string'),
});

const loggingSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

const caseSettingsSchema = z.object({
  CASE_DECISION_REMINDER: duration.default('2 days'),
  CASE_DECISION_DEADLINE: duration.default('3 days'),
  CASE_FOLLOW_UP_REMINDER: duration.default('7 days'),
  OPPORTUNITY_FOLLOW_UP: duration.default('30 days'),
  EXPLANATION_PUBLICATION_DELAY: duration.default('7 days'),
  EXPLAIN_GOOD_PRACTICE: z.enum(['true', 'false'], { message: 'must be true or false' }).default('true'),
  EXPLAINED_SANCTIONS: z
    .string()
    .default(DEFAULT_EXPLAINED_SANCTIONS.join(','))
    .transform((text) =>
      text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(SANCTIONS, { message: `must list sanctions among ${SANCTIONS.join(', ')}, separated by commas` }))),
  CASE_ROUTING: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text.trim() === '') return DEFAULT_ROUTING_RULES;
      try {
        const parsed = routingRulesSchema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
        ctx.addIssue({
          code: 'custom',
          message: `must be routing rules JSON: ${parsed.error.issues[0].message} at ${parsed.error.issues[0].path.join('.')}`,
        });
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON' });
      }
      return z.NEVER;
    }),
});

const apiSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  AUTH_SECRET: z
    .string({ message: 'is required (at least 32 characters, used to verify HS256 tokens)' })
    .min(32, 'must be at least 32 characters'),
});

const integrationsSchema = z.object({
  CONTENT_SITE_URL: z.url({ message: 'must be the http(s) base URL of the content-site adapter' }).optional(),
  CONTENT_SITE_TOKEN: z.string().min(1).optional(),
  SOCIAL_WEBHOOK_URL: z.url({ message: 'must be the http(s) URL of the enterprise social network incoming webhook' }).optional(),
});

/** When a Schedule runs: a cron expression or an interval. */
const cadence = (defaultText: string) =>
  z
    .string()
    .default(defaultText)
    .transform((text, ctx): ReviewCadence => {
      const readDuration = (value: string) => {
        try {
          return toMs(value);
        } catch {
          return null;
        }
      };
      const parsed = parseReviewCadence(text, readDuration);
      if ('problem' in parsed) {
        ctx.addIssue({ code: 'custom', message: parsed.problem });
        return z.NEVER;
      }
      return parsed;
    });

/** The periodic policy review's schedule, and how long reviewers have (pinned into each review when it opens). */
const policyReviewSchema = z.object({
  POLICY_REVIEW_SCHEDULE: cadence(DEFAULT_REVIEW_SCHEDULE),
  POLICY_REVIEW_REMINDER: duration.default('7 days'),
  POLICY_REVIEW_DEADLINE: duration.default('14 days'),
});

/** Awareness campaigns (step 7): their e-mail (SMTP) and durations, pinned into each campaign when it opens. */
const campaignSchema = z.object({
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, 'must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.com:587')
    .optional(),
  MAIL_FROM: z.string().trim().min(3).default(DEFAULT_MAIL_FROM),
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(5),
  CAMPAIGN_DEADLINE: duration.default('14 days'),
  CAMPAIGN_REMINDER_INTERVAL: duration.default('4 days'),
  CAMPAIGN_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_CAMPAIGN_SETTINGS.batchSize),
  CAMPAIGN_ACKNOWLEDGE_URL: z
    .string()
    .regex(/^https?:\/\//, 'must be an http(s) URL; {campaignId} in it is replaced by the campaign id')
    .default(DEFAULT_CAMPAIGN_SETTINGS.acknowledgeUrl),
});

/** The retention run: when, and how long each kind of closed case keeps its personal data. */
const retentionSchema = z.object({
  RETENTION_SCHEDULE: cadence('0 3 * * *'),
  RETENTION_PERIODS: z
    .string()
    .optional()
    .transform((text, ctx): RetentionPeriods => {
      if (text === undefined || text.trim() === '') return DEFAULT_RETENTION;
      const parsed = retentionPeriodsSchema.safeParse(
        (() => {
          try {
            return JSON.parse(text);
          } catch {
            return undefined;
          }
        })(),
      );
      if (!parsed.success) {
        ctx.addIssue({
          code: 'custom',
          message: `must be JSON such as {"minor": "1 year", "sanction": "5 years"} with keys among ${RETENTION_CLASSES.join(', ')} and positive durations`,
        });
        return z.NEVER;
      }
      return { ...DEFAULT_RETENTION, ...Object.fromEntries(Object.entries(parsed.data).map(([key, value]) => [key, toMs(value!)])) };
    }),
});

/** Need-to-know settings of the API. */
const accessSchema = z.object({
  ACCESS_INDIRECT_REPORTS: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false'),
  EXPLANATION_MIN_PUBLICATION_DELAY: duration.default('2 days'),
});

/** The workflow code the worker runs: a bundle built by `npm run build`, or src/workflows bundled at start. */
const workflowCodeSchema = z.object({
  WORKFLOW_BUNDLE: z
    .string()
    .min(1)
    .refine((file) => existsSync(file), { message: 'must be the path of a workflow bundle (npm run build writes dist/workflow-bundle.js)' })
    .optional(),
});

/** Where the worker's Temporal SDK metrics are served for Prometheus. */
const observabilitySchema = z.object({
  WORKER_METRICS_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port, such as 0.0.0.0:9464')
    .optional(),
});

const workerSchema = temporalSchema
  .extend(databaseSchema.shape)
  .extend(loggingSchema.shape)
  .extend(integrationsSchema.shape)
  .extend(policyReviewSchema.shape)
  .extend(campaignSchema.shape)
  .extend(retentionSchema.shape)
  .extend(workflowCodeSchema.shape)
  .extend(observabilitySchema.shape);

const policyReminderBeforeDeadline = (config: { POLICY_REVIEW_REMINDER: string; POLICY_REVIEW_DEADLINE: string }) => {
  try {
    return toMs(config.POLICY_REVIEW_REMINDER) < toMs(config.POLICY_REVIEW_DEADLINE);
  } catch {
    return true;
  }
};
const policyReminderRule = { message: 'must be shorter than POLICY_REVIEW_DEADLINE', path: ['POLICY_REVIEW_REMINDER'] };
const workerConfigSchema = workerSchema.refine(policyReminderBeforeDeadline, policyReminderRule);

const reminderBeforeDeadline = (config: { CASE_DECISION_REMINDER: string; CASE_DECISION_DEADLINE: string }) => {
  try {
    return toMs(config.CASE_DECISION_REMINDER) < toMs(config.CASE_DECISION_DEADLINE);
  } catch {
    return true; // an unreadable duration is already reported on its own variable
  }
};
const reminderRule = { message: 'must be shorter than CASE_DECISION_DEADLINE', path: ['CASE_DECISION_REMINDER'] };

const minimumDelayRespected = (config: { EXPLANATION_PUBLICATION_DELAY: string; EXPLANATION_MIN_PUBLICATION_DELAY: string }) => {
  try {
    return toMs(config.EXPLANATION_MIN_PUBLICATION_DELAY) <= toMs(config.EXPLANATION_PUBLICATION_DELAY);
  } catch {
    return true;
  }
};
const minimumDelayRule = { message: 'must not be longer than EXPLANATION_PUBLICATION_DELAY', path: ['EXPLANATION_MIN_PUBLICATION_DELAY'] };

const apiConfigSchema = temporalSchema
  .extend(databaseSchema.shape)
  .extend(loggingSchema.shape)
  .extend(apiSchema.shape)
  .extend(caseSettingsSchema.shape)
  .extend(accessSchema.shape)
  .refine(reminderBeforeDeadline, reminderRule)
  .refine(minimumDelayRespected, minimumDelayRule);

const localSchema = z.object({
  DATA_DIR: z.string().min(1).default('.data'),
  TEMPORAL_PORT: z.coerce.number().int().min(1).max(65535).default(7233),
  TEMPORAL_UI_PORT: z.coerce.number().int().min(1).max(65535).default(8233),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(5433),
  TEMPORAL_CLI_PATH: z.string().min(1).optional(),
});

const localConfigSchema = temporalSchema
  .extend({ TEMPORAL_ADDRESS: z.string().min(1).optional() })
  .extend({ DATABASE_URL: databaseSchema.shape.DATABASE_URL.optional() })
  .extend(loggingSchema.shape)
  .extend({ PORT: apiSchema.shape.PORT, AUTH_SECRET: apiSchema.shape.AUTH_SECRET.optional() })
  .extend(caseSettingsSchema.shape)
  .extend(integrationsSchema.shape)
  .extend(policyReviewSchema.shape)
  .extend(campaignSchema.shape)
  .extend(retentionSchema.shape)
  .extend(accessSchema.shape)
  .extend(workflowCodeSchema.shape)
  .extend(observabilitySchema.shape)
  .extend(localSchema.shape)
  .refine(reminderBeforeDeadline, reminderRule)
  .refine(policyReminderBeforeDeadline, policyReminderRule)
  .refine(minimumDelayRespected, minimumDelayRule);

export type WorkerConfig = z.infer<typeof workerConfigSchema>;
export type ApiConfig = z.infer<typeof apiConfigSchema>;
export type LocalConfig = z.infer<typeof localConfigSchema>;

function parse<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  // An empty variable (`FOO=`, or compose's `${FOO:-}`) means unset.
  const result = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}

export const loadWorkerConfig = (env: NodeJS.ProcessEnv = process.env): WorkerConfig => parse(workerConfigSchema, env);
export const loadApiConfig = (env: NodeJS.ProcessEnv = process.env): ApiConfig => parse(apiConfigSchema, env);
export const loadLocalConfig = (env: NodeJS.ProcessEnv = process.env): LocalConfig => parse(localConfigSchema, env);

/** Every variable the production entry points read, for the deployment files' tests and the README. */
export const REQUIRED_DEPLOYMENT_VARIABLES = ['DATABASE_URL', 'AUTH_SECRET', 'TEMPORAL_ADDRESS'] as const;
export const DEPLOYMENT_VARIABLES = [
  ...new Set([
    ...Object.keys(workerSchema.shape),
    ...Object.keys(apiSchema.shape),
    ...Object.keys(caseSettingsSchema.shape),
    ...Object.keys(accessSchema.shape),
  ]),
];

/** The durations and routing a new case is opened with (pinned into its workflow input). */
export function caseSettingsFrom(config: z.infer<typeof caseSettingsSchema>): CaseSettings {
  return {
    timing: {
      decisionReminderMs: toMs(config.CASE_DECISION_REMINDER),
      decisionDeadlineMs: toMs(config.CASE_DECISION_DEADLINE),
      followUpReminderMs: toMs(config.CASE_FOLLOW_UP_REMINDER),
      opportunityFollowUpMs: toMs(config.OPPORTUNITY_FOLLOW_UP),
      publicationDelayMs: toMs(config.EXPLANATION_PUBLICATION_DELAY),
    },
    routing: config.CASE_ROUTING,
    explainedSanctions: config.EXPLAINED_SANCTIONS,
    explainGoodPractice: config.EXPLAIN_GOOD_PRACTICE === 'true',
  };
}

/** The periodic review's cadence and the durations of policy reviews, from configuration. */
export function policyReviewSettingsFrom(config: z.infer<typeof policyReviewSchema>): {
  cadence: ReviewCadence;
  timing: PolicyReviewTiming;
} {
  return {
    cadence: config.POLICY_REVIEW_SCHEDULE,
    timing: { reminderMs: toMs(config.POLICY_REVIEW_REMINDER), deadlineMs: toMs(config.POLICY_REVIEW_DEADLINE) },
  };
}

/** Need-to-know settings, from configuration. */
export function accessSettingsFrom(config: z.infer<typeof accessSchema>): AccessSettings {
  return {
    indirectReports: config.ACCESS_INDIRECT_REPORTS === 'true',
    minPublicationDelayMs: toMs(config.EXPLANATION_MIN_PUBLICATION_DELAY),
  };
}

/** The retention Schedule's cadence and each run's periods, from configuration. */
export function retentionSettingsFrom(config: z.infer<typeof retentionSchema>): { cadence: ReviewCadence; run: RetentionRun } {
  return { cadence: config.RETENTION_SCHEDULE, run: { periods: config.RETENTION_PERIODS, batchSize: RETENTION_BATCH_SIZE } };
}

/** How campaigns run, from configuration. */
export function campaignSettingsFrom(config: z.infer<typeof campaignSchema>): CampaignSettings {
  return {
    ...DEFAULT_CAMPAIGN_SETTINGS,
    acknowledgeWithinMs: toMs(config.CAMPAIGN_DEADLINE),
    reminderIntervalMs: toMs(config.CAMPAIGN_REMINDER_INTERVAL),
    batchSize: config.CAMPAIGN_BATCH_SIZE,
    acknowledgeUrl: config.CAMPAIGN_ACKNOWLEDGE_URL,
  };
}

/** The campaign mailer's settings, from configuration (no SMTP_URL: no e-mail). */
export function mailerConfigFrom(config: z.infer<typeof campaignSchema>): { smtpUrl?: string; from: string; maxConnections: number } {
  return { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, maxConnections: config.SMTP_MAX_CONNECTIONS };
}
