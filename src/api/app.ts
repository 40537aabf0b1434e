import express, { type Express } from 'express';
import swaggerUi from 'swagger-ui-express';
import { auditTrail, requestId } from './audit/trail';
import { authenticate } from './auth/middleware';
import { requestLogging } from './requestLogging';
import type { ApiContext } from './context';
import { ApiError, errorHandler } from './errors';
import { createApiMetrics } from './metrics';
import { buildOpenApiDocument } from './openapi';
import { acknowledgementRoutes } from './routes/acknowledgements';
import { activityRoutes } from './routes/activities';
import { auditRoutes } from './routes/audit';
import { campaignRoutes } from './routes/campaigns';
import { caseRoutes } from './routes/cases';
import { documentRoutes } from './routes/documents';
import { employeeRoutes } from './routes/employees';
import { explanationRoutes } from './routes/explanations';
import { healthRoutes } from './routes/health';
import { pageRoutes } from './routes/page';
import { reportRoutes } from './routes/reports';
import { signInRoutes } from './routes/signIn';
import { meRoutes } from './routes/me';
import { policyReviewRoutes } from './routes/policyReviews';
import { sanctionMatrixRoutes } from './routes/sanctionMatrix';

// Large enough for a bulk directory import of 50,000 employees.
const BODY_LIMIT = '32mb';

export function createApp(ctx: ApiContext): Express {
  const app = express();
  app.disable('x-powered-by');
  const metrics = createApiMetrics(ctx);
  app.use(metrics.httpMetrics);
  app.use(requestId);
  app.use(requestLogging(ctx.logger));
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(healthRoutes(ctx));
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use(pageRoutes(ctx), signInRoutes(ctx));
  const apiDocument = buildOpenApiDocument({ localSignIn: ctx.localSignIn, page: ctx.page !== undefined });
  app.get('/api/openapi.json', (_req, res) => {
    res.json(apiDocument);
  });
  app.use('/docs', swaggerUi.serveFiles(apiDocument), swaggerUi.setup(apiDocument));
  app.use('/api', metrics.routeMount, auditTrail(ctx.db, ctx.logger));
  app.use('/api', authenticate(ctx.authSecret));
  app.use(
    '/api',
    activityRoutes(ctx),
    caseRoutes(ctx),
    explanationRoutes(ctx),
    employeeRoutes(ctx),
    sanctionMatrixRoutes(ctx),
    meRoutes(ctx),
    documentRoutes(ctx),
    policyReviewRoutes(ctx),
    campaignRoutes(ctx),
    acknowledgementRoutes(ctx),
    auditRoutes(ctx),
    reportRoutes(ctx),
  );
  app.use((_req, _res) => {
    throw new ApiError(404, 'not_found', 'No such route');
  });
  app.use(errorHandler(ctx.logger));
  return app;
}
