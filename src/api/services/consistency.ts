import { type ConsistencyReport, consistencyReport } from '../../domain/consistencyReport';
import type { ReportPeriod } from '../../domain/schemas/reports';
import { casesAwaitingDecision, decisionsInForce, escalationsBetween } from '../../records/consistency';
import type { ApiContext } from '../context';

/** The consistency dashboard's figures for a period (overdue cases as of now). */
export async function consistencyOf(ctx: ApiContext, period: ReportPeriod): Promise<ConsistencyReport> {
  const [decisions, awaitingDecision, escalations] = await Promise.all([
    decisionsInForce(ctx.db, period.from, period.to),
    casesAwaitingDecision(ctx.db),
    escalationsBetween(ctx.db, period.from, period.to),
  ]);
  return consistencyReport({ period, decisions, awaitingDecision, escalations, now: Date.now() });
}
