import { eventually } from '../support/fixtures';
import { actionsOf, caseState, openCase, post, sanction, waitForStatus } from '../support/cases';
import { type Stack, startStack } from '../support/stack';

const act = (severity: 'minor' | 'moderate' | 'serious' | 'critical', category = 'error_of_judgement') =>
  ({ kind: 'inappropriate', category, severity }) as const;

describe('routing a new case', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  it.each([
    ['minor', 'manager', act('minor')],
    ['moderate', 'social_media_lead', act('moderate')],
    ['serious', 'steering_committee', act('serious')],
    ['critical', 'steering_committee', act('critical')],
    ['positive', 'social_media_lead', { kind: 'positive', category: 'viral_content', severity: 'minor' } as const],
  ])('routes a %s case to %s, in the workflow, the database and the search attributes', async (_label, role, assessment) => {
    const { caseId } = await openCase(stack, assessment);
    expect((await caseState(stack, caseId)).decidingRole).toBe(role);
    expect((await stack.db.case.findUniqueOrThrow({ where: { id: caseId } })).decidingRole).toBe(role);
    const description = await stack.temporal.workflow.getHandle(caseId).describe();
    expect(description.typedSearchAttributes.getAll().find((pair) => pair.key.name === 'DecidingRole')?.value).toBe(role);
  });

  it('sends a minor case of an employee without a manager to the social-media lead', async () => {
    const { caseId } = await openCase(stack, act('minor'), { withManager: false });
    expect((await caseState(stack, caseId)).decidingRole).toBe('social_media_lead');
  });

  it('lets only the employee’s own manager (or a higher role) decide a minor case', async () => {
    const { caseId, managerId } = await openCase(stack, act('minor'));
    const otherManager = await stack.tokenFor('someone-else', 'manager');
    const refused = await post(stack, `/api/cases/${caseId}/decision`, otherManager, sanction('conversation'));
    // Another manager's case does not exist for them (need-to-know): 404, not a refusal that confirms it.
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('not_found');
    const ownManager = await stack.tokenFor(managerId!, 'manager');
    const accepted = await post(stack, `/api/cases/${caseId}/decision`, ownManager, sanction('conversation'));
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('carrying_out');
  });
});

describe('routing rules from configuration', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      routing: {
        inappropriate: {
          minor: 'social_media_lead',
          moderate: 'steering_committee',
          serious: 'steering_committee',
          critical: 'steering_committee',
        },
        positive: 'steering_committee',
      },
    });
  });
  afterAll(() => stack.stop());

  it('follow the configured rules', async () => {
    expect((await caseState(stack, (await openCase(stack, act('minor'))).caseId)).decidingRole).toBe('social_media_lead');
    const positive = await openCase(stack, { kind: 'positive', category: 'customer_insight', severity: 'moderate' });
    expect((await caseState(stack, positive.caseId)).decidingRole).toBe('steering_committee');
  });
});

describe('a missed decision deadline', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ caseTiming: { decisionReminderMs: 1_000, decisionDeadlineMs: 2_500 } });
  });
  afterAll(() => stack.stop());

  it('reminds the decider, then escalates one level at a time up to the committee, each step recorded', async () => {
    const { caseId, managerId } = await openCase(stack, act('minor', 'inappropriate_media'));
    const committee = await eventually(
      async () => {
        const state = await caseState(stack, caseId);
        return state.decidingRole === 'steering_committee' ? state : undefined;
      },
      20_000,
      'escalation to the committee',
    );
    expect(committee.escalations).toBe(2);

    const hr = await stack.tokenFor('hr-viewer', 'hr');
    const view = (await stack.http.get(`/api/cases/${caseId}`).set('Authorization', `Bearer ${hr}`)).body;
    const escalations = view.timeline.filter((event: { action: string }) => event.action === 'escalated');
    expect(escalations.map((event: { details: unknown }) => event.details)).toEqual([
      { from: 'manager', to: 'social_media_lead' },
      { from: 'social_media_lead', to: 'steering_committee' },
    ]);
    const actions = actionsOf(view);
    expect(actions.indexOf('decision_reminder_sent')).toBeLessThan(actions.indexOf('escalated'));

    const managerInbox = await stack.db.notification.findMany({ where: { caseId, recipient: `employee:${managerId}` } });
    expect(managerInbox.map((message) => message.subject)).toEqual(['A case awaits your decision']);
    const leadInbox = await stack.db.notification.findMany({ where: { caseId, recipient: 'role:social_media_lead' } });
    expect(leadInbox.map((message) => message.subject).sort()).toEqual(['A case awaits your decision', 'A case has been escalated to you']);

    const record = await stack.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(record.decidingRole).toBe('steering_committee');
    const description = await stack.temporal.workflow.getHandle(caseId).describe();
    expect(description.typedSearchAttributes.getAll().find((pair) => pair.key.name === 'DecidingRole')?.value).toBe('steering_committee');

    // The manager it was first routed to may no longer decide it; the committee may.
    const manager = await stack.tokenFor(managerId!, 'manager');
    expect((await post(stack, `/api/cases/${caseId}/decision`, manager, sanction('conversation'))).status).toBe(403);
    const member = await stack.tokenFor('committee-1', 'steering_committee');
    expect((await post(stack, `/api/cases/${caseId}/decision`, member, sanction('conversation'))).status).toBe(200);
    await waitForStatus(stack, caseId, 'closed');
  }, 60_000);
});
