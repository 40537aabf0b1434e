import { acceptedUpdates, actionsOf, caseState, closedCase, openCase, post, sanction, waitForStatus } from '../support/cases';
import { hireEmployee } from '../support/fixtures';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let committee: string;
let otherMember: string;
let hr: string;

beforeAll(async () => {
  stack = await startStack();
  committee = await stack.tokenFor('committee-chair', 'steering_committee');
  otherMember = await stack.tokenFor('committee-member', 'steering_committee');
  hr = await stack.tokenFor('hr-partner', 'hr');
});
afterAll(() => stack.stop());

const decide = (caseId: string, token: string, body: object) => post(stack, `/api/cases/${caseId}/decision`, token, body);
const approve = (caseId: string, token: string, approveIt: boolean) =>
  post(stack, `/api/cases/${caseId}/approval`, token, {
    approve: approveIt,
    rationale: approveIt ? 'Proportionate.' : 'Too harsh for a first case.',
  });

// Each test judges its own act (category/severity), so precedents of one never bind another.
describe('the decision validator', () => {
  it.each([
    ['a role the case is not routed to', 'wrong_role', 403, 'social_media_lead', sanction('written_warning')],
    ['a sanction outside the matrix range', 'disproportionate', 422, 'steering_committee', sanction('conversation')],
    [
      'capitalising on inappropriate activity',
      'outcome_mismatch',
      422,
      'steering_committee',
      {
        outcome: 'capitalize',
        plan: { amplify: true, shareInsightWith: 'product', reproduce: 'x' },
        rationale: 'r',
      },
    ],
    [
      'a reclassification into a positive category',
      'invalid_reclassification',
      422,
      'steering_committee',
      sanction('written_warning', { reclassify: { category: 'viral_content', severity: 'minor' } }),
    ],
    [
      'removing content from a site the company does not control',
      'cannot_remove_external',
      422,
      'steering_committee',
      sanction('written_warning', { content: { action: 'remove', rationale: 'Take it down.' } }),
    ],
  ])('refuses %s (%s, %i) before it enters history', async (_label, code, status, role, body) => {
    const { caseId } = await openCase(stack, { kind: 'inappropriate', category: 'harassment', severity: 'serious' });
    const token = await stack.tokenFor(`decider-${role}`, role as 'steering_committee');
    const response = await decide(caseId, token, body);
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.message.length).toBeGreaterThan(20);
    expect(await acceptedUpdates(stack, caseId)).toBe(0);
    expect((await caseState(stack, caseId)).status).toBe('awaiting_decision');
    expect(await stack.db.decision.count({ where: { caseId } })).toBe(0);
  });

  it('refuses the employee the case is about, even on the committee (403 own_case)', async () => {
    const employeeId = await hireEmployee(stack);
    const { caseId } = await openCase(stack, { kind: 'inappropriate', category: 'harassment', severity: 'serious' }, { employeeId });
    const self = await stack.tokenFor(employeeId, 'steering_committee');
    const response = await decide(caseId, self, sanction('written_warning'));
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('own_case');
  });

  it('refuses a second decision (409 already_decided) and a malformed one (400 naming the field)', async () => {
    const { caseId } = await openCase(stack, { kind: 'inappropriate', category: 'error_of_judgement', severity: 'minor' });
    const lead = await stack.tokenFor('lead-1', 'social_media_lead');
    const malformed = await decide(caseId, lead, {
      outcome: 'sanction',
      sanction: 'flogging',
      rationale: 'r',
      content: { action: 'leave', rationale: 'r' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields.map((field: { path: string }) => field.path)).toEqual(['sanction']);
    expect((await decide(caseId, lead, sanction('conversation'))).status).toBe(200);
    const again = await decide(caseId, lead, sanction('conversation'));
    expect(again.status).toBe(409);
    expect(['already_decided', 'case_closed']).toContain(again.body.error.code);
    expect(await stack.db.decision.count({ where: { caseId } })).toBeLessThanOrEqual(1);
  });

  it('weighs prior sanctioned cases: a repeat offence moves the allowed range up the ladder', async () => {
    const employeeId = await hireEmployee(stack);
    const lead = await stack.tokenFor('lead-2', 'social_media_lead');
    const first = await openCase(stack, { kind: 'inappropriate', category: 'error_of_judgement', severity: 'moderate' }, { employeeId });
    expect((await decide(first.caseId, lead, sanction('conversation'))).status).toBe(200);
    await stack.temporal.workflow.getHandle(first.caseId).result();

    const second = await openCase(stack, { kind: 'inappropriate', category: 'error_of_judgement', severity: 'moderate' }, { employeeId });
    const tooMild = await decide(second.caseId, lead, sanction('conversation'));
    expect(tooMild.status).toBe(422);
    expect(tooMild.body.error.code).toBe('disproportionate');
    expect(tooMild.body.error.message).toContain('1 prior sanctioned case');
    expect((await decide(second.caseId, lead, sanction('mandatory_training'))).status).toBe(200);
  });
});

describe('consistency with precedent', () => {
  it('requires a written justification to depart from how the same act was sanctioned, and records it', async () => {
    const act = { kind: 'inappropriate', category: 'inappropriate_media', severity: 'moderate' } as const;
    const lead = await stack.tokenFor('lead-3', 'social_media_lead');
    const precedent = await openCase(stack, act);
    expect((await decide(precedent.caseId, lead, sanction('mandatory_training'))).status).toBe(200);
    await stack.temporal.workflow.getHandle(precedent.caseId).result();

    const { caseId } = await openCase(stack, act);
    const unjustified = await decide(caseId, lead, sanction('written_warning'));
    expect(unjustified.status).toBe(422);
    expect(unjustified.body.error.code).toBe('inconsistent_with_precedent');
    expect(unjustified.body.error.message).toContain('mandatory_training in 1 comparable case');

    const precedents = await stack.http.get(`/api/cases/${caseId}/precedents`).set('Authorization', `Bearer ${lead}`);
    expect(precedents.body.established.firstOffence).toEqual({ sanction: 'mandatory_training', count: 1 });
    expect(precedents.body.allowed.allowed).toEqual(['mandatory_training', 'written_warning']);
    expect(precedents.body.precedents.map((p: { caseId: string }) => p.caseId)).toEqual([precedent.caseId]);

    const justification = 'The photos were shared with customers, which the earlier case did not do.';
    expect((await decide(caseId, lead, sanction('written_warning', { justification }))).status).toBe(200);
    const view = await closedCase(stack, caseId, lead);
    expect(view.decisions[0]).toMatchObject({ sanction: 'written_warning', justification, approvalStatus: 'not_required' });
    expect(view.sanction).toMatchObject({ type: 'written_warning', matrixVersion: 1 });
  });

  it('accepts the established sanction without any justification', async () => {
    const act = { kind: 'inappropriate', category: 'disparaging_employer', severity: 'serious' } as const;
    const first = await openCase(stack, act);
    expect((await decide(first.caseId, committee, sanction('suspension'))).status).toBe(200);
    expect((await approve(first.caseId, hr, true)).status).toBe(200);
    await stack.temporal.workflow.getHandle(first.caseId).result();
    const { caseId } = await openCase(stack, act);
    expect((await decide(caseId, otherMember, sanction('suspension'))).status).toBe(200);
  });
});

describe('four-eyes approval of harsh sanctions', () => {
  const act = { kind: 'inappropriate', category: 'harassment', severity: 'critical' } as const;

  it('waits for a second approver who is not the decider, then applies the sanction', async () => {
    const { caseId, employeeId, managerId } = await openCase(stack, act);
    const decided = await decide(caseId, committee, sanction('suspension'));
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('awaiting_approval');
    expect(await stack.db.sanction.count({ where: { caseId } })).toBe(0);

    const self = await approve(caseId, committee, true);
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('four_eyes');
    const manager = await stack.tokenFor(managerId!, 'manager');
    expect((await approve(caseId, manager, true)).status).toBe(403);

    expect((await approve(caseId, hr, true)).status).toBe(200);
    const view = await closedCase(stack, caseId, hr);
    expect(view.sanction).toMatchObject({ type: 'suspension', employeeId });
    expect(view.decisions[0].approvals[0]).toMatchObject({ approvedBy: 'hr-partner', approve: true });
    expect(actionsOf(view)).toEqual([
      'case_opened',
      'decision_taken',
      'decision_approved',
      'sanction_applied',
      'content_left',
      'case_closed',
    ]);
    const notices = await stack.db.notification.findMany({
      where: { caseId, idempotencyKey: { startsWith: `${caseId}:sanction-notice` } },
    });
    expect(notices.map((notice) => notice.recipient).sort()).toEqual([`employee:${employeeId}`, `employee:${managerId}`].sort());
  });

  it('sends a refused sanction back to the decider, who decides again', async () => {
    const { caseId } = await openCase(stack, { ...act, category: 'confidential_information_disclosure' });
    expect((await decide(caseId, committee, sanction('termination'))).status).toBe(200);
    const refused = await approve(caseId, otherMember, false);
    expect(refused.status).toBe(200);
    expect(refused.body.status).toBe('awaiting_decision');
    await waitForStatus(stack, caseId, 'awaiting_decision');
    expect((await approve(caseId, hr, true)).status).toBe(409);

    expect((await decide(caseId, committee, sanction('suspension'))).status).toBe(200);
    expect((await approve(caseId, hr, true)).status).toBe(200);
    const view = await closedCase(stack, caseId, hr);
    expect(view.sanction.type).toBe('suspension');
    expect(view.decisions.map((d: { sanction: string; approvalStatus: string }) => [d.sanction, d.approvalStatus])).toEqual([
      ['termination', 'refused'],
      ['suspension', 'approved'],
    ]);
  });
});
