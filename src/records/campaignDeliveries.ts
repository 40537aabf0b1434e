import type { Tx } from './transaction';

/** Who claims a campaign e-mail: (campaign, message) and the attempt of the batch sending it. */
export interface ClaimKey {
  campaignId: string;
  message: string;
  claimedBy: string;
}

/** The server's answer to one claimed e-mail, as recorded; `released` gives the claim up (it was certainly not sent). */
export interface DeliveryAnswer {
  employeeId: string;
  status: 'sent' | 'failed' | 'in_doubt' | 'skipped' | 'released';
  detail: string;
}

/**
 * One statement, one commit: records the answers of the previous window (settled rows keep their key
 * for good; released rows are deleted) and claims the next window's keys for this attempt. Returns
 * the recipients whose claim this attempt created: only those are sent.
 */
export async function settleAndClaim(db: Tx, key: ClaimKey, answers: DeliveryAnswer[], claims: string[]): Promise<Set<string>> {
  const { campaignId, message, claimedBy } = key;
  const kept = answers.filter((a) => a.status !== 'released');
  const released = answers.filter((a) => a.status === 'released').map((a) => a.employeeId);
  // The answers are written as an upsert on the primary key (the rows exist: this attempt claimed them),
  // so each is one index probe whatever the planner believes about the table's size.
  const rows = await db.$queryRaw<{ employee_id: string }[]>`
    WITH settled AS (
      INSERT INTO campaign_deliveries (campaign_id, message, employee_id, status, claimed_by, detail, settled_at)
      SELECT ${campaignId}, ${message}, a.employee_id, a.status, ${claimedBy}, a.detail, now()
      FROM unnest(${kept.map((a) => a.employeeId)}::text[], ${kept.map((a) => a.status)}::text[],
                  ${kept.map((a) => a.detail.slice(0, 500))}::text[]) AS a(employee_id, status, detail)
      ON CONFLICT (campaign_id, message, employee_id)
      DO UPDATE SET status = EXCLUDED.status, detail = EXCLUDED.detail, settled_at = EXCLUDED.settled_at
      RETURNING employee_id
    ), released AS (
      DELETE FROM campaign_deliveries
      WHERE campaign_id = ${campaignId} AND message = ${message} AND employee_id = ANY(${released}::text[])
        AND status = 'claimed' AND claimed_by = ${claimedBy}
      RETURNING employee_id
    )
    INSERT INTO campaign_deliveries (campaign_id, message, employee_id, status, claimed_by, claimed_at)
    SELECT ${campaignId}, ${message}, id, 'claimed', ${claimedBy}, now() FROM unnest(${claims}::text[]) AS id
    ON CONFLICT DO NOTHING
    RETURNING employee_id`;
  return new Set(rows.map((row) => row.employee_id));
}

/** Claims left by attempts that died: the server may have taken them, so they are never sent again. */
export async function markInDoubt(db: Tx, key: ClaimKey): Promise<number> {
  const { campaignId, message, claimedBy } = key;
  return db.$executeRaw`
    UPDATE campaign_deliveries SET status = 'in_doubt', detail = 'claimed by an attempt that ended before recording the answer', settled_at = now()
    WHERE campaign_id = ${campaignId} AND message = ${message} AND status = 'claimed' AND claimed_by <> ${claimedBy}`;
}
