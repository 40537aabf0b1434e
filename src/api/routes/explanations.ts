import { Router } from 'express';
import type { ExplanationDraft } from '../../domain/explanation';
import {
  explanationApprovalSchema,
  explanationEditSchema,
  explanationWithdrawalSchema,
  lessonPageSchema,
} from '../../domain/schemas/explanations';
import { approveExplanationUpdate, editExplanationUpdate, withdrawExplanationUpdate } from '../../workflows/caseMessages';
import { authorizeCase } from '../access/policy';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';
import { pathParam } from '../params';
import { assertPublicationDelay, checkExplanation, lessonFeed, viewExplanation } from '../services/explanations';
import { updateCase } from '../services/workflowUpdates';

export function explanationRoutes(ctx: ApiContext): Router {
  const router = Router();

  /** The lesson as it stands: live from the case while it is under review, else as recorded. */
  router.get('/cases/:caseId/explanation', async (req, res) => {
    const caseId = pathParam(req, 'caseId');
    await authorizeCase(ctx, req, caseId, 'case.view_explanation');
    res.json(await viewExplanation(ctx, caseId));
  });
  router.put('/cases/:caseId/explanation', async (req, res) => {
    const caseId = pathParam(req, 'caseId');
    const { principal } = await authorizeCase(ctx, req, caseId, 'case.edit_explanation');
    const { title, parts } = parseInput(explanationEditSchema, req.body);
    const receipt = await updateCase(ctx, caseId, editExplanationUpdate, {
      editor: principal,
      title,
      parts: parts as ExplanationDraft['parts'],
    });
    // The workflow answers where the lesson stands; its text is the one just accepted.
    res.json({ ...receipt.explanation, title, parts });
  });
  // The editor's own check: who may edit the lesson may check a text before sending it.
  router.post('/cases/:caseId/explanation/check', async (req, res) => {
    const caseId = pathParam(req, 'caseId');
    await authorizeCase(ctx, req, caseId, 'case.edit_explanation');
    res.json(await checkExplanation(ctx, caseId, parseInput(explanationEditSchema, req.body)));
  });
  router.post('/cases/:caseId/explanation/approve', async (req, res) => {
    const caseId = pathParam(req, 'caseId');
    const { principal } = await authorizeCase(ctx, req, caseId, 'case.approve_explanation');
    const { publishAt } = parseInput(explanationApprovalSchema, req.body ?? {});
    assertPublicationDelay(ctx, publishAt);
    const receipt = await updateCase(ctx, caseId, approveExplanationUpdate, { approver: principal, publishAt });
    res.json(receipt.explanation);
  });
  router.post('/cases/:caseId/explanation/withdraw', async (req, res) => {
    const caseId = pathParam(req, 'caseId');
    const { principal } = await authorizeCase(ctx, req, caseId, 'case.withdraw_explanation');
    const { reason } = parseInput(explanationWithdrawalSchema, req.body);
    const receipt = await updateCase(ctx, caseId, withdrawExplanationUpdate, { by: principal, reason });
    res.json(receipt.explanation);
  });

  /** The community feed: every employee reads the published lessons, newest first. */
  router.get('/lessons', async (req, res) => {
    res.json(await lessonFeed(ctx, parseInput(lessonPageSchema, req.query, 'query')));
  });
  return router;
}
