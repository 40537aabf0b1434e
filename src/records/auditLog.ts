import type { Prisma } from '../generated/prisma/client';
import type { Tx } from './transaction';

/** One call to the API as the audit trail keeps it. */
export interface AuditLogInput {
  requestId: string;
  actor: string;
  roles: string[];
  action: string;
  method: string;
  path: string;
  caseId: string | null;
  objectId: string | null;
  status: number;
  outcome: 'succeeded' | 'refused' | 'failed';
  code: string | null;
}

export async function appendAuditLog(db: Tx, entry: AuditLogInput): Promise<void> {
  await db.auditLogEntry.create({ data: entry });
}

export interface AuditLogQuery {
  actor?: string;
  caseId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  /** The id of the last entry of the previous page: the next page holds older entries. */
  before?: string;
}

/** A page of the audit trail, newest first, filtered by actor, case, action and time. */
export async function auditLogPage(db: Tx, query: AuditLogQuery) {
  const where: Prisma.AuditLogEntryWhereInput = {
    actor: query.actor,
    caseId: query.caseId,
    action: query.action,
    at:
      query.from || query.to
        ? { gte: query.from ? new Date(query.from) : undefined, lt: query.to ? new Date(query.to) : undefined }
        : undefined,
    id: query.before ? { lt: BigInt(query.before) } : undefined,
  };
  const entries = await db.auditLogEntry.findMany({ where, orderBy: { id: 'desc' }, take: query.limit });
  return entries.map(({ id, ...entry }) => ({ id: id.toString(), ...entry }));
}
