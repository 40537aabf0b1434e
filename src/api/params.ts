import type { Request } from 'express';

/** A named path parameter as one string (Express types allow arrays for wildcard segments). */
export function pathParam(req: Request, name: string): string {
  const value = req.params[name];
  return Array.isArray(value) ? value.join('/') : String(value);
}
