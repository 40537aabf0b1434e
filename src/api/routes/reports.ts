import { Router } from 'express';
import { consistencyRows } from '../../domain/consistencyReport';
import { caseListQuerySchema } from '../../domain/schemas/cases';
import { reportPeriodSchema } from '../../domain/schemas/reports';
import { authorize, authorizeCase, authorizeCaseList, caseScopeFor } from '../access/policy';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';
import { toCsv } from '../exports/csv';
import { pathParam } from '../params';
import { caseFilePdf, casesCsv } from '../services/caseExports';
import { consistencyOf } from '../services/consistency';

const exportListQuerySchema = caseListQuerySchema.omit({ limit: true, offset: true });

/** The consistency dashboard's data (JSON and CSV), and the exports of cases (CSV lists, PDF case files). */
export function reportRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/reports/consistency', async (req, res) => {
    authorize(req, 'report.consistency');
    res.json(await consistencyOf(ctx, parseInput(reportPeriodSchema, req.query, 'query')));
  });
  router.get('/reports/consistency.csv', async (req, res) => {
    authorize(req, 'report.consistency');
    const report = await consistencyOf(ctx, parseInput(reportPeriodSchema, req.query, 'query'));
    res.attachment(`consistency-${report.period.from.slice(0, 10)}-${report.period.to.slice(0, 10)}.csv`).type('csv');
    res.send(toCsv(consistencyRows(report)));
  });
  router.get('/exports/cases.csv', async (req, res) => {
    const query = parseInput(exportListQuerySchema, req.query, 'query');
    const principal = await authorizeCaseList(ctx, req, query.employeeId);
    const csv = await casesCsv(ctx, query, principal, caseScopeFor(ctx, principal));
    res.attachment('cases.csv').type('csv').send(csv);
  });
  router.get('/cases/:caseId/export.pdf', async (req, res) => {
    const caseId = pathParam(req, 'caseId');
    const pdf = await caseFilePdf(ctx, caseId, await authorizeCase(ctx, req, caseId, 'case.view'));
    res.attachment(`${caseId}.pdf`).type('pdf').send(pdf);
  });
  return router;
}
