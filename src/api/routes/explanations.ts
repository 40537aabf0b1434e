import { Router } from 'express';
import { EXPLANATION_REVIEWER_ROLES, type ExplanationDraft } from '../../domain/explanation';
import {
  explanationApprovalSchema,
  explanationEditSchema,
  explanationWithdrawalSchema,
  lessonPageSchema,
} from '../../domain/schemas/explanations';
import { HANDLER_ROLES } from '../../domain/vocabulary';
import { approveExplanationUpdate, caseStateQuery, editExplanationUpdate, withdrawExplanationUpdate } from '../../workflows/caseMessages';
import { principalOf, requireRole } from '../auth/middleware';
import type { ApiContext } from '../context';
import { notFound, parseInput } from '../errors';
import { pathParam } from '../params';
import { updateCase } from '../services/workflowUpdates';

export function explanationRoutes(ctx: ApiContext): Router {
  const router = Router();

  /** The lesson as it stands: live from the case while it is under review, else as recorded. */
  router.get('/cases/:caseId/explanation', requireRole(...HANDLER_ROLES), async (req, res) => {
    const caseId = pathParam(req, 'caseId');
    const record = await ctx.db.explanation.findUnique({ where: { caseId } });
    const live = await ctx.temporal.workflow
      .getHandle(caseId)
      .query(caseStateQuery)
      .then((state) => state.explanation)
      .catch(() => null);
    if (!live && !record) throw notFound(`An explanation for case ${caseId}`);
    res.json({
      caseId,
      ...(live ?? { kind: record!.kind, title: record!.title, parts: record!.parts, status: record!.status, revision: record!.revision }),
      publishAt: live?.publishAt ?? record?.publishAt ?? null,
      publishedAt: record?.publishedAt ?? null,
      withdrawnAt: record?.withdrawnAt ?? null,
    });
  });
  router.put('/cases/:caseId/explanation', requireRole(...EXPLANATION_REVIEWER_ROLES), async (req, res) => {
    const { title, parts } = parseInput(explanationEditSchema, req.body);
    const state = await updateCase(ctx, pathParam(req, 'caseId'), editExplanationUpdate, {
      editor: principalOf(req),
      title,
      parts: parts as ExplanationDraft['parts'],
    });
    res.json(state.explanation);
  });
  router.post('/cases/:caseId/explanation/approve', requireRole(...EXPLANATION_REVIEWER_ROLES), async (req, res) => {
    const { publishAt } = parseInput(explanationApprovalSchema, req.body ?? {});
    const state = await updateCase(ctx, pathParam(req, 'caseId'), approveExplanationUpdate, { approver: principalOf(req), publishAt });
    res.json(state.explanation);
  });
  router.post('/cases/:caseId/explanation/withdraw', requireRole(...EXPLANATION_REVIEWER_ROLES), async (req, res) => {
    const { reason } = parseInput(explanationWithdrawalSchema, req.body);
    const state = await updateCase(ctx, pathParam(req, 'caseId'), withdrawExplanationUpdate, { by: principalOf(req), reason });
    res.json(state.explanation);
  });

  /** The community feed: every employee reads the published lessons, newest first. */
  router.get('/lessons', async (req, res) => {
    const page = parseInput(lessonPageSchema, req.query, 'query');
    const lessons = await ctx.db.explanation.findMany({
      where: { status: 'published', publishedAt: page.before ? { lt: new Date(page.before) } : undefined },
      orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
      take: page.limit,
      select: { id: true, kind: true, title: true, parts: true, publishedAt: true },
    });
    const last = lessons[lessons.length - 1];
    res.json({ lessons, nextBefore: lessons.length === page.limit && last?.publishedAt ? last.publishedAt.toISOString() : null });
  });
  return router;
}
