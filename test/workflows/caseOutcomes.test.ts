import { createContentSite } from '../../src/integrations/contentSite';
import { actionsOf, caseMessages, caseState, closedCase, openCase, post, sanction, waitForStatus } from '../support/cases';
import { HttpReceiver } from '../support/httpReceiver';
import { type Stack, startStack } from '../support/stack';

const removeFromOurSite = { action: 'remove', rationale: 'It is on our own blog: take it down.' };

describe('content on a company-controlled site', () => {
  let stack: Stack;
  const site = new HttpReceiver('/cms/removals', [503]);
  let lead: string;
  beforeAll(async () => {
    await site.start();
    stack = await startStack({ contentSite: createContentSite({ baseUrl: site.url.replace(/removals$/, ''), token: 'cms-token' }) });
    lead = await stack.tokenFor('lead-content', 'social_media_lead');
  });
  afterAll(async () => {
    await stack.stop();
    await site.stop();
  });

  it('is removed through the content-site adapter, retried after a failure, and the removal confirmed', async () => {
    const { caseId } = await openCase(
      stack,
      { kind: 'inappropriate', category: 'disparaging_employer', severity: 'moderate' },
      { detection: { siteControlledByCompany: true, url: 'https://blog.example.com/posts/42' } },
    );
    const decided = await post(
      stack,
      `/api/cases/${caseId}/decision`,
      lead,
      sanction('mandatory_training', { content: removeFromOurSite }),
    );
    expect(decided.status).toBe(200);
    const view = await closedCase(stack, caseId, lead);

    expect(site.calls.map((call) => call.status)).toEqual([503, 200]);
    const removal = site.calls[1];
    expect(removal.headers).toMatchObject({ 'idempotency-key': `${caseId}:removal`, authorization: 'Bearer cms-token' });
    expect(removal.body).toEqual({ url: 'https://blog.example.com/posts/42', caseId, reason: removeFromOurSite.rationale });
    expect(view.content).toMatchObject({ action: 'remove', status: 'removed' });
    expect(actionsOf(view)).toEqual(['case_opened', 'decision_taken', 'sanction_applied', 'content_removed', 'case_closed']);
  });
});

