import { DEFAULT_SANCTION_MATRIX, type SanctionMatrix, type SanctionMatrixContent } from '../domain/sanctionMatrix';
import type { Tx } from './transaction';
import { asJson } from './json';

/** The current sanction matrix; the defaults become version 1 the first time one is needed. */
export async function currentSanctionMatrix(db: Tx): Promise<SanctionMatrix> {
  const latest = await db.sanctionMatrixVersion.findFirst({ orderBy: { version: 'desc' } });
  // Rules are validated against the matrix schema before they are stored.
  if (latest) return { version: latest.version, ...(latest.rules as unknown as SanctionMatrixContent) };
  const { version, ...rules } = DEFAULT_SANCTION_MATRIX;
  await db.sanctionMatrixVersion.createMany({ data: [{ version, rules: asJson(rules), createdBy: 'system' }], skipDuplicates: true });
  return currentSanctionMatrix(db);
}

export function findSanctionMatrixVersion(db: Tx, version: number) {
  return db.sanctionMatrixVersion.findUnique({ where: { version } });
}

/** A version that must exist (a decision names it). */
export function getSanctionMatrixVersion(db: Tx, version: number) {
  return db.sanctionMatrixVersion.findUniqueOrThrow({ where: { version } });
}

/** Records the rules as the version after the current one; cases already judged keep the version they were judged under. */
export async function createSanctionMatrixVersion(db: Tx, rules: SanctionMatrixContent, createdBy: string) {
  const current = await currentSanctionMatrix(db);
  return db.sanctionMatrixVersion.create({ data: { version: current.version + 1, rules: asJson(rules), createdBy } });
}
