import { Router } from 'express';
import { policyReviewListQuerySchema, reviewAnswerSchema, reviewVerdictSchema } from '../../domain/schemas/policy';
import { authorize } from '../access/policy';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';
import { pathParam } from '../params';
import { answerPolicyReview, decidePolicyReview, listPolicyReviews, viewPolicyReview } from '../services/policyReviews';

export function policyReviewRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.get('/policy-reviews', async (req, res) => {
    authorize(req, 'review.read');
    res.json(await listPolicyReviews(ctx, parseInput(policyReviewListQuerySchema, req.query, 'query')));
  });
  router.get('/policy-reviews/:id', async (req, res) => {
    const principal = authorize(req, 'review.read', pathParam(req, 'id'));
    res.json(await viewPolicyReview(ctx, pathParam(req, 'id'), principal));
  });
  // Who may answer (reviewers, or the committee once escalated) is the review's validator's call.
  router.post('/policy-reviews/:id/answer', async (req, res) => {
    const principal = authorize(req, 'review.answer', pathParam(req, 'id'));
    const answer = parseInput(reviewAnswerSchema, req.body);
    res.json(await answerPolicyReview(ctx, pathParam(req, 'id'), principal, answer));
  });
  router.post('/policy-reviews/:id/approval', async (req, res) => {
    const principal = authorize(req, 'review.approve', pathParam(req, 'id'));
    const { approve, rationale } = parseInput(reviewVerdictSchema, req.body);
    res.json(await decidePolicyReview(ctx, pathParam(req, 'id'), principal, approve, rationale));
  });
  return router;
}
