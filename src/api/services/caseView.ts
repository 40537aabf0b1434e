import { WorkflowNotFoundError } from '@temporalio/client';
import type { CaseState } from '../../domain/case';
import { caseStateQuery } from '../../workflows/messages';
import type { ApiContext } from '../context';
import { notFound } from '../errors';

async function liveState(ctx: ApiContext, caseId: string): Promise<{ running: boolean; state: CaseState } | null> {
  const handle = ctx.temporal.workflow.getHandle(caseId);
  try {
    const [description, state] = await Promise.all([handle.describe(), handle.query(caseStateQuery)]);
    return { running: description.status.name === 'RUNNING', state };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}

/** A case as a handler reads it: the database record, the workflow's live state, and the timeline. */
export async function viewCase(ctx: ApiContext, caseId: string) {
  const [record, live] = await Promise.all([
    ctx.db.case.findUnique({
      where: { id: caseId },
      include: {
        activity: true,
        employee: { select: { id: true, name: true, department: true } },
        auditEvents: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
      },
    }),
    liveState(ctx, caseId),
  ]);
  if (!record && !live) throw notFound(`Case ${caseId}`);
  return {
    caseId,
    status: live?.state.status ?? record?.status,
    assessment: live?.state.assessment ?? (record && { kind: record.kind, category: record.category, severity: record.severity }),
    decidingRole: live?.state.decidingRole ?? record?.decidingRole,
    department: live?.state.department ?? record?.department,
    decisionDueAt: live?.state.decisionDueAt ?? null,
    workflow: live ? { running: live.running } : null,
    employee: record?.employee ?? null,
    activity: record
      ? {
          source: record.activity.source,
          sourceRef: record.activity.sourceRef,
          platform: record.activity.platform,
          url: record.activity.url,
          content: record.activity.content,
          siteControlledByCompany: record.activity.siteControlledByCompany,
          detectedAt: record.activity.detectedAt,
          reach: record.activity.reach,
        }
      : null,
    openedAt: record?.openedAt ?? null,
    timeline: (record?.auditEvents ?? []).map((event) => ({
      at: event.at,
      actor: event.actor,
      action: event.action,
      details: event.details,
    })),
  };
}
