import type { Tx } from './transaction';

/** Records the employee's acknowledgement of the campaign once; `created` is false when it was there already. */
export async function acknowledgeOnce(db: Tx, campaignId: string, employeeId: string) {
  const { count } = await db.acknowledgement.createMany({ data: [{ campaignId, employeeId }], skipDuplicates: true });
  const acknowledgement = await db.acknowledgement.findUniqueOrThrow({ where: { campaignId_employeeId: { campaignId, employeeId } } });
  return { created: count === 1, acknowledgement };
}
