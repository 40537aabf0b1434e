import { Router } from 'express';
import { HANDLER_ROLES } from '../../domain/vocabulary';
import { requireRole } from '../auth/middleware';
import type { ApiContext } from '../context';
import { pathParam } from '../params';
import { viewCase } from '../services/caseView';

export function caseRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/cases/:caseId', requireRole(...HANDLER_ROLES), async (req, res) => {
    res.json(await viewCase(ctx, pathParam(req, 'caseId')));
  });
  return router;
}
