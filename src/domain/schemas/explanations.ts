import { z } from 'zod';
import './zodErrors';

const part = z.strictObject({
  key: z.enum(['what_happened', 'why_inappropriate', 'measure_taken', 'why_that_measure', 'why_it_helped', 'how_to_repeat']),
  heading: z.string().trim().min(1).max(200),
  text: z.string().max(10_000),
});

/** The body of `PUT /api/cases/:caseId/explanation`: the whole new text (emptiness and identifiers are the workflow's call). */
export const explanationEditSchema = z.strictObject({
  title: z.string().max(300),
  parts: z.array(part).min(1).max(6),
});

/** The body of `POST /api/cases/:caseId/explanation/approve`. */
export const explanationApprovalSchema = z.strictObject({
  publishAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).nullable().default(null),
});

/** The body of `POST /api/cases/:caseId/explanation/withdraw`. */
export const explanationWithdrawalSchema = z.strictObject({ reason: z.string().trim().min(1, 'must not be blank').max(5_000) });

/** The query of `GET /api/lessons`. */
export const lessonPageSchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
});
