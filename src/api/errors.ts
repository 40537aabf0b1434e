import type { ErrorRequestHandler } from 'express';
import { z } from 'zod';
import type { Refusal } from '../domain/refusal';
import type { Logger } from '../platform/logger';

export interface FieldProblem {
  path: string;
  message: string;
}

/** An error the API answers with its own status and a stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }
}

export function invalidInput(fields: FieldProblem[]): ApiError {
  const summary = fields.map((field) => `${field.path}: ${field.message}`).join('; ');
  return new ApiError(400, 'invalid_input', `Invalid input: ${summary}`, fields);
}

export const STATUS_OF_REFUSAL: Record<Refusal['kind'], number> = { forbidden: 403, conflict: 409, unprocessable: 422 };

/** A refusal of the domain rules as the API answers it. */
export const refusalError = (refusal: Refusal) => new ApiError(STATUS_OF_REFUSAL[refusal.kind], refusal.code, refusal.message);

export function notFound(what: string): ApiError {
  return new ApiError(404, 'not_found', `${what} not found`);
}

/** Parses `value` with `schema`, or throws a 400 naming every offending field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, prefix = ''): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalidInput(
    result.error.issues.map((issue) => ({
      path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
      message: issue.message,
    })),
  );
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    // For the audit trail: which refusal this was.
    res.locals.errorCode = error instanceof ApiError ? error.code : (error?.type ?? 'internal');
    if (error instanceof ApiError) {
      res.status(error.status).json({ error: { code: error.code, message: error.message, fields: error.fields } });
      return;
    }
    if (error?.type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'invalid_json', message: 'The body is not valid JSON', fields: [] } });
      return;
    }
    if (error?.type === 'entity.too.large') {
      res.status(413).json({ error: { code: 'too_large', message: 'The body is too large', fields: [] } });
      return;
    }
    (req.log ?? logger).error({ err: error }, 'unhandled API error');
    res.status(500).json({ error: { code: 'internal', message: 'Internal error', fields: [] } });
  };
}
