import type { CaseFacet } from '../../domain/access';
import { streisandRisk } from '../../domain/streisand';
import type { Severity } from '../../domain/vocabulary';
import { caseStateQuery } from '../../workflows/caseMessages';
import { findCaseFile } from '../../records/cases';
import type { CaseAccess } from '../access/policy';
import type { ApiContext } from '../context';
import { notFound } from '../errors';
import { liveState } from './liveState';

/**
 * A case as the caller may read it: the database record, the workflow's live state, and the
 * timeline, each part only where the access policy grants its facet (`visible` lists them).
 */
export async function viewCase(ctx: ApiContext, caseId: string, access: CaseAccess) {
  const [record, live] = await Promise.all([findCaseFile(ctx.db, caseId), liveState(ctx, caseId, caseStateQuery)]);
  if (!record && !live) throw notFound(`Case ${caseId}`);
  const sees = (facet: CaseFacet) => access.facets.has(facet);
  const state = live?.state;
  const activity = sees('content') ? record?.activity : undefined;
  const judgement = sees('judgement');
  return {
    caseId,
    visible: [...access.facets],
    status: state?.status ?? record?.status,
    assessment: state?.assessment ?? (record && { kind: record.kind, category: record.category, severity: record.severity }),
    decidingRole: state?.decidingRole ?? record?.decidingRole,
    department: state?.department ?? record?.department,
    decisionDueAt: state?.decisionDueAt ?? null,
    escalations: judgement ? (state?.escalations ?? null) : null,
    matrixVersion: state?.matrixVersion ?? record?.matrixVersion ?? null,
    workflow: live ? { running: live.running } : null,
    employee: sees('subject') ? (record?.employee ?? null) : null,
    activity: activity
      ? {
          source: activity.source,
          sourceRef: activity.sourceRef,
          platform: activity.platform,
          url: activity.url,
          content: activity.content,
          siteControlledByCompany: activity.siteControlledByCompany,
          detectedAt: activity.detectedAt,
          reach: activity.reach,
        }
      : null,
    // Advice for the content choice on an external site; the decision stays human.
    streisandRisk:
      activity && activity.kind === 'inappropriate' && !activity.siteControlledByCompany
        ? streisandRisk(activity.reach, activity.severity as Severity)
        : null,
    pending: state ? { decision: state.status === 'awaiting_decision', approval: state.status === 'awaiting_approval' } : null,
    decisions: judgement ? (record?.decisions ?? []).map(({ caseId: _caseId, ...decision }) => decision) : [],
    sanction: sees('sanction') ? (record?.sanction ?? null) : null,
    content: sees('content') ? (record?.contentAction ?? null) : null,
    opportunity: sees('opportunity') ? (record?.opportunity ?? null) : null,
    openedAt: record?.openedAt ?? null,
    closedAt: record?.closedAt ?? null,
    timeline: judgement
      ? (record?.auditEvents ?? []).map((event) => ({ at: event.at, actor: event.actor, action: event.action, details: event.details }))
      : [],
  };
}
