import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Database } from '../../platform/database';
import type { Logger } from '../../platform/logger';
import { appendAuditLog, type AuditLogInput } from '../../records/auditLog';

/** What a call asked for, as the access policy noted it. */
export interface AuditNote {
  action: string;
  caseId: string | null;
  objectId: string | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    auditNote?: AuditNote;
  }
}

export const REQUEST_ID_HEADER = 'X-Request-Id';
const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/;

export function noteAudit(req: Request, note: AuditNote): void {
  req.auditNote = note;
}

/** Names what a call created once it is known (the case an intake opened, a proposal, a campaign). */
export function noteAuditTarget(req: Request, target: Partial<Pick<AuditNote, 'caseId' | 'objectId'>>): void {
  if (req.auditNote) req.auditNote = { ...req.auditNote, ...target };
}

/**
 * Gives every request an id (`req.id`, which pino-http logs and keeps): one already assigned as a
 * string, a well-formed X-Request-Id from the caller, or a new UUID. Answered as X-Request-Id.
 */
export const requestId: RequestHandler = (req, res, next) => {
  if (typeof req.id !== 'string' || req.id === '') {
    const given = req.get(REQUEST_ID_HEADER);
    req.id = given && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
  }
  res.setHeader(REQUEST_ID_HEADER, req.id as string);
  next();
};

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** State-changing calls always; reads when refused by authentication or by the access policy. */
function auditEntryOf(req: Request, res: Response): AuditLogInput | null {
  const status = res.statusCode;
  const note = req.auditNote;
  const refused = status === 401 || status === 403 || (note !== undefined && status >= 400);
  if (READS.has(req.method) && !refused) return null;
  const path = req.originalUrl.split('?')[0];
  return {
    requestId: String(req.id),
    actor: req.principal?.sub ?? 'anonymous',
    roles: req.principal?.roles ?? [],
    action: note?.action ?? `${req.method} ${path}`,
    method: req.method,
    path,
    caseId: note?.caseId ?? null,
    objectId: note?.objectId ?? null,
    status,
    outcome: status < 400 ? 'succeeded' : status < 500 ? 'refused' : 'failed',
    code: (res.locals.errorCode as string | undefined) ?? null,
  };
}

/**
 * Writes the audit entry of a call before its response goes out, so a caller never sees an
 * answer the trail does not hold. A failed write is logged; the answer still goes out (the
 * action it reports has happened).
 */
export function auditTrail(db: Database, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      const entry = auditEntryOf(req, res);
      if (!entry) return end(...args);
      appendAuditLog(db, entry)
        .catch((error: unknown) => logger.error({ err: error, requestId: entry.requestId }, 'audit trail write failed'))
        .finally(() => end(...args));
      return res;
    }) as Response['end'];
    next();
  };
}
