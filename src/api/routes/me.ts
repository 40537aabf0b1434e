import { Router } from 'express';
import { z } from 'zod';
import { inboxesOf } from '../../domain/inboxes';
import { principalOf } from '../auth/middleware';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';

/** The query of `GET /api/me/notifications`. */
export const pageSchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), before: z.iso.datetime().optional() });

export function meRoutes(ctx: ApiContext): Router {
  const router = Router();
  /** The caller's inbox: messages to them by id and to each of their roles, newest first. */
  router.get('/me/notifications', async (req, res) => {
    const principal = principalOf(req);
    const page = parseInput(pageSchema, req.query, 'query');
    const notifications = await ctx.db.notification.findMany({
      where: { recipient: { in: inboxesOf(principal) }, sentAt: page.before ? { lt: new Date(page.before) } : undefined },
      orderBy: { sentAt: 'desc' },
      take: page.limit,
      select: { recipient: true, subject: true, body: true, caseId: true, sentAt: true },
    });
    res.json({ notifications });
  });
  return router;
}
