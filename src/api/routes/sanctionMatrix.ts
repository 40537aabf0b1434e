import { Router } from 'express';
import { z } from 'zod';
import { matrixVerdictSchema, sanctionMatrixSchema } from '../../domain/schemas/decisions';
import { authorize } from '../access/policy';
import { noteAuditTarget } from '../audit/trail';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';
import { pathParam } from '../params';
import { decideMatrixProposal, listMatrixProposals, proposeMatrix, viewCurrentMatrix, viewMatrixVersion } from '../services/sanctionMatrix';

/** The `:version` path parameter of `GET /api/sanction-matrix/versions/:version`. */
export const matrixVersionSchema = z.coerce.number().int().min(1);

/** The sanction matrix: read by handlers; a new version is proposed by one person and approved by another. */
export function sanctionMatrixRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/sanction-matrix', async (req, res) => {
    authorize(req, 'matrix.read');
    res.json(await viewCurrentMatrix(ctx));
  });
  router.get('/sanction-matrix/versions/:version', async (req, res) => {
    authorize(req, 'matrix.read');
    res.json(await viewMatrixVersion(ctx, parseInput(matrixVersionSchema, pathParam(req, 'version'), 'version')));
  });
  router.post('/sanction-matrix', async (req, res) => {
    const principal = authorize(req, 'matrix.propose');
    const proposal = await proposeMatrix(ctx, parseInput(sanctionMatrixSchema, req.body), principal);
    noteAuditTarget(req, { objectId: proposal.id });
    res.status(202).json(proposal);
  });
  router.get('/sanction-matrix/proposals', async (req, res) => {
    authorize(req, 'matrix.read');
    res.json(await listMatrixProposals(ctx));
  });
  router.post('/sanction-matrix/proposals/:id/approval', async (req, res) => {
    const principal = authorize(req, 'matrix.approve', pathParam(req, 'id'));
    const { approve, note } = parseInput(matrixVerdictSchema, req.body);
    res.json(await decideMatrixProposal(ctx, pathParam(req, 'id'), approve, note, principal));
  });
  return router;
}
