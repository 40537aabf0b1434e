import { Router } from 'express';
import { caseListQuerySchema, followUpReportSchema, holdSchema, removalReportSchema } from '../../domain/schemas/cases';
import { approvalSchema, decisionSchema } from '../../domain/schemas/decisions';
import { approveUpdate, decideUpdate, reportFollowUpUpdate, reportRemovalUpdate } from '../../workflows/caseMessages';
import { authorizeCase, authorizeCaseList, caseScopeFor } from '../access/policy';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';
import { pathParam } from '../params';
import { updateCase } from '../services/workflowUpdates';
import { casePrecedents, listCases } from '../services/caseQueries';
import { viewCase } from '../services/caseView';
import { placeCaseHold, releaseCaseHold } from '../services/legalHolds';

export function caseRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.get('/cases', async (req, res) => {
    const query = parseInput(caseListQuerySchema, req.query, 'query');
    const principal = await authorizeCaseList(ctx, req, query.employeeId);
    res.json(await listCases(ctx, query, principal, caseScopeFor(ctx, principal)));
  });
  router.get('/cases/:caseId', async (req, res) => {
    const caseId = pathParam(req, 'caseId');
    res.json(await viewCase(ctx, caseId, await authorizeCase(ctx, req, caseId, 'case.view')));
  });
  router.get('/cases/:caseId/precedents', async (req, res) => {
    const caseId = pathParam(req, 'caseId');
    const { principal } = await authorizeCase(ctx, req, caseId, 'case.precedents');
    res.json(await casePrecedents(ctx, caseId, caseScopeFor(ctx, principal)));
  });
  router.post('/cases/:caseId/decision', async (req, res) => {
    const caseId = pathParam(req, 'caseId');
    const { principal } = await authorizeCase(ctx, req, caseId, 'case.decide');
    const decision = parseInput(decisionSchema, req.body);
    res.json(await updateCase(ctx, caseId, decideUpdate, { decider: principal, decision }));
  });
  router.post('/cases/:caseId/approval', async (req, res) => {
    const caseId = pathParam(req, 'caseId');
    const { principal } = await authorizeCase(ctx, req, caseId, 'case.approve');
    const { approve, rationale } = parseInput(approvalSchema, req.body);
    res.json(await updateCase(ctx, caseId, approveUpdate, { approver: principal, approve, rationale }));
  });
  router.post('/cases/:caseId/content-status', async (req, res) => {
    const caseId = pathParam(req, 'caseId');
    const { principal } = await authorizeCase(ctx, req, caseId, 'case.report_content');
    const { status, note } = parseInput(removalReportSchema, req.body);
    res.json(await updateCase(ctx, caseId, reportRemovalUpdate, { reporter: principal, status, note }));
  });
  router.post('/cases/:caseId/follow-up', async (req, res) => {
    const caseId = pathParam(req, 'caseId');
    const { principal } = await authorizeCase(ctx, req, caseId, 'case.report_follow_up');
    const { reproduced, note } = parseInput(followUpReportSchema, req.body);
    res.json(await updateCase(ctx, caseId, reportFollowUpUpdate, { reporter: principal, reproduced, note }));
  });
  router.post('/cases/:caseId/hold', async (req, res) => {
    const caseId = pathParam(req, 'caseId');
    const { principal } = await authorizeCase(ctx, req, caseId, 'case.hold');
    const { reason } = parseInput(holdSchema, req.body);
    const { created, hold } = await placeCaseHold(ctx, caseId, reason, principal);
    res.status(created ? 201 : 200).json(hold);
  });
  router.post('/cases/:caseId/hold/release', async (req, res) => {
    const caseId = pathParam(req, 'caseId');
    const { principal } = await authorizeCase(ctx, req, caseId, 'case.release_hold');
    const { reason } = parseInput(holdSchema, req.body);
    res.json(await releaseCaseHold(ctx, caseId, reason, principal));
  });
  return router;
}
