import { z } from 'zod';
import './zodErrors';
import {
  ACTIVITY_KINDS,
  CASE_STATUSES,
  DECIDING_ROLES,
  INAPPROPRIATE_CATEGORIES,
  POSITIVE_CATEGORIES,
  REMOVAL_REPORTS,
  SEVERITIES,
} from '../vocabulary';

const note = z.string().trim().max(5_000).default('');

/** The body of `POST /api/cases/:caseId/content-status`. */
export const removalReportSchema = z.strictObject({ status: z.enum(REMOVAL_REPORTS), note });

/** The body of `POST /api/cases/:caseId/follow-up`. */
export const followUpReportSchema = z.strictObject({ reproduced: z.boolean(), note });

/** Placing or releasing a legal hold: why. */
export const holdSchema = z.strictObject({ reason: z.string().trim().min(1, 'must not be blank').max(2_000) });

/** The query of `GET /api/cases`. */
export const caseListQuerySchema = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  category: z.enum([...INAPPROPRIATE_CATEGORIES, ...POSITIVE_CATEGORIES]).optional(),
  severity: z.enum(SEVERITIES).optional(),
  assignedRole: z.enum(DECIDING_ROLES).optional(),
  department: z.string().min(1).optional(),
  employeeId: z.string().min(1).optional(),
  mine: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
