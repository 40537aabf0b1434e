import { msToNumber } from '@temporalio/common/lib/time';
import { z } from 'zod';
import type { CaseSettings } from '../domain/case';
import { DEFAULT_ROUTING_RULES } from '../domain/routing';
import { routingRulesSchema } from '../domain/schemas/routing';

/** Thrown when the environment does not describe a runnable service; its message is one line naming the variable. */
export class ConfigError extends Error {}

const toMs = (value: string) => msToNumber(value as Parameters<typeof msToNumber>[0]);

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
  CASE_ROUTING: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text.trim() === '') return DEFAULT_ROUTING_RULES;
      try {
        const parsed = routingRulesSchema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
        ctx.addIssue({ code: 'custom', message: `must be routing rules JSON: ${parsed.error.issues[0].message} at ${parsed.error.issues[0].path.join('.')}` });
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

const contentSiteSchema = z.object({
  CONTENT_SITE_URL: z.url({ message: 'must be the http(s) base URL of the content-site adapter' }).optional(),
  CONTENT_SITE_TOKEN: z.string().min(1).optional(),
});

const workerSchema = temporalSchema.extend(databaseSchema.shape).extend(loggingSchema.shape).extend(contentSiteSchema.shape);

const reminderBeforeDeadline = (config: { CASE_DECISION_REMINDER: string; CASE_DECISION_DEADLINE: string }) => {
  try {
    return toMs(config.CASE_DECISION_REMINDER) < toMs(config.CASE_DECISION_DEADLINE);
  } catch {
    return true; // an unreadable duration is already reported on its own variable
  }
};
const reminderRule = { message: 'must be shorter than CASE_DECISION_DEADLINE', path: ['CASE_DECISION_REMINDER'] };

const apiConfigSchema = temporalSchema
  .extend(databaseSchema.shape)
  .extend(loggingSchema.shape)
  .extend(apiSchema.shape)
  .extend(caseSettingsSchema.shape)
  .refine(reminderBeforeDeadline, reminderRule);

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
  .extend(contentSiteSchema.shape)
  .extend(localSchema.shape)
  .refine(reminderBeforeDeadline, reminderRule);

export type WorkerConfig = z.infer<typeof workerSchema>;
export type ApiConfig = z.infer<typeof apiConfigSchema>;
export type LocalConfig = z.infer<typeof localConfigSchema>;

function parse<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  // An empty variable (`FOO=`, or compose's `${FOO:-}`) means unset.
  const result = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}

export const loadWorkerConfig = (env: NodeJS.ProcessEnv = process.env): WorkerConfig => parse(workerSchema, env);
export const loadApiConfig = (env: NodeJS.ProcessEnv = process.env): ApiConfig => parse(apiConfigSchema, env);
export const loadLocalConfig = (env: NodeJS.ProcessEnv = process.env): LocalConfig => parse(localConfigSchema, env);

/** Every variable the production entry points read, for the deployment files' tests and the README. */
export const REQUIRED_DEPLOYMENT_VARIABLES = ['DATABASE_URL', 'AUTH_SECRET', 'TEMPORAL_ADDRESS'] as const;
export const DEPLOYMENT_VARIABLES = [
  ...new Set([...Object.keys(workerSchema.shape), ...Object.keys(apiSchema.shape), ...Object.keys(caseSettingsSchema.shape)]),
];

/** The durations and routing a new case is opened with (pinned into its workflow input). */
export function caseSettingsFrom(config: z.infer<typeof caseSettingsSchema>): CaseSettings {
  return {
    timing: {
      decisionReminderMs: toMs(config.CASE_DECISION_REMINDER),
      decisionDeadlineMs: toMs(config.CASE_DECISION_DEADLINE),
      followUpReminderMs: toMs(config.CASE_FOLLOW_UP_REMINDER),
      opportunityFollowUpMs: toMs(config.OPPORTUNITY_FOLLOW_UP),
    },
    routing: config.CASE_ROUTING,
  };
}
