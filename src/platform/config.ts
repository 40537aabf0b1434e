import { msToNumber } from '@temporalio/common/lib/time';
import { z } from 'zod';
import type { CaseTiming } from '../domain/case';

/** Thrown when the environment does not describe a runnable service; its message is one line naming the variable. */
export class ConfigError extends Error {}

const duration = z.string().refine(
  (value) => {
    try {
      return msToNumber(value as Parameters<typeof msToNumber>[0]) > 0;
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

const caseTimingSchema = z.object({
  CASE_DECISION_DEADLINE: duration.default('3 days'),
});

const apiSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  AUTH_SECRET: z
    .string({ message: 'is required (at least 32 characters, used to verify HS256 tokens)' })
    .min(32, 'must be at least 32 characters'),
});

const workerSchema = temporalSchema.extend(databaseSchema.shape).extend(loggingSchema.shape);

const apiConfigSchema = workerSchema.extend(apiSchema.shape).extend(caseTimingSchema.shape);

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
  .extend(caseTimingSchema.shape)
  .extend(localSchema.shape);

export type WorkerConfig = z.infer<typeof workerSchema>;
export type ApiConfig = z.infer<typeof apiConfigSchema>;
export type LocalConfig = z.infer<typeof localConfigSchema>;

function parse<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}

export const loadWorkerConfig = (env: NodeJS.ProcessEnv = process.env): WorkerConfig => parse(workerSchema, env);
export const loadApiConfig = (env: NodeJS.ProcessEnv = process.env): ApiConfig => parse(apiConfigSchema, env);
export const loadLocalConfig = (env: NodeJS.ProcessEnv = process.env): LocalConfig => parse(localConfigSchema, env);

/** Every variable the production entry points read, for the deployment files' tests and the README. */
export const REQUIRED_DEPLOYMENT_VARIABLES = ['DATABASE_URL', 'AUTH_SECRET', 'TEMPORAL_ADDRESS'] as const;
export const DEPLOYMENT_VARIABLES = Object.keys(apiConfigSchema.shape);

export function caseTimingFrom(config: z.infer<typeof caseTimingSchema>): CaseTiming {
  return { decisionDeadlineMs: msToNumber(config.CASE_DECISION_DEADLINE as Parameters<typeof msToNumber>[0]) };
}
