import { Router } from 'express';
import { EXPLANATION_REVIEWER_ROLES, type ExplanationDraft } from '../../domain/explanation';
import {
  explanationApprovalSchema,
  explanationEditSchema,
  explanationWithdrawalSchema,
  lessonPageSchema,
} from '../../domain/schemas/explanations';
import { HANDLER_ROLES } from '../../domain/vocabulary';
import { approveExplanationUpdate, editExplanationUpdate, withdrawExplanationUpdate } from '../../workflows/caseMessages';
import { principalOf, requireRole } from '../auth/middleware';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';
import { pathParam } from '../params';
import { lessonFeed, viewExplanation } from '../services/explanations';
import { updateCase } from '../services/workflowUpdates';

export function explanationRoutes(ctx: ApiContext): Router {
  const router = Router();

  /** The lesson as it stands: live from the case while it is under review, else as recorded. */
  router.get('/cases/:caseId/explanation', requireRole(...HANDLER_ROLES), async (req, res) => {
    res.json(await viewExplanation(ctx, pathParam(req, 'caseId')));
  });
  router.put('/cases/:caseId/explanation', requireRole(...EXPLANATION_REVIEWER_ROLES), async (req, res) => {
    const { title, parts } = parseInput(explanationEditSchema, req.body);
    const receipt = await updateCase(ctx, pathParam(req, 'caseId'), editExplanationUpdate, {
      editor: principalOf(req),
      title,
      parts: parts as ExplanationDraft['parts'],
    });
    // The workflow answers where the lesson stands; its text is the one just accepted.
    res.json({ ...receipt.explanation, title, parts });
  });
  router.post('/cases/:caseId/explanation/approve', requireRole(...EXPLANATION_REVIEWER_ROLES), async (req, res) => {
    const { publishAt } = parseInput(explanationApprovalSchema, req.body ?? {});
    const receipt = await updateCase(ctx, pathParam(req, 'caseId'), approveExplanationUpdate, { approver: principalOf(req), publishAt });
    res.json(receipt.explanation);
  });
  router.post('/cases/:caseId/explanation/withdraw', requireRole(...EXPLANATION_REVIEWER_ROLES), async (req, res) => {
    const { reason } = parseInput(explanationWithdrawalSchema, req.body);
    const receipt = await updateCase(ctx, pathParam(req, 'caseId'), withdrawExplanationUpdate, { by: principalOf(req), reason });
    res.json(receipt.explanation);
  });

  /** The community feed: every employee reads the published lessons, newest first. */
  router.get('/lessons', async (req, res) => {
    res.json(await lessonFeed(ctx, parseInput(lessonPageSchema, req.query, 'query')));
  });
  return router;
}
