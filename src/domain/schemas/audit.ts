import { z } from 'zod';
import './zodErrors';

const at = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

/** The query of `GET /api/audit`. */
export const auditQuerySchema = z.strictObject({
  actor: z.string().min(1).max(200).optional(),
  caseId: z.string().min(1).max(200).optional(),
  action: z.string().min(1).max(200).optional(),
  from: at.optional(),
  to: at.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The `nextBefore` of the previous page. */
  before: z
    .string()
    .regex(/^\d{1,19}$/, 'must be the nextBefore of a previous page')
    .optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
