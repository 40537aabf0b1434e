import type { CapitalizeDecision } from '../domain/decisions';
import type { Database } from '../platform/database';
import { audit, type AuditEntry } from './auditTrail';
import { deliver, type InboxMessage } from './inbox';

/** Records the opportunity of a positive case once, with the messages that share and amplify it and its timeline event. */
export async function saveOpportunity(
  db: Database,
  opportunity: { caseId: string; plan: CapitalizeDecision['plan']; followUpDueAt: string },
  messages: InboxMessage[],
  event: AuditEntry,
): Promise<void> {
  const { caseId, plan } = opportunity;
  await db.$transaction(async (tx) => {
    await tx.opportunity.upsert({
      where: { caseId },
      update: {},
      create: {
        caseId,
        amplify: plan.amplify,
        shareInsightWith: plan.shareInsightWith,
        reproduce: plan.reproduce,
        insightSharedAt: new Date(),
        followUpDueAt: new Date(opportunity.followUpDueAt),
      },
    });
    await deliver(tx, ...messages);
    await audit(tx, event);
  });
}

/** Records whether the success was reproduced (null: nobody answered). */
export async function saveFollowUp(
  db: Database,
  followUp: { caseId: string; reproduced: boolean | null; note: string },
  event: AuditEntry,
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.opportunity.update({
      where: { caseId: followUp.caseId },
      data: { reproduced: followUp.reproduced, followUpNote: followUp.note },
    });
    await audit(tx, event);
  });
}
