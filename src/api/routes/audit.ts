import { Router } from 'express';
import { auditQuerySchema } from '../../domain/schemas/audit';
import { authorize } from '../access/policy';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';
import { auditTrailPage } from '../services/auditTrail';

/** The audit trail of API calls and refusals, for HR and administrators. */
export function auditRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/audit', async (req, res) => {
    authorize(req, 'audit.read');
    res.json(await auditTrailPage(ctx, parseInput(auditQuerySchema, req.query, 'query')));
  });
  return router;
}
