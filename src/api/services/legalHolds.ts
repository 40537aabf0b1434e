import { findEmployee } from '../../records/employees';
import { type HoldTarget, placeHold, releaseHolds } from '../../records/legalHolds';
import type { Principal } from '../auth/tokens';
import type { ApiContext } from '../context';
import { ApiError, notFound } from '../errors';

async function release(ctx: ApiContext, target: HoldTarget, label: string, reason: string, principal: Principal) {
  const released = await releaseHolds(ctx.db, target, reason, principal.sub);
  if (!released) throw new ApiError(409, 'no_active_hold', `${label} is not on hold`);
  return released;
}

/** A legal hold on a case: retention and erasure leave it alone until HR releases it. */
export function placeCaseHold(ctx: ApiContext, caseId: string, reason: string, principal: Principal) {
  return placeHold(ctx.db, { caseId }, reason, principal.sub);
}

export function releaseCaseHold(ctx: ApiContext, caseId: string, reason: string, principal: Principal) {
  return release(ctx, { caseId }, `Case ${caseId}`, reason, principal);
}

/** A legal hold on an employee covers every case about them, and refuses their erasure. */
export async function placeEmployeeHold(ctx: ApiContext, employeeId: string, reason: string, principal: Principal) {
  if (!(await findEmployee(ctx.db, employeeId))) throw notFound(`Employee ${employeeId}`);
  return placeHold(ctx.db, { employeeId }, reason, principal.sub);
}

export function releaseEmployeeHold(ctx: ApiContext, employeeId: string, reason: string, principal: Principal) {
  return release(ctx, { employeeId }, `Employee ${employeeId}`, reason, principal);
}
