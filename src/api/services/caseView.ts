import { streisandRisk } from '../../domain/streisand';
import type { Severity } from '../../domain/vocabulary';
import { caseStateQuery } from '../../workflows/caseMessages';
import { findCaseFile } from '../../records/cases';
import type { ApiContext } from '../context';
import { notFound } from '../errors';
import { liveState } from './liveState';

/** A case as a handler reads it: the database record, the workflow's live state, and the timeline. */
export async function viewCase(ctx: ApiContext, caseId: string) {
  const [record, live] = await Promise.all([findCaseFile(ctx.db, caseId), liveState(ctx, caseId, caseStateQuery)]);
  if (!record && !live) throw notFound(`Case ${caseId}`);
  const state = live?.state;
  const activity = record?.activity;
  return {
    caseId,
    status: state?.status ?? record?.status,
    assessment: state?.assessment ?? (record && { kind: record.kind, category: record.category, severity: record.severity }),
    decidingRole: state?.decidingRole ?? record?.decidingRole,
    department: state?.department ?? record?.department,
    decisionDueAt: state?.decisionDueAt ?? null,
    escalations: state?.escalations ?? null,
    matrixVersion: state?.matrixVersion ?? record?.matrixVersion ?? null,
    workflow: live ? { running: live.running } : null,
    employee: record?.employee ?? null,
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
    decisions: (record?.decisions ?? []).map(({ caseId: _caseId, ...decision }) => decision),
    sanction: record?.sanction ?? null,
    content: record?.contentAction ?? null,
    opportunity: record?.opportunity ?? null,
    openedAt: record?.openedAt ?? null,
    closedAt: record?.closedAt ?? null,
    timeline: (record?.auditEvents ?? []).map((event) => ({
      at: event.at,
      actor: event.actor,
      action: event.action,
      details: event.details,
    })),
  };
}
