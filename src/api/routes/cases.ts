import { Router } from 'express';
import { caseListQuerySchema, followUpReportSchema, removalReportSchema } from '../../domain/schemas/cases';
import { approvalSchema, decisionSchema } from '../../domain/schemas/decisions';
import { DECIDING_ROLES, HANDLER_ROLES } from '../../domain/vocabulary';
import { approveUpdate, decideUpdate, reportFollowUpUpdate, reportRemovalUpdate } from '../../workflows/caseMessages';
import { principalOf, requireRole } from '../auth/middleware';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';
import { pathParam } from '../params';
import { updateCase } from '../services/workflowUpdates';
import { casePrecedents, listCases } from '../services/caseQueries';
import { viewCase } from '../services/caseView';

export function caseRoutes(ctx: ApiContext): Router {
  const router = Router();
  const handlers = requireRole(...HANDLER_ROLES);

  router.get('/cases', handlers, async (req, res) => {
    res.json(await listCases(ctx, parseInput(caseListQuerySchema, req.query, 'query'), principalOf(req)));
  });
  router.get('/cases/:caseId', handlers, async (req, res) => {
    res.json(await viewCase(ctx, pathParam(req, 'caseId')));
  });
  router.get('/cases/:caseId/precedents', handlers, async (req, res) => {
    res.json(await casePrecedents(ctx, pathParam(req, 'caseId')));
  });
  router.post('/cases/:caseId/decision', requireRole(...DECIDING_ROLES), async (req, res) => {
    const decision = parseInput(decisionSchema, req.body);
    res.json(await updateCase(ctx, pathParam(req, 'caseId'), decideUpdate, { decider: principalOf(req), decision }));
  });
  router.post('/cases/:caseId/approval', requireRole('steering_committee', 'hr'), async (req, res) => {
    const { approve, rationale } = parseInput(approvalSchema, req.body);
    res.json(await updateCase(ctx, pathParam(req, 'caseId'), approveUpdate, { approver: principalOf(req), approve, rationale }));
  });
  router.post('/cases/:caseId/content-status', handlers, async (req, res) => {
    const { status, note } = parseInput(removalReportSchema, req.body);
    res.json(await updateCase(ctx, pathParam(req, 'caseId'), reportRemovalUpdate, { reporter: principalOf(req), status, note }));
  });
  router.post('/cases/:caseId/follow-up', handlers, async (req, res) => {
    const { reproduced, note } = parseInput(followUpReportSchema, req.body);
    res.json(await updateCase(ctx, pathParam(req, 'caseId'), reportFollowUpUpdate, { reporter: principalOf(req), reproduced, note }));
  });
  return router;
}
