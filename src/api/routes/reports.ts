import { Router } from 'express';
import { consistencyRows } from '../../domain/consistencyReport';
import { caseListQuerySchema } from '../../domain/schemas/cases';
import { reportPeriodSchema } from '../../domain/schemas/reports';
import { HANDLER_ROLES } from '../../domain/vocabulary';
import { principalOf, requireRole } from '../auth/middleware';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';
import { toCsv } from '../exports/csv';
import { pathParam } from '../params';
import { caseFilePdf, casesCsv } from '../services/caseExports';
import { consistencyOf } from '../services/consistency';

/** Who watches whether the rules apply consistently to all. */
export const REPORT_ROLES = ['steering_committee', 'hr', 'social_media_lead'] as const;

const exportListQuerySchema = caseListQuerySchema.omit({ limit: true, offset: true });

/** The consistency dashboard's data (JSON and CSV), and the exports of cases (CSV lists, PDF case files). */
export function reportRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/reports/consistency', requireRole(...REPORT_ROLES), async (req, res) => {
    res.json(await consistencyOf(ctx, parseInput(reportPeriodSchema, req.query, 'query')));
  });
  router.get('/reports/consistency.csv', requireRole(...REPORT_ROLES), async (req, res) => {
    const report = await consistencyOf(ctx, parseInput(reportPeriodSchema, req.query, 'query'));
    res.attachment(`consistency-${report.period.from.slice(0, 10)}-${report.period.to.slice(0, 10)}.csv`).type('csv');
    res.send(toCsv(consistencyRows(report)));
  });
  router.get('/exports/cases.csv', requireRole(...HANDLER_ROLES), async (req, res) => {
    const csv = await casesCsv(ctx, parseInput(exportListQuerySchema, req.query, 'query'), principalOf(req));
    res.attachment('cases.csv').type('csv').send(csv);
  });
  router.get('/cases/:caseId/export.pdf', requireRole(...HANDLER_ROLES), async (req, res) => {
    const caseId = pathParam(req, 'caseId');
    const pdf = await caseFilePdf(ctx, caseId);
    res.attachment(`${caseId}.pdf`).type('pdf').send(pdf);
  });
  return router;
}
