import { Router } from 'express';
import { z } from 'zod';
import { sanctionMatrixSchema } from '../../domain/schemas/decisions';
import { HANDLER_ROLES } from '../../domain/vocabulary';
import { principalOf, requireRole } from '../auth/middleware';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';
import { pathParam } from '../params';
import { reviseMatrix, viewCurrentMatrix, viewMatrixVersion } from '../services/sanctionMatrix';

/** The `:version` path parameter of `GET /api/sanction-matrix/versions/:version`. */
export const matrixVersionSchema = z.coerce.number().int().min(1);

export function sanctionMatrixRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/sanction-matrix', requireRole(...HANDLER_ROLES), async (_req, res) => {
    res.json(await viewCurrentMatrix(ctx));
  });
  router.get('/sanction-matrix/versions/:version', requireRole(...HANDLER_ROLES), async (req, res) => {
    res.json(await viewMatrixVersion(ctx, parseInput(matrixVersionSchema, pathParam(req, 'version'), 'version')));
  });
  router.post('/sanction-matrix', requireRole('admin'), async (req, res) => {
    res.status(201).json(await reviseMatrix(ctx, parseInput(sanctionMatrixSchema, req.body), principalOf(req)));
  });
  return router;
}
