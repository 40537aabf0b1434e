import { z } from 'zod';
import './zodErrors';
import { POLICY_DOCUMENTS } from '../policyReview';

const text = (max: number) => z.string().trim().min(1, 'must not be blank').max(max);

/** The longest document text accepted (a few hundred kilobytes of markdown). */
export const MAX_DOCUMENT_CHARS = 200_000;

export const policyDocumentIdSchema = z.enum(POLICY_DOCUMENTS);
export const versionNumberSchema = z.coerce.number().int().min(1);

/** The query of `GET /api/documents/:doc/diff`. */
export const documentDiffQuerySchema = z.strictObject({
  from: versionNumberSchema,
  to: versionNumberSchema,
  context: z.coerce.number().int().min(0).max(1_000).default(3),
});

const proposedChangeSchema = z.strictObject({
  document: policyDocumentIdSchema,
  baseVersion: z.number().int().min(1),
  // Not trimmed: markdown is kept as written.
  text: z
    .string()
    .max(MAX_DOCUMENT_CHARS)
    .refine((value) => value.trim() !== '', 'must not be blank'),
  summary: text(2_000),
});

/** The body of `POST /api/policy-reviews/:id/answer`: new text for one or more documents, or "no change needed". */
export const reviewAnswerSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('proposal'),
    rationale: text(5_000),
    changes: z.array(proposedChangeSchema).min(1).max(POLICY_DOCUMENTS.length),
  }),
  z.strictObject({ kind: z.literal('no_change'), reason: text(5_000) }),
]);

/** The body of `POST /api/policy-reviews/:id/approval`: the steering committee approves or sends back. */
export const reviewVerdictSchema = z.strictObject({ approve: z.boolean(), rationale: text(5_000) });

/** The query of `GET /api/policy-reviews`. */
export const policyReviewListQuerySchema = z.strictObject({
  status: z.enum(['open', 'closed']).optional(),
  trigger: z.enum(['case', 'periodic']).optional(),
  caseId: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export type ReviewAnswerInput = z.infer<typeof reviewAnswerSchema>;
export type PolicyReviewListQuery = z.infer<typeof policyReviewListQuerySchema>;
