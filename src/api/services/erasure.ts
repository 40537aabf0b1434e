import { findEmployee } from '../../records/employees';
import { activeHoldsOn } from '../../records/legalHolds';
import { caseIdsOf, eraseEmployeeData, openCasesOf } from '../../records/pseudonymisation';
import type { Principal } from '../auth/tokens';
import type { ApiContext } from '../context';
import { ApiError, notFound } from '../errors';

/**
 * An erasure request: pseudonymises the employee's personal data in PostgreSQL and reports what it
 * did. It stops nothing in flight: refused (409) while a case of theirs is open, so that every
 * case finishes, or while they or one of their cases is on legal hold.
 */
export async function eraseEmployee(ctx: ApiContext, employeeId: string, principal: Principal) {
  const employee = await findEmployee(ctx.db, employeeId);
  if (!employee) throw notFound(`Employee ${employeeId}`);
  if (employee.erasedAt) return { employeeId, erasedAt: employee.erasedAt, alreadyErased: true, cases: 0, notifications: 0 };
  const open = await openCasesOf(ctx.db, employeeId);
  if (open.length > 0) {
    throw new ApiError(
      409,
      'open_case',
      `Employee ${employeeId} has open cases (${open.map((c) => c.id).join(', ')}): erase them once they are closed`,
    );
  }
  const holds = await activeHoldsOn(ctx.db, employeeId, await caseIdsOf(ctx.db, employeeId));
  if (holds.length > 0) {
    const what = holds.map((hold) => (hold.caseId ? `case ${hold.caseId}` : `employee ${hold.employeeId}`));
    throw new ApiError(409, 'legal_hold', `A legal hold is active on ${what.join(', ')}`);
  }
  const report = await eraseEmployeeData(ctx.db, employeeId);
  ctx.logger.info({ employeeId, by: principal.sub, cases: report.cases }, 'employee erased');
  return { employeeId, alreadyErased: false, ...report };
}
