import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../platform/logger';

/**
 * One JSON line per request, and every line logged while serving it (`req.log`) carries `requestId`:
 * the id the `requestId` middleware (audit/trail.ts) gave the request and answered as `X-Request-Id`.
 */
export function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
  });
}
