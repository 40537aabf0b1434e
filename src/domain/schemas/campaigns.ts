import { z } from 'zod';
import './zodErrors';
import { employeeIdSchema } from './employees';

const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-12-08T17:00:00Z' });

/** The body of `POST /api/campaigns`: a campaign for an existing version of the social-media policy, started by hand. */
export const campaignStartSchema = z.strictObject({
  policyVersionId: z.string().trim().min(1).max(200),
  /** When acknowledgements are due; the configured CAMPAIGN_DEADLINE from now by default. */
  deadline: instant.optional(),
});

/** The body of `POST /api/campaigns/:campaignId/acknowledgements` (may be empty): only one's own acknowledgement. */
export const acknowledgementSchema = z.strictObject({
  employeeId: employeeIdSchema.optional(),
});

/** The body of `POST /api/campaigns/:campaignId/sessions`. */
export const knowHowSessionSchema = z.strictObject({
  startsAt: instant,
  facilitator: z.string().trim().min(1, 'must not be blank').max(200),
  capacity: z.number().int().min(1).max(10_000),
});

/** The body of `POST /api/campaigns/:campaignId/sessions/:sessionId/attendance`: who attended (registered employees). */
export const attendanceSchema = z.strictObject({
  attended: z.array(employeeIdSchema).min(1).max(10_000),
});

export type CampaignStartInput = z.infer<typeof campaignStartSchema>;
export type AcknowledgementInput = z.infer<typeof acknowledgementSchema>;
export type KnowHowSessionInput = z.infer<typeof knowHowSessionSchema>;
export type AttendanceInput = z.infer<typeof attendanceSchema>;
