import { z } from 'zod';
import './zodErrors';
import { matrixProblems } from '../sanctionMatrix';
import { CONTENT_ACTIONS, INAPPROPRIATE_CATEGORIES, POSITIVE_CATEGORIES, SANCTIONS, SEVERITIES } from '../vocabulary';

const text = (max: number) => z.string().trim().min(1, 'must not be blank').max(max);
const rationale = text(5_000);

const sanctionDecisionSchema = z.strictObject({
  outcome: z.literal('sanction'),
  sanction: z.enum(SANCTIONS),
  rationale,
  content: z.strictObject({
    action: z.enum(CONTENT_ACTIONS),
    rationale,
  }),
  // Any category parses: whether it fits the case's kind is the decision rule's call (422, not 400).
  reclassify: z
    .strictObject({
      category: z.enum([...INAPPROPRIATE_CATEGORIES, ...POSITIVE_CATEGORIES]),
      severity: z.enum(SEVERITIES),
    })
    .optional(),
  // Blank is allowed here and means "none": the consistency rule says when one is needed.
  justification: z.string().trim().max(5_000).optional(),
});

const capitalizeDecisionSchema = z.strictObject({
  outcome: z.literal('capitalize'),
  plan: z.strictObject({
    amplify: z.boolean(),
    shareInsightWith: text(100),
    reproduce: text(5_000),
  }),
  rationale,
});

const dismissDecisionSchema = z.strictObject({
  outcome: z.literal('dismiss'),
  rationale,
});

/** The body of `POST /api/cases/:caseId/decision`. */
export const decisionSchema = z.discriminatedUnion('outcome', [sanctionDecisionSchema, capitalizeDecisionSchema, dismissDecisionSchema]);

/** The body of `POST /api/cases/:caseId/approval`: a second person approves a harsh sanction or sends it back. */
export const approvalSchema = z.strictObject({
  approve: z.boolean(),
  rationale,
});

const rangeSchema = z.strictObject({ min: z.enum(SANCTIONS), max: z.enum(SANCTIONS) });
// Whole numbers within the ladder: matrixProblems says so, once.
const steps = z.number();

/** A new version of the sanction matrix as submitted by an admin; the version number is assigned on save. */
export const sanctionMatrixSchema = z
  .strictObject({
    rules: z.record(z.enum(INAPPROPRIATE_CATEGORIES), z.record(z.enum(SEVERITIES), rangeSchema)),
    repeatOffence: z.strictObject({ stepsPerPriorCase: steps, maxSteps: steps }),
  })
  .superRefine((matrix, ctx) => {
    for (const problem of matrixProblems(matrix)) {
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    }
  });

/** A second person's verdict on a proposed sanction matrix. */
export const matrixVerdictSchema = z.strictObject({ approve: z.boolean(), note: text(2_000) });

export type DecisionInput = z.infer<typeof decisionSchema>;
export type ApprovalInput = z.infer<typeof approvalSchema>;
export type SanctionMatrixInput = z.infer<typeof sanctionMatrixSchema>;
