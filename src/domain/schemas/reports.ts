import { z } from 'zod';
import './zodErrors';

const DAY = 24 * 60 * 60 * 1000;
const instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time' })
  .or(z.iso.date({ message: 'must be an ISO 8601 date' }));

/** The query of `GET /api/reports/consistency`: the period [from, to), by default the 90 days up to now. */
export const reportPeriodSchema = z
  .strictObject({ from: instant.optional(), to: instant.optional() })
  .transform(({ from, to }) => {
    const end = to ? new Date(to) : new Date();
    return { from: from ? new Date(from) : new Date(end.getTime() - 90 * DAY), to: end };
  })
  .refine((period) => period.from < period.to, { message: 'must be before to', path: ['from'] });

export type ReportPeriod = z.infer<typeof reportPeriodSchema>;
