import { Router } from 'express';
import { acknowledgementSchema } from '../../domain/schemas/campaigns';
import { principalOf } from '../auth/middleware';
import { noteAudit } from '../audit/trail';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';
import { pathParam } from '../params';
import { acknowledge } from '../services/campaignParticipation';
import { pendingAcknowledgements } from '../services/campaignQueries';

/** Employees acknowledge revised policies: their own, once (a database row per employee, never workflow history). */
export function acknowledgementRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/me/acknowledgements', async (req, res) => {
    res.json(await pendingAcknowledgements(ctx, principalOf(req)));
  });
  router.post('/campaigns/:campaignId/acknowledgements', async (req, res) => {
    noteAudit(req, { action: 'campaign.acknowledge', caseId: null, objectId: pathParam(req, 'campaignId') });
    const input = parseInput(acknowledgementSchema, req.body ?? {});
    const { created, acknowledgement } = await acknowledge(ctx, pathParam(req, 'campaignId'), principalOf(req), input);
    res.status(created ? 201 : 200).json(acknowledgement);
  });
  return router;
}
