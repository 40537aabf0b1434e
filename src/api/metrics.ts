import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { overdueDecisions } from '../domain/consistencyReport';
import { casesAwaitingDecision } from '../records/consistency';
import { pendingRemovalCount, runningCampaignCoverage } from '../records/operations';
import { DECIDING_ROLES } from '../domain/vocabulary';
import type { ApiContext } from './context';
import { openCasesByStatus } from './services/caseCounts';

export interface ApiMetrics {
  registry: Registry;
  /** Mounted with the routers it counts, so that a route's label keeps its mount point even when an error answers it. */
  routeMount: RequestHandler;
  /** Counts and times every request by method, route pattern (never the raw path) and status. */
  httpMetrics: RequestHandler;
}

/** The route a request matched, as declared (`/api/cases/:caseId`): ids stay out of labels. */
function routeOf(req: Parameters<RequestHandler>[0], mount: string | undefined): string {
  return req.route?.path ? `${mount ?? req.baseUrl}${String(req.route.path)}` : 'unmatched';
}

/** The API's Prometheus metrics: HTTP traffic, the Node process, and gauges of the work in progress read from the database at each scrape. */
export function createApiMetrics(ctx: Pick<ApiContext, 'db' | 'temporal' | 'taskQueue'>): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered', labelNames, registers: [registry] });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const httpMetrics: RequestHandler = (req, res, next) => {
    const stopTimer = latency.startTimer();
    res.once('finish', () => {
      const labels = { method: req.method, route: routeOf(req, res.locals.routeMount), status: String(res.statusCode) };
      requests.inc(labels);
      stopTimer(labels);
    });
    next();
  };

  new Gauge({
    name: 'case_governance_open_cases',
    help: 'Running cases of this task queue by status (Temporal visibility: the CaseStatus search attribute)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      for (const { status, count } of await openCasesByStatus(ctx)) this.set({ status }, count);
    },
  });
  new Gauge({
    name: 'case_governance_overdue_decisions',
    help: 'Open cases past the decision deadline of the level they are at, by deciding role',
    labelNames: ['deciding_role'],
    registers: [registry],
    async collect() {
      const overdue = overdueDecisions(await casesAwaitingDecision(ctx.db), Date.now());
      for (const role of DECIDING_ROLES) this.set({ deciding_role: role }, overdue.filter((item) => item.decidingRole === role).length);
    },
  });
  new Gauge({
    name: 'case_governance_pending_removals',
    help: 'Removal requests awaiting news from the platform',
    registers: [registry],
    async collect() {
      this.set(await pendingRemovalCount(ctx.db));
    },
  });
  new Gauge({
    name: 'case_governance_campaign_coverage_ratio',
    help: 'Share of a running campaign audience that acknowledged the revised policy',
    labelNames: ['campaign'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const campaign of await runningCampaignCoverage(ctx.db)) {
        this.set({ campaign: campaign.campaignId }, campaign.recipients === 0 ? 0 : campaign.acknowledged / campaign.recipients);
      }
    },
  });
  const routeMount: RequestHandler = (req, res, next) => {
    res.locals.routeMount = req.baseUrl;
    next();
  };
  return { registry, httpMetrics, routeMount };
}
