import { refuseMatrixVerdict } from '../../domain/sanctionMatrix';
import type { SanctionMatrixInput } from '../../domain/schemas/decisions';
import {
  createMatrixProposal,
  currentSanctionMatrix,
  findMatrixProposal,
  findSanctionMatrixVersion,
  matrixProposals,
  proposalOfVersion,
  settleMatrixProposal,
} from '../../records/sanctionMatrix';
import type { Principal } from '../auth/tokens';
import type { ApiContext } from '../context';
import { notFound, refusalError } from '../errors';

export function viewCurrentMatrix(ctx: ApiContext) {
  return currentSanctionMatrix(ctx.db);
}

export async function viewMatrixVersion(ctx: ApiContext, version: number) {
  const [found, proposal] = await Promise.all([findSanctionMatrixVersion(ctx.db, version), proposalOfVersion(ctx.db, version)]);
  if (!found) throw notFound(`Sanction matrix version ${version}`);
  return {
    version: found.version,
    ...(found.rules as object),
    createdBy: found.createdBy,
    approvedBy: proposal?.decidedBy ?? null,
    createdAt: found.createdAt,
  };
}

type ProposalRecord = NonNullable<Awaited<ReturnType<typeof findMatrixProposal>>>;
const proposalView = ({ rules, ...proposal }: ProposalRecord) => ({ ...proposal, rules });

/** A proposed matrix: it applies to cases only once someone else approves it. */
export async function proposeMatrix(ctx: ApiContext, rules: SanctionMatrixInput, principal: Principal) {
  return proposalView(await createMatrixProposal(ctx.db, rules, principal.sub));
}

export async function listMatrixProposals(ctx: ApiContext) {
  return { proposals: (await matrixProposals(ctx.db)).map(proposalView) };
}

/** A second person's verdict: approved, the rules become the next version (cases already judged keep theirs). */
export async function decideMatrixProposal(ctx: ApiContext, id: string, approve: boolean, note: string, principal: Principal) {
  const proposal = await findMatrixProposal(ctx.db, id);
  if (!proposal) throw notFound(`Sanction matrix proposal ${id}`);
  const refusal = refuseMatrixVerdict(proposal, principal.sub);
  if (refusal) throw refusalError(refusal);
  const settled = await settleMatrixProposal(ctx.db, id, { approve, decidedBy: principal.sub, note });
  if (!settled) throw refusalError(refuseMatrixVerdict({ ...proposal, status: 'decided' }, principal.sub)!);
  return proposalView(settled);
}
