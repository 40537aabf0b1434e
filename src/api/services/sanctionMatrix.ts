import type { SanctionMatrixInput } from '../../domain/schemas/decisions';
import { createSanctionMatrixVersion, currentSanctionMatrix, findSanctionMatrixVersion } from '../../records/sanctionMatrix';
import type { Principal } from '../auth/tokens';
import type { ApiContext } from '../context';
import { notFound } from '../errors';

export function viewCurrentMatrix(ctx: ApiContext) {
  return currentSanctionMatrix(ctx.db);
}

export async function viewMatrixVersion(ctx: ApiContext, version: number) {
  const found = await findSanctionMatrixVersion(ctx.db, version);
  if (!found) throw notFound(`Sanction matrix version ${version}`);
  return { version: found.version, ...(found.rules as object), createdBy: found.createdBy, createdAt: found.createdAt };
}

/** A new version; cases already judged keep the version they were judged under. */
export async function reviseMatrix(ctx: ApiContext, rules: SanctionMatrixInput, principal: Principal) {
  const created = await createSanctionMatrixVersion(ctx.db, rules, principal.sub);
  return { version: created.version, ...rules };
}
