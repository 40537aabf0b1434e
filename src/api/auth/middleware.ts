import type { RequestHandler } from 'express';
import { ApiError } from '../errors';
import { type Principal, verifyToken } from './tokens';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

export function authenticate(secret: string): RequestHandler {
  return async (req, _res, next) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new ApiError(401, 'unauthenticated', 'Authorization: Bearer <token> is required');
    try {
      req.principal = await verifyToken(secret, match[1]);
    } catch {
      throw new ApiError(401, 'unauthenticated', 'The bearer token is invalid or expired');
    }
    next();
  };
}

export function principalOf(req: { principal?: Principal }): Principal {
  if (!req.principal) throw new ApiError(401, 'unauthenticated', 'Authorization: Bearer <token> is required');
  return req.principal;
}
