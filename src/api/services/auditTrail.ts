import type { AuditQuery } from '../../domain/schemas/audit';
import { auditLogPage } from '../../records/auditLog';
import type { ApiContext } from '../context';

/** A page of the audit trail, newest first; `nextBefore` asks for the next (older) page. */
export async function auditTrailPage(ctx: ApiContext, query: AuditQuery) {
  const entries = await auditLogPage(ctx.db, query);
  const last = entries[entries.length - 1];
  return { entries, nextBefore: entries.length === query.limit && last ? last.id : null };
}
