import type { Request } from 'express';
import {
  type Action,
  type CaseAction,
  type CaseFacet,
  caseFacetsFor,
  caseScopeOf,
  type CaseScope,
  holdsRoleFor,
  mayReadEmployee,
  refuseCaseAction,
  rolesFor,
  unrecordedCaseFacets,
} from '../../domain/access';
import { caseAccessFacts, employeeAccessFacts } from '../../records/access';
import { principalOf } from '../auth/middleware';
import type { Principal } from '../auth/tokens';
import { noteAudit } from '../audit/trail';
import type { ApiContext } from '../context';
import { ApiError, notFound } from '../errors';

/**
 * The API's one access policy: every route asks it before acting, and it notes on the request
 * what was asked (for the audit trail). The rules themselves are in src/domain/access.ts.
 */

const forbidden = (action: Action | CaseAction) =>
  new ApiError(403, 'forbidden', `This action needs one of the roles: ${rolesFor(action).join(', ')}`);

/** The caller, if their roles allow `action` (on no particular case), else 403. */
export function authorize(req: Request, action: Action, objectId: string | null = null): Principal {
  noteAudit(req, { action, caseId: null, objectId });
  const principal = principalOf(req);
  if (!holdsRoleFor(principal, action)) throw forbidden(action);
  return principal;
}

export interface CaseAccess {
  principal: Principal;
  /** The parts of the case the caller may read. */
  facets: ReadonlySet<CaseFacet>;
}

/** The caller and what they may read of the case, if they may take `action` on it; a case hidden from them is 404. */
export async function authorizeCase(ctx: ApiContext, req: Request, caseId: string, action: CaseAction): Promise<CaseAccess> {
  noteAudit(req, { action, caseId, objectId: null });
  const principal = principalOf(req);
  const facts = await caseAccessFacts(ctx.db, caseId);
  const refusal = refuseCaseAction(principal, facts, action, ctx.access);
  if (refusal === 'hidden') throw notFound(`Case ${caseId}`);
  if (refusal === 'forbidden') throw forbidden(action);
  return { principal, facets: facts ? caseFacetsFor(principal, facts, ctx.access) : unrecordedCaseFacets(principal) };
}

/** Which cases the caller may find in lists and counts. */
export function caseScopeFor(ctx: ApiContext, principal: Principal): CaseScope {
  return caseScopeOf(principal, ctx.access);
}

/** Employee records are for HR and the deciders of the employee's cases; to anyone else the employee does not exist (404). */
export async function authorizeEmployeeRead(ctx: ApiContext, req: Request, employeeId: string): Promise<Principal> {
  const principal = authorize(req, 'employee.read', employeeId);
  const facts = await employeeAccessFacts(ctx.db, employeeId);
  if (!facts || !mayReadEmployee(principal, facts, ctx.access)) throw notFound(`Employee ${employeeId}`);
  return principal;
}

/**
 * The caller, if they may list cases; listing one employee's cases also needs the right to read that
 * employee's record (else 404), so that a list never says whose a case is to someone who may not know.
 */
export async function authorizeCaseList(ctx: ApiContext, req: Request, employeeId: string | undefined): Promise<Principal> {
  if (employeeId !== undefined) await authorizeEmployeeRead(ctx, req, employeeId);
  return authorize(req, 'case.list');
}
