import { Router } from 'express';
import { documentDiffQuerySchema, versionNumberSchema } from '../../domain/schemas/policy';
import type { ApiContext } from '../context';
import { parseInput } from '../errors';
import { pathParam } from '../params';
import { diffDocumentVersions, documentIdOf, listDocuments, viewDocument, viewDocumentVersion } from '../services/policyDocuments';

/** The versioned policy documents: readable by everyone signed in (employees acknowledge them). */
export function documentRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/documents', async (_req, res) => {
    res.json(await listDocuments(ctx));
  });
  router.get('/documents/:doc', async (req, res) => {
    res.json(await viewDocument(ctx, documentIdOf(pathParam(req, 'doc'))));
  });
  router.get('/documents/:doc/versions/:n', async (req, res) => {
    const documentId = documentIdOf(pathParam(req, 'doc'));
    const number = parseInput(versionNumberSchema, pathParam(req, 'n'), 'n');
    res.json(await viewDocumentVersion(ctx, documentId, number));
  });
  router.get('/documents/:doc/diff', async (req, res) => {
    const documentId = documentIdOf(pathParam(req, 'doc'));
    const { from, to, context } = parseInput(documentDiffQuerySchema, req.query, 'query');
    res.json(await diffDocumentVersions(ctx, documentId, from, to, context));
  });
  return router;
}
