import { Router } from 'express';
import { detectedActivitySchema } from '../../domain/schemas/intake';
import { HANDLER_ROLES } from '../../domain/vocabulary';
import { requireRole } from '../auth/middleware';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';
import { openCase } from '../services/caseIntake';

export function activityRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.post('/activities', requireRole('detector', ...HANDLER_ROLES), async (req, res) => {
    const input = parseInput(detectedActivitySchema, req.body);
    const { caseId, created } = await openCase(ctx, input);
    res
      .status(created ? 202 : 200)
      .location(`/api/cases/${caseId}`)
      .json({ caseId });
  });
  return router;
}
