import { identifierSpans } from '../../domain/anonymisation';
import { refusePublicationDate } from '../../domain/explanation';
import { caseExists, getCaseFacts, identifiersOf } from '../../records/cases';
import { findExplanation, publishedLessons } from '../../records/explanations';
import { caseStateQuery } from '../../workflows/caseMessages';
import type { ApiContext } from '../context';
import { notFound, refusalError } from '../errors';

/** Refuses (422 publish_too_soon) a publication date closer than the configured minimum delay. */
export function assertPublicationDelay(ctx: ApiContext, publishAt: string | null): void {
  const refusal = refusePublicationDate(publishAt, Date.now(), ctx.access.minPublicationDelayMs);
  if (refusal) throw refusalError(refusal);
}

/** A case's lesson as it stands: live from the case while it is under review, else as recorded. */
export async function viewExplanation(ctx: ApiContext, caseId: string) {
  const record = await findExplanation(ctx.db, caseId);
  const live = await ctx.temporal.workflow
    .getHandle(caseId)
    .query(caseStateQuery)
    .then((state) => state.explanation)
    .catch(() => null);
  if (!live && !record) throw notFound(`An explanation for case ${caseId}`);
  return {
    caseId,
    ...(live ?? { kind: record!.kind, title: record!.title, parts: record!.parts, status: record!.status, revision: record!.revision }),
    publishAt: live?.publishAt ?? record?.publishAt ?? null,
    publishedAt: record?.publishedAt ?? null,
    withdrawnAt: record?.withdrawnAt ?? null,
  };
}

/** The community feed: every employee reads the published lessons, newest first. */
export async function lessonFeed(ctx: ApiContext, page: { limit: number; before?: string }) {
  const lessons = await publishedLessons(ctx.db, page);
  const last = lessons[lessons.length - 1];
  return { lessons, nextBefore: lessons.length === page.limit && last?.publishedAt ? last.publishedAt.toISOString() : null };
}

/**
 * The anonymisation check of a text being edited, without sending it to the case: every identifier of
 * the employee it still contains, with where it stands, so the editor can highlight them.
 */
export async function checkExplanation(ctx: ApiContext, caseId: string, draft: { title: string; parts: { key: string; text: string }[] }) {
  if (!(await caseExists(ctx.db, caseId))) throw notFound(`Case ${caseId}`);
  const identifiers = identifiersOf(await getCaseFacts(ctx.db, caseId));
  const fields = [
    { field: 'title', key: 'title', text: draft.title },
    ...draft.parts.map((part, i) => ({ field: `parts.${i}.text`, key: part.key, text: part.text })),
  ];
  const findings = fields.flatMap(({ field, key, text }) => identifierSpans(text, identifiers).map((span) => ({ field, key, ...span })));
  return { clean: findings.length === 0, findings };
}
