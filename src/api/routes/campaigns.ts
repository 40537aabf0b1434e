import { Router } from 'express';
import { attendanceSchema, campaignStartSchema, knowHowSessionSchema } from '../../domain/schemas/campaigns';
import { HANDLER_ROLES } from '../../domain/vocabulary';
import { principalOf, requireRole } from '../auth/middleware';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';
import { pathParam } from '../params';
import { scheduleSession, startCampaign } from '../services/campaignCommands';
import { register, recordAttendance } from '../services/campaignParticipation';
import { listCampaigns, listSessions, viewCampaign } from '../services/campaignQueries';

/** Awareness campaigns (step 7): starting one by hand, coverage reports, know-how sessions. */
export function campaignRoutes(ctx: ApiContext): Router {
  const router = Router();
  const handlers = requireRole(...HANDLER_ROLES);

  router.get('/campaigns', handlers, async (_req, res) => {
    res.json(await listCampaigns(ctx));
  });
  router.post('/campaigns', requireRole('communications'), async (req, res) => {
    const { campaignId, created } = await startCampaign(ctx, parseInput(campaignStartSchema, req.body), principalOf(req));
    res
      .status(created ? 202 : 200)
      .location(`/api/campaigns/${campaignId}`)
      .json({ campaignId });
  });
  router.get('/campaigns/:campaignId', handlers, async (req, res) => {
    res.json(await viewCampaign(ctx, pathParam(req, 'campaignId')));
  });
  router.post('/campaigns/:campaignId/sessions', requireRole('communications'), async (req, res) => {
    const input = parseInput(knowHowSessionSchema, req.body);
    res.status(201).json(await scheduleSession(ctx, pathParam(req, 'campaignId'), input, principalOf(req)));
  });
  router.get('/campaigns/:campaignId/sessions', async (req, res) => {
    res.json(await listSessions(ctx, pathParam(req, 'campaignId'), principalOf(req)));
  });
  router.post('/campaigns/:campaignId/sessions/:sessionId/registrations', async (req, res) => {
    const { created, ...registration } = await register(ctx, pathParam(req, 'campaignId'), pathParam(req, 'sessionId'), principalOf(req));
    res.status(created ? 201 : 200).json(registration);
  });
  router.post('/campaigns/:campaignId/sessions/:sessionId/attendance', requireRole('communications'), async (req, res) => {
    const input = parseInput(attendanceSchema, req.body);
    res.json(await recordAttendance(ctx, pathParam(req, 'campaignId'), pathParam(req, 'sessionId'), input));
  });
  return router;
}
