import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import { authenticate } from './auth/middleware';
import type { ApiContext } from './context';
import { ApiError, errorHandler } from './errors';
import { activityRoutes } from './routes/activities';
import { caseRoutes } from './routes/cases';
import { employeeRoutes } from './routes/employees';
import { healthRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { sanctionMatrixRoutes } from './routes/sanctionMatrix';

// Large enough for a bulk directory import of 50,000 employees.
const BODY_LIMIT = '32mb';

export function createApp(ctx: ApiContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(pinoHttp({ logger: ctx.logger, autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(healthRoutes(ctx));
  app.use('/api', authenticate(ctx.authSecret));
  app.use('/api', activityRoutes(ctx), caseRoutes(ctx), employeeRoutes(ctx), sanctionMatrixRoutes(ctx), meRoutes(ctx));
  app.use((_req, _res) => {
    throw new ApiError(404, 'not_found', 'No such route');
  });
  app.use(errorHandler(ctx.logger));
  return app;
}
