import { Router } from 'express';
import { attendanceSchema, campaignStartSchema, knowHowSessionSchema } from '../../domain/schemas/campaigns';
import { authorize } from '../access/policy';
import { principalOf } from '../auth/middleware';
import { noteAudit, noteAuditTarget } from '../audit/trail';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';
import { pathParam } from '../params';
import { scheduleSession, startCampaign } from '../services/campaignCommands';
import { register, recordAttendance } from '../services/campaignParticipation';
import { listCampaigns, listSessions, viewCampaign } from '../services/campaignQueries';

/** Awareness campaigns (step 7): starting one by hand, coverage reports, know-how sessions. */
export function campaignRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.get('/campaigns', async (req, res) => {
    authorize(req, 'campaign.read');
    res.json(await listCampaigns(ctx));
  });
  router.post('/campaigns', async (req, res) => {
    const principal = authorize(req, 'campaign.start');
    const { campaignId, created } = await startCampaign(ctx, parseInput(campaignStartSchema, req.body), principal);
    noteAuditTarget(req, { objectId: campaignId });
    res
      .status(created ? 202 : 200)
      .location(`/api/campaigns/${campaignId}`)
      .json({ campaignId });
  });
  router.get('/campaigns/:campaignId', async (req, res) => {
    authorize(req, 'campaign.read', pathParam(req, 'campaignId'));
    res.json(await viewCampaign(ctx, pathParam(req, 'campaignId')));
  });
  router.post('/campaigns/:campaignId/sessions', async (req, res) => {
    const principal = authorize(req, 'campaign.schedule_session', pathParam(req, 'campaignId'));
    const input = parseInput(knowHowSessionSchema, req.body);
    res.status(201).json(await scheduleSession(ctx, pathParam(req, 'campaignId'), input, principal));
  });
  router.get('/campaigns/:campaignId/sessions', async (req, res) => {
    res.json(await listSessions(ctx, pathParam(req, 'campaignId'), principalOf(req)));
  });
  router.post('/campaigns/:campaignId/sessions/:sessionId/registrations', async (req, res) => {
    noteAudit(req, { action: 'campaign.register', caseId: null, objectId: pathParam(req, 'sessionId') });
    const { created, ...registration } = await register(ctx, pathParam(req, 'campaignId'), pathParam(req, 'sessionId'), principalOf(req));
    res.status(created ? 201 : 200).json(registration);
  });
  router.post('/campaigns/:campaignId/sessions/:sessionId/attendance', async (req, res) => {
    authorize(req, 'campaign.record_attendance', pathParam(req, 'sessionId'));
    const input = parseInput(attendanceSchema, req.body);
    res.json(await recordAttendance(ctx, pathParam(req, 'campaignId'), pathParam(req, 'sessionId'), input));
  });
  return router;
}
