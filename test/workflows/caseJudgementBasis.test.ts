import { DEFAULT_SANCTION_MATRIX } from '../../src/domain/sanctionMatrix';
import { caseState, openCase, post, sanction } from '../support/cases';
import { eventually } from '../support/fixtures';
import { startIsolatedStack } from '../support/policyReviews';
import type { Stack } from '../support/stack';

// The sanction matrix is global: this file revises it on a database of its own.
let stack: Stack;
beforeAll(async () => {
  stack = await startIsolatedStack('judgement_basis', { caseTiming: { decisionReminderMs: 300, decisionDeadlineMs: 600 } });
});
afterAll(() => stack.stop());

describe('a decision accepted while an escalation reloads the judgement basis', () => {
  it('is recorded and applied with the basis it was judged against', async () => {
    const { caseId } = await openCase(stack, { kind: 'inappropriate', category: 'harassment', severity: 'minor' });
    // Holding the case row stalls the escalation's write, so the decision lands between its validation and the reload.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const locked = stack.db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM cases WHERE id = ${caseId} FOR NO KEY UPDATE`;
        await released;
      },
      { timeout: 25_000 },
    );
    try {
      const escalated = await eventually(async () => {
        const state = await caseState(stack, caseId);
        return state.escalations === 1 ? state : undefined;
      });
      expect([escalated.decidingRole, escalated.matrixVersion]).toEqual(['social_media_lead', 1]);

      const { version: _version, ...defaults } = DEFAULT_SANCTION_MATRIX;
      const stricter = structuredClone(defaults);
      stricter.rules.harassment.minor = { min: 'written_warning', max: 'written_warning' };
      const admin = await stack.tokenFor('admin-basis', 'admin');
      const chair = await stack.tokenFor('chair-basis', 'steering_committee');
      const proposed = await post(stack, '/api/sanction-matrix', admin, stricter);
      expect(proposed.status).toBe(202);
      const approved = await post(stack, `/api/sanction-matrix/proposals/${proposed.body.id}/approval`, chair, {
        approve: true,
        note: 'Stricter.',
      });
      expect([approved.status, approved.body.version]).toEqual([200, 2]);

      const lead = await stack.tokenFor('lead-basis', 'social_media_lead');
      const decided = await post(stack, `/api/cases/${caseId}/decision`, lead, sanction('mandatory_training'));
      expect([decided.status, decided.body.decisionId]).toEqual([200, `${caseId}-d1`]);
    } finally {
      release();
      await locked;
    }
    await stack.temporal.workflow.getHandle(caseId).result();

    // The escalation reloaded the basis after the decision was accepted...
    expect(await stack.db.auditEvent.count({ where: { caseId, action: 'escalated' } })).toBe(1);
    // ...and the decision and its sanction still carry the matrix version it was judged against.
    const decision = await stack.db.decision.findUniqueOrThrow({ where: { id: `${caseId}-d1` } });
    expect([decision.sanction, decision.matrixVersion]).toEqual(['mandatory_training', 1]);
    expect((await stack.db.sanction.findUniqueOrThrow({ where: { caseId } })).matrixVersion).toBe(1);
  }, 40_000);
});
