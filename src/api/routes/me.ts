import { Router } from 'express';
import { z } from 'zod';
import { principalOf } from '../auth/middleware';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';
import { notificationsOf } from '../services/inbox';
import { myWork } from '../services/myWork';

/** The query of `GET /api/me/notifications`. */
export const pageSchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), before: z.iso.datetime().optional() });

export function meRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/me/notifications', async (req, res) => {
    res.json(await notificationsOf(ctx, principalOf(req), parseInput(pageSchema, req.query, 'query')));
  });
  router.get('/me/work', async (req, res) => {
    res.json(await myWork(ctx, principalOf(req)));
  });
  return router;
}
