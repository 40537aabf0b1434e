import { Router } from 'express';
import { detectedActivitySchema } from '../../domain/schemas/intake';
import { authorize } from '../access/policy';
import { noteAuditTarget } from '../audit/trail';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';
import { openCase } from '../services/caseIntake';

export function activityRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.post('/activities', async (req, res) => {
    const principal = authorize(req, 'activity.report');
    const input = parseInput(detectedActivitySchema, req.body);
    const { caseId, created } = await openCase(ctx, input, principal);
    noteAuditTarget(req, { caseId });
    res
      .status(created ? 202 : 200)
      .location(`/api/cases/${caseId}`)
      .json({ caseId });
  });
  return router;
}
