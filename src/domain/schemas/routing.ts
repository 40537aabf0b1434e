import { z } from 'zod';
import './zodErrors';
import { DECIDING_ROLES, SEVERITIES } from '../vocabulary';

/** Routing rules as configured in CASE_ROUTING: which deciding role gets which cases. */
export const routingRulesSchema = z.strictObject({
  inappropriate: z.strictObject(
    Object.fromEntries(SEVERITIES.map((severity) => [severity, z.enum(DECIDING_ROLES)])) as Record<
      (typeof SEVERITIES)[number],
      z.ZodEnum<{ [K in (typeof DECIDING_ROLES)[number]]: K }>
    >,
  ),
  positive: z.enum(DECIDING_ROLES),
});
