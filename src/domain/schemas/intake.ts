import { z } from 'zod';
import './zodErrors';
import { ACTIVITY_KINDS, categoriesOf, isCategoryOfKind, SEVERITIES } from '../vocabulary';

const slug = /^[a-z0-9][a-z0-9._-]*$/;

export const assessmentSchema = z
  .object({
    kind: z.enum(ACTIVITY_KINDS),
    category: z.string(),
    severity: z.enum(SEVERITIES),
  })
  .superRefine((assessment, ctx) => {
    if (!isCategoryOfKind(assessment.kind, assessment.category)) {
      ctx.addIssue({
        code: 'custom',
        path: ['category'],
        message: `must be one of ${categoriesOf(assessment.kind).join(', ')} for a ${assessment.kind} activity`,
      });
    }
  });

/** The body of `POST /api/activities`: one detected activity. */
export const detectedActivitySchema = z.strictObject({
  source: z.string().min(1).max(64).regex(slug, 'must be lower-case letters, digits, dots, dashes or underscores'),
  sourceRef: z.string().min(1).max(256),
  employeeId: z.string().min(1).max(64),
  platform: z.string().min(1).max(64),
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
  content: z.string().max(10_000),
  siteControlledByCompany: z.boolean(),
  detectedAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }),
  reach: z.number().int().min(0),
  assessment: assessmentSchema,
});

export type DetectedActivityInput = z.infer<typeof detectedActivitySchema>;
