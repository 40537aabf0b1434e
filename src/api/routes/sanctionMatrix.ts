import { Router } from 'express';
import { z } from 'zod';
import { asJson } from '../../records/json';
import { currentSanctionMatrix } from '../../records/sanctionMatrix';
import { sanctionMatrixSchema } from '../../domain/schemas/decisions';
import { HANDLER_ROLES } from '../../domain/vocabulary';
import { principalOf, requireRole } from '../auth/middleware';
import type { ApiContext } from '../context';
import { notFound, parseInput } from '../errors';
import { pathParam } from '../params';

/** The `:version` path parameter of `GET /api/sanction-matrix/versions/:version`. */
export const matrixVersionSchema = z.coerce.number().int().min(1);

export function sanctionMatrixRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/sanction-matrix', requireRole(...HANDLER_ROLES), async (_req, res) => {
    res.json(await currentSanctionMatrix(ctx.db));
  });
  router.get('/sanction-matrix/versions/:version', requireRole(...HANDLER_ROLES), async (req, res) => {
    const version = parseInput(matrixVersionSchema, pathParam(req, 'version'), 'version');
    const found = await ctx.db.sanctionMatrixVersion.findUnique({ where: { version } });
    if (!found) throw notFound(`Sanction matrix version ${version}`);
    res.json({ version: found.version, ...(found.rules as object), createdBy: found.createdBy, createdAt: found.createdAt });
  });
  /** A new version; cases already judged keep the version they were judged under. */
  router.post('/sanction-matrix', requireRole('admin'), async (req, res) => {
    const rules = parseInput(sanctionMatrixSchema, req.body);
    const current = await currentSanctionMatrix(ctx.db);
    const created = await ctx.db.sanctionMatrixVersion.create({
      data: { version: current.version + 1, rules: asJson(rules), createdBy: principalOf(req).sub },
    });
    res.status(201).json({ version: created.version, ...rules });
  });
  return router;
}
