import { DEFAULT_SANCTION_MATRIX, type SanctionMatrix, type SanctionMatrixContent } from '../domain/sanctionMatrix';
import type { Database } from '../platform/database';
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

/** The approved proposal that published a version (none for the defaults and versions saved before two-person approval). */
export function proposalOfVersion(db: Tx, version: number) {
  return db.sanctionMatrixProposal.findFirst({ where: { version } });
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

export function createMatrixProposal(db: Tx, rules: SanctionMatrixContent, proposedBy: string) {
  return db.sanctionMatrixProposal.create({ data: { rules: asJson(rules), proposedBy, status: 'pending' } });
}

export function findMatrixProposal(db: Tx, id: string) {
  return db.sanctionMatrixProposal.findUnique({ where: { id } });
}

export function matrixProposals(db: Tx, limit = 50) {
  return db.sanctionMatrixProposal.findMany({ orderBy: { proposedAt: 'desc' }, take: limit });
}

/**
 * Settles a pending proposal once (a concurrent verdict finds it settled: null) and, when
 * approved, publishes its rules as the next matrix version, in one transaction.
 */
export async function settleMatrixProposal(db: Database, id: string, verdict: { approve: boolean; decidedBy: string; note: string }) {
  return db.$transaction(async (tx) => {
    const claimed = await tx.sanctionMatrixProposal.updateMany({
      where: { id, status: 'pending' },
      data: { status: verdict.approve ? 'approved' : 'rejected', decidedBy: verdict.decidedBy, decidedAt: new Date(), note: verdict.note },
    });
    if (claimed.count === 0) return null;
    const proposal = await tx.sanctionMatrixProposal.findUniqueOrThrow({ where: { id } });
    if (!verdict.approve) return proposal;
    const rules = proposal.rules as unknown as SanctionMatrixContent;
    const created = await createSanctionMatrixVersion(tx, rules, proposal.proposedBy);
    return tx.sanctionMatrixProposal.update({ where: { id }, data: { version: created.version } });
  });
}