describe('content handled by people', () => {
  let stack: Stack;
  let lead: string;
  beforeAll(async () => {
    stack = await startStack({ caseTiming: { followUpReminderMs: 1_500, opportunityFollowUpMs: 1_500 } });
    lead = await stack.tokenFor('lead-people', 'social_media_lead');
  });
  afterAll(() => stack.stop());

  it('asks the social-media lead to remove it by hand when no content-site adapter is configured', async () => {
    const { caseId } = await openCase(
      stack,
      { kind: 'inappropriate', category: 'inappropriate_media', severity: 'minor' },
      { detection: { siteControlledByCompany: true } },
    );
    expect(
      (await post(stack, `/api/cases/${caseId}/decision`, lead, sanction('conversation', { content: removeFromOurSite }))).status,
    ).toBe(200);
    await waitForStatus(stack, caseId, 'awaiting_removal');
    const inbox = await stack.http.get('/api/me/notifications').set('Authorization', `Bearer ${lead}`);
    // The lesson runs alongside the removal: the lead's inbox also holds the policy review the case opened.
    const subjects = inbox.body.notifications
      .filter((n: { caseId: string }) => n.caseId === caseId)
      .map((n: { subject: string }) => n.subject);
    expect(subjects).toContain('Remove a post from a company site');
    const reported = await post(stack, `/api/cases/${caseId}/content-status`, lead, { status: 'removed', note: 'Deleted from the CMS.' });
    expect(reported.status).toBe(200);
    const view = await closedCase(stack, caseId, lead);
    expect(view.content).toMatchObject({ action: 'remove', status: 'removed' });
    expect(actionsOf(view)).toContain('manual_removal_requested');
  });

  it('opens a tracked removal request on an external site and follows its news to the end', async () => {
    const { caseId } = await openCase(stack, { kind: 'inappropriate', category: 'confidential_information_disclosure', severity: 'minor' });
    const view0 = await stack.http.get(`/api/cases/${caseId}`).set('Authorization', `Bearer ${lead}`);
    expect(view0.body.streisandRisk.level).toBe('medium');
    const request = { action: 'request_removal', rationale: 'It names a client.' };
    expect((await post(stack, `/api/cases/${caseId}/decision`, lead, sanction('mandatory_training', { content: request }))).status).toBe(
      200,
    );
    await waitForStatus(stack, caseId, 'awaiting_removal');

    const employee = await stack.tokenFor('random-employee', 'employee');
    expect((await post(stack, `/api/cases/${caseId}/content-status`, employee, { status: 'removed' })).status).toBe(403);
    const hrOnly = await stack.tokenFor('hr-only', 'hr');
    const wrongRole = await post(stack, `/api/cases/${caseId}/content-status`, hrOnly, { status: 'removed' });
    // HR sees the case but does not report on content: the access policy refuses the role.
    expect([wrongRole.status, wrongRole.body.error.code]).toEqual([403, 'forbidden']);

    expect(
      (await post(stack, `/api/cases/${caseId}/content-status`, lead, { status: 'in_progress', note: 'Platform acknowledged.' })).status,
    ).toBe(200);
    expect((await post(stack, `/api/cases/${caseId}/content-status`, lead, { status: 'refused', note: 'Platform declined.' })).status).toBe(
      200,
    );
    const view = await closedCase(stack, caseId, lead);
    expect(view.content).toMatchObject({ action: 'request_removal', status: 'refused' });
    const reports = view.timeline.filter((event: { action: string }) => event.action === 'removal_reported');
    expect(reports.map((event: { details: { status: string } }) => event.details.status)).toEqual(['in_progress', 'refused']);
    const late = await post(stack, `/api/cases/${caseId}/content-status`, lead, { status: 'removed' });
    expect(late.status).toBe(409);
  });

  it('reminds the lead about a removal request nobody reports on, then records it as unresolved', async () => {
    const { caseId } = await openCase(stack, { kind: 'inappropriate', category: 'intellectual_property_disclosure', severity: 'minor' });
    const request = { action: 'request_removal', rationale: 'It shows an unreleased product.' };
    expect((await post(stack, `/api/cases/${caseId}/decision`, lead, sanction('written_warning', { content: request }))).status).toBe(200);
    const view = await closedCase(stack, caseId, lead);
    expect(view.content.status).toBe('unresolved');
    expect(actionsOf(view).filter((action: string) => action === 'removal_reminder_sent')).toHaveLength(3);
  }, 30_000);

  it('records why the content is left where it is', async () => {
    const { caseId } = await openCase(stack, { kind: 'inappropriate', category: 'error_of_judgement', severity: 'serious' });
    const committee = await stack.tokenFor('committee-leave', 'steering_committee');
    expect((await post(stack, `/api/cases/${caseId}/decision`, committee, sanction('mandatory_training'))).status).toBe(200);
    const view = await closedCase(stack, caseId, committee);
    expect(view.content).toMatchObject({ action: 'leave', status: 'left', rationale: 'Asking for removal would draw attention to it.' });
  });

  it('capitalises on a positive activity: opportunity, insight shared, amplification, follow-up answered', async () => {
    const { caseId, employeeId } = await openCase(stack, { kind: 'positive', category: 'customer_insight', severity: 'moderate' });
    const plan = { amplify: true, shareInsightWith: 'product', reproduce: 'Answer customer questions in public threads.' };
    const sanctionRefused = await post(stack, `/api/cases/${caseId}/decision`, lead, sanction('conversation'));
    expect([sanctionRefused.status, sanctionRefused.body.error.code]).toEqual([422, 'outcome_mismatch']);
    const decided = await post(stack, `/api/cases/${caseId}/decision`, lead, {
      outcome: 'capitalize',
      plan,
      rationale: 'Customers loved it.',
    });
    expect(decided.status).toBe(200);
    await waitForStatus(stack, caseId, 'following_up');
    expect(
      (await post(stack, `/api/cases/${caseId}/follow-up`, lead, { reproduced: true, note: 'Two more threads did well.' })).status,
    ).toBe(200);
    const view = await closedCase(stack, caseId, lead);

    expect(view.opportunity).toMatchObject({ amplify: true, shareInsightWith: 'product', reproduce: plan.reproduce, reproduced: true });
    expect(view.sanction).toBeNull();
    expect(await stack.db.sanction.count({ where: { employeeId } })).toBe(0);
    const recipients = (await caseMessages(stack, caseId)).map((n) => n.recipient).sort();
    expect(recipients).toEqual(['role:communications', 'team:product']);
    expect(actionsOf(view)).toEqual(['case_opened', 'decision_taken', 'opportunity_created', 'follow_up_reported', 'case_closed']);
  });

  it('asks whether the success was reproduced when nobody says, and closes the case', async () => {
    const { caseId } = await openCase(stack, { kind: 'positive', category: 'viral_content', severity: 'minor' });
    const plan = { amplify: false, shareInsightWith: 'marketing', reproduce: 'Short behind-the-scenes videos.' };
    expect(
      (await post(stack, `/api/cases/${caseId}/decision`, lead, { outcome: 'capitalize', plan, rationale: 'Went viral.' })).status,
    ).toBe(200);
    const view = await closedCase(stack, caseId, lead);
    expect(actionsOf(view)).toEqual([
      'case_opened',
      'decision_taken',
      'opportunity_created',
      'follow_up_asked',
      'follow_up_unanswered',
      'case_closed',
    ]);
    expect(view.opportunity.reproduced).toBeNull();
  }, 30_000);

  it('dismisses an activity that was not significant after all', async () => {
    const { caseId, employeeId } = await openCase(stack, { kind: 'inappropriate', category: 'disparaging_employer', severity: 'moderate' });
    const decided = await post(stack, `/api/cases/${caseId}/decision`, lead, {
      outcome: 'dismiss',
      rationale: 'Fair criticism, not disparaging.',
    });
    expect(decided.status).toBe(200);
    const result = await stack.temporal.workflow.getHandle(caseId).result();
    expect(result).toMatchObject({ outcome: 'dismiss', sanction: null });
    const view = await closedCase(stack, caseId, lead);
    expect(view).toMatchObject({ status: 'closed', sanction: null, content: null });
    expect(await stack.db.sanction.count({ where: { employeeId } })).toBe(0);
    expect((await caseState(stack, caseId)).status).toBe('closed');
    const description = await stack.temporal.workflow.getHandle(caseId).describe();
    expect(description.typedSearchAttributes.getAll().find((pair) => pair.key.name === 'CaseStatus')?.value).toBe('closed');
  });
});
