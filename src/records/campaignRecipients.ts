import type { Tx } from './transaction';

export interface RecipientRow {
  employee_id: string;
  email: string | null;
  name: string | null;
  active: boolean | null;
  delivered: number | null;
  acknowledged: number | null;
}

/**
 * The next `take` recipients in id order after `after` (an index range, whatever the table's
 * statistics), each with what decides whether they still need `message`: active, sent it already,
 * acknowledged. The checks are per-row lookups on primary keys.
 */
export function recipientsAfter(db: Tx, campaignId: string, message: string, after: string, take: number): Promise<RecipientRow[]> {
  return db.$queryRaw<RecipientRow[]>`
    SELECT r.employee_id, e.email, e.name, e.active,
           (SELECT 1 FROM campaign_deliveries d
            WHERE d.campaign_id = ${campaignId} AND d.message = ${message} AND d.employee_id = r.employee_id) AS delivered,
           (SELECT 1 FROM acknowledgements a WHERE a.campaign_id = ${campaignId} AND a.employee_id = r.employee_id) AS acknowledged
    FROM (SELECT employee_id FROM campaign_recipients
          WHERE campaign_id = ${campaignId} AND employee_id > ${after}
          ORDER BY employee_id LIMIT ${take}) r
    LEFT JOIN employees e ON e.id = r.employee_id
    ORDER BY r.employee_id`;
}

/** Managers (up to `take`, in id order after `after`) with direct reports who have not acknowledged, and who have not had their report. */
export function managersAwaitingReport(db: Tx, campaignId: string, after: string, take: number) {
  return db.$queryRaw<{ id: string; email: string; name: string }[]>`
    SELECT m.id, m.email, m.name
    FROM employees m
    WHERE m.active AND m.id > ${after}
      AND EXISTS (SELECT 1 FROM employees e
                  JOIN campaign_recipients r ON r.campaign_id = ${campaignId} AND r.employee_id = e.id
                  WHERE e.manager_id = m.id AND e.active
                    AND NOT EXISTS (SELECT 1 FROM acknowledgements a WHERE a.campaign_id = ${campaignId} AND a.employee_id = e.id))
      AND NOT EXISTS (SELECT 1 FROM campaign_deliveries d
                      WHERE d.campaign_id = ${campaignId} AND d.message = 'manager-report' AND d.employee_id = m.id)
    ORDER BY m.id
    LIMIT ${take}`;
}

/** The direct reports of these managers who are recipients and have not acknowledged, by name. */
export function reportsNotAcknowledged(db: Tx, campaignId: string, managerIds: string[]) {
  return db.$queryRaw<{ manager_id: string; id: string; name: string; department: string }[]>`
    SELECT e.manager_id, e.id, e.name, r.department
    FROM employees e
    JOIN campaign_recipients r ON r.campaign_id = ${campaignId} AND r.employee_id = e.id
    WHERE e.manager_id = ANY(${managerIds}::text[]) AND e.active
      AND NOT EXISTS (SELECT 1 FROM acknowledgements a WHERE a.campaign_id = ${campaignId} AND a.employee_id = e.id)
    ORDER BY e.name, e.id`;
}

/** Whether the campaign addresses the employee (they were in the directory when it opened). */
export async function isRecipient(db: Tx, campaignId: string, employeeId: string): Promise<boolean> {
  return (await db.campaignRecipient.findUnique({ where: { campaignId_employeeId: { campaignId, employeeId } } })) !== null;
}
