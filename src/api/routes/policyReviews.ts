import { Router } from 'express';
import { policyReviewListQuerySchema, reviewAnswerSchema, reviewVerdictSchema } from '../../domain/schemas/policy';
import { HANDLER_ROLES } from '../../domain/vocabulary';
import { principalOf, requireRole } from '../auth/middleware';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';
import { pathParam } from '../params';
import { answerPolicyReview, decidePolicyReview, listPolicyReviews, viewPolicyReview } from '../services/policyReviews';

export function policyReviewRoutes(ctx: ApiContext): Router {
  const router = Router();
  const handlers = requireRole(...HANDLER_ROLES);

  router.get('/policy-reviews', handlers, async (req, res) => {
    res.json(await listPolicyReviews(ctx, parseInput(policyReviewListQuerySchema, req.query, 'query')));
  });
  router.get('/policy-reviews/:id', handlers, async (req, res) => {
    res.json(await viewPolicyReview(ctx, pathParam(req, 'id')));
  });
  // Who may answer (reviewers, or the committee once escalated) is the review's validator's call.
  router.post('/policy-reviews/:id/answer', requireRole('social_media_lead', 'communications', 'steering_committee'), async (req, res) => {
    const answer = parseInput(reviewAnswerSchema, req.body);
    res.json(await answerPolicyReview(ctx, pathParam(req, 'id'), principalOf(req), answer));
  });
  router.post('/policy-reviews/:id/approval', requireRole('steering_committee'), async (req, res) => {
    const { approve, rationale } = parseInput(reviewVerdictSchema, req.body);
    res.json(await decidePolicyReview(ctx, pathParam(req, 'id'), principalOf(req), approve, rationale));
  });
  return router;
}
