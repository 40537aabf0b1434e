import type { PolicyDocumentId } from '../domain/policyReview';
import { caseReviewId } from '../domain/policyReview';
import { type DemoClient, type DemoPerson } from './demoClient';

const person = (id: string, name: string, ...roles: DemoPerson['roles']): DemoPerson => ({ id, name, roles });

/** The people of the demo: handlers sign in on the page with these ids and roles. */
export const DEMO_PEOPLE = {
  hr: person('demo-hana', 'Hana Ito', 'hr'),
  committee: person('demo-kim', 'Kim Larsen', 'steering_committee'),
  secondCommittee: person('demo-priya', 'Priya Shah', 'steering_committee'),
  lead: person('demo-lou', 'Lou Martin', 'social_media_lead'),
  communications: person('demo-chris', 'Chris Adeyemi', 'communications'),
  supportManager: person('demo-sam', 'Sam Okafor', 'manager'),
  salesManager: person('demo-ines', 'Inès Moreau', 'manager'),
  dana: person('demo-dana', 'Dana Whitfield', 'employee'),
  lee: person('demo-lee', 'Lee Navarro', 'employee'),
  alex: person('demo-alex', 'Alex Kim', 'employee'),
  detector: person('demo-listening-tool', 'Social listening tool', 'detector'),
};

const DIRECTORY: { who: DemoPerson; department: string; managerId: string | null }[] = [
  { who: DEMO_PEOPLE.supportManager, department: 'support', managerId: null },
  { who: DEMO_PEOPLE.salesManager, department: 'sales', managerId: null },
  { who: DEMO_PEOPLE.dana, department: 'support', managerId: 'demo-sam' },
  { who: DEMO_PEOPLE.lee, department: 'sales', managerId: 'demo-ines' },
  { who: DEMO_PEOPLE.alex, department: 'marketing', managerId: 'demo-ines' },
  { who: DEMO_PEOPLE.hr, department: 'hr', managerId: null },
  { who: DEMO_PEOPLE.committee, department: 'executive', managerId: null },
  { who: DEMO_PEOPLE.secondCommittee, department: 'executive', managerId: null },
  { who: DEMO_PEOPLE.lead, department: 'communications', managerId: null },
  { who: DEMO_PEOPLE.communications, department: 'communications', managerId: null },
];

export interface DemoOptions {
  client: DemoClient;
  /** The Temporal UI's address and namespace, for the links printed at each step (none when not known). */
  temporalUi: { url: string; namespace: string } | null;
  /** Makes the run's detections new: a re-run opens new cases instead of finding the old ones. */
  runId: string;
  say(line: string): void;
}

export interface DemoResult {
  cases: { misjudgement: string; leak: string; viral: string };
  reviewId: string;
  campaignId: string;
}

interface CaseView {
  status: string;
  matrixVersion: number | null;
  pending: { decision: boolean; approval: boolean } | null;
}

/**
 * The guided demo: a directory, three detections (a minor misjudgement, a customer-data leak on an external
 * site with a high reach, a viral positive video), their decisions, the approval, the lesson, and a policy
 * revision with its awareness campaign, each step printed with where to watch it.
 */
export async function runGuidedDemo(options: DemoOptions): Promise<DemoResult> {
  const { client, say } = options;
  const page = (hash: string) => `${client.baseUrl}/#/${hash}`;
  const temporal = (workflowId: string) =>
    options.temporalUi
      ? `${options.temporalUi.url}/namespaces/${options.temporalUi.namespace}/workflows?query=${encodeURIComponent(`WorkflowId="${workflowId}"`)}`
      : null;
  const step = (n: number, title: string, where: { page?: string; workflowId?: string; as?: DemoPerson } = {}) => {
    say(`\n${n}. ${title}`);
    if (where.page)
      say(`   page:      ${where.page}${where.as ? `   (sign in as ${where.as.id}, role ${where.as.roles.join(', ')})` : ''}`);
    if (where.workflowId && temporal(where.workflowId)) say(`   Temporal:  ${temporal(where.workflowId)}`);
  };
  const viewCase = (caseId: string) => client.call<CaseView>(DEMO_PEOPLE.hr, 'GET', `/api/cases/${caseId}`);
  const ready = (caseId: string) =>
    client.until(`case ${caseId} to be ready`, async () => ((await viewCase(caseId)).matrixVersion !== null ? true : undefined));
  const reaches = (caseId: string, statuses: string[]) =>
    client.until(`case ${caseId} to reach ${statuses.join(' or ')}`, async () => {
      const view = await viewCase(caseId);
      return statuses.includes(view.status) ? view : undefined;
    });

  step(1, `Directory: ${DIRECTORY.length} people put in by HR`, { page: page('work'), as: DEMO_PEOPLE.hr });
  for (const { who, department, managerId } of DIRECTORY) {
    await client.call(DEMO_PEOPLE.hr, 'PUT', `/api/employees/${who.id}`, {
      name: who.name,
      email: `${who.id}@example.com`,
      department,
      managerId,
    });
  }

  const detect = async (ref: string, employee: DemoPerson, detection: object) => {
    const { caseId } = await client.call<{ caseId: string }>(DEMO_PEOPLE.detector, 'POST', '/api/activities', {
      source: 'demo',
      sourceRef: `${options.runId}-${ref}`,
      employeeId: employee.id,
      detectedAt: new Date().toISOString(),
      ...detection,
    });
    await ready(caseId);
    return caseId;
  };
  const misjudgement = await detect('misjudgement', DEMO_PEOPLE.dana, {
    platform: 'x',
    url: 'https://x.example/dana/status/1',
    content: 'Queues at the support desk again today, and the new ticket tool keeps crashing. Fun times.',
    siteControlledByCompany: false,
    reach: 140,
    assessment: { kind: 'inappropriate', category: 'error_of_judgement', severity: 'minor' },
  });
  step(2, "A minor misjudgement: Dana's post about the support desk, routed to her manager", {
    page: page(`cases/${misjudgement}`),
    workflowId: misjudgement,
    as: DEMO_PEOPLE.supportManager,
  });
  const leak = await detect('customer-data-leak', DEMO_PEOPLE.lee, {
    platform: 'forum',
    url: 'https://forum.example/t/1234',
    content: 'Look at this order screenshot, the customer lives on Elm Street and ordered forty boxes of the premium plan.',
    siteControlledByCompany: false,
    reach: 64_000,
    assessment: { kind: 'inappropriate', category: 'customer_data_disclosure', severity: 'serious' },
  });
  step(3, 'A customer-data leak on an external forum seen by 64,000 people, for the steering committee (note the Streisand-risk hint)', {
    page: page(`cases/${leak}`),
    workflowId: leak,
    as: DEMO_PEOPLE.committee,
  });
  const viral = await detect('viral-video', DEMO_PEOPLE.alex, {
    platform: 'video',
    url: 'https://video.example/watch/abc',
    content: 'A one-minute video showing how our support team fixed a customer problem live; 250,000 views.',
    siteControlledByCompany: false,
    reach: 250_000,
    assessment: { kind: 'positive', category: 'viral_content', severity: 'minor' },
  });
  step(4, 'A viral positive video by Alex, for the social-media lead', {
    page: page(`cases/${viral}`),
    workflowId: viral,
    as: DEMO_PEOPLE.lead,
  });

  const allowed = async (caseId: string) =>
    (await client.call<{ allowed: { allowed: string[] } | null }>(DEMO_PEOPLE.hr, 'GET', `/api/cases/${caseId}/precedents`)).allowed
      ?.allowed ?? [];
  const mild = (await allowed(misjudgement))[0];
  await client.call(DEMO_PEOPLE.supportManager, 'POST', `/api/cases/${misjudgement}/decision`, {
    outcome: 'sanction',
    sanction: mild,
    rationale: 'A first, minor lapse: a conversation about what we say in public about our tools.',
    content: { action: 'leave', rationale: 'The post has a tiny reach; asking for its removal would make more of it.' },
  });
  step(5, `Sam decides Dana's case: ${mild.replaceAll('_', ' ')}, the post left alone`, {
    page: page(`cases/${misjudgement}`),
    workflowId: misjudgement,
  });

  const leakOptions = await allowed(leak);
  const harsh = leakOptions.includes('suspension') ? 'suspension' : leakOptions[leakOptions.length - 1];
  await client.call(DEMO_PEOPLE.committee, 'POST', `/api/cases/${leak}/decision`, {
    outcome: 'sanction',
    sanction: harsh,
    rationale: "Publishing a customer's order and address breaks clause 4.2 and our customers' trust.",
    content: {
      action: 'leave',
      rationale:
        'Seen by 64,000 people on a site we do not control: a removal request would draw more attention (Streisand effect); the author is asked to delete it.',
    },
  });
  step(6, `Kim decides the leak: ${harsh}; a harsh sanction waits for a second person (four eyes)`, {
    page: page(`cases/${leak}`),
    workflowId: leak,
    as: DEMO_PEOPLE.hr,
  });
  await client.call(DEMO_PEOPLE.lead, 'POST', `/api/cases/${viral}/decision`, {
    outcome: 'capitalize',
    plan: { amplify: true, shareInsightWith: 'product team', reproduce: 'Film short, real fixes with the support team every month.' },
    rationale: 'Authentic, helpful and on-brand: worth amplifying and repeating.',
  });
  step(7, "Lou capitalises on Alex's video: amplified, the insight shared with the product team", {
    page: page(`cases/${viral}`),
    workflowId: viral,
  });

  await reaches(leak, ['awaiting_approval']);
  await client.call(DEMO_PEOPLE.hr, 'POST', `/api/cases/${leak}/approval`, {
    approve: true,
    rationale: 'Proportionate to a serious disclosure of customer data.',
  });
  step(8, 'Hana (HR) approves the suspension; the sanction is applied and the employee notified', {
    page: page(`cases/${leak}`),
    workflowId: leak,
  });

  type Explanation = { title: string; parts: { key: string; heading: string; text: string }[]; status: string };
  const draftOf = (caseId: string) =>
    client.until(`the lesson of ${caseId} to be drafted`, async () => {
      const explanation = await client
        .call<Explanation>(DEMO_PEOPLE.communications, 'GET', `/api/cases/${caseId}/explanation`)
        .catch(() => null);
      return explanation?.status === 'draft' ? explanation : undefined;
    });
  const lesson = await draftOf(leak);
  const edited = {
    title: 'Customer data stays out of our posts',
    parts: lesson.parts.map(({ key, heading, text }) => ({ key, heading, text })),
  };
  const check = await client.call<{ clean: boolean; findings: unknown[] }>(
    DEMO_PEOPLE.communications,
    'POST',
    `/api/cases/${leak}/explanation/check`,
    edited,
  );
  await client.call(DEMO_PEOPLE.communications, 'PUT', `/api/cases/${leak}/explanation`, edited);
  // No publication date: the configured delay leaves the employee room to object (EXPLANATION_PUBLICATION_DELAY).
  const approved = await client.call<{ publishAt: string }>(
    DEMO_PEOPLE.secondCommittee,
    'POST',
    `/api/cases/${leak}/explanation/approve`,
    {},
  );
  step(
    9,
    `Chris edits the anonymised lesson (the check found ${check.findings.length} identifier(s)); Priya approves it, to be published ${approved.publishAt}`,
    {
      page: page(`cases/${leak}`),
      workflowId: leak,
      as: DEMO_PEOPLE.communications,
    },
  );
  await draftOf(viral);
  await client.call(DEMO_PEOPLE.communications, 'POST', `/api/cases/${viral}/explanation/approve`, {});
  step(10, "Chris approves the good-practice example of Alex's video", { page: page('lessons') });

  const reviewId = caseReviewId(leak);
  type Review = { pending: { answer: boolean; approval: boolean } | null; currentVersions: Record<PolicyDocumentId, number> | null };
  const review = await client.until(
    `the policy review ${reviewId} to wait for an answer`,
    async () => {
      const view = await client.call<Review>(DEMO_PEOPLE.lead, 'GET', `/api/policy-reviews/${reviewId}`).catch(() => null);
      return view?.pending?.answer && view.currentVersions ? view : undefined;
    },
    90_000,
  );
  step(11, 'The approved lesson opened the policy review of the case (step 6)', {
    page: page(`reviews/${reviewId}`),
    workflowId: reviewId,
    as: DEMO_PEOPLE.lead,
  });
  const base = review.currentVersions!['social-media-policy'];
  const current = await client.call<{ text: string }>(DEMO_PEOPLE.lead, 'GET', `/api/documents/social-media-policy/versions/${base}`);
  await client.call(DEMO_PEOPLE.lead, 'POST', `/api/policy-reviews/${reviewId}/answer`, {
    kind: 'proposal',
    rationale: 'Screenshots of orders keep leaking customer data: say so in the policy.',
    changes: [
      {
        document: 'social-media-policy',
        baseVersion: base,
        text: `${current.text.trimEnd()}\n\nScreenshots of tickets, orders or customer conversations are customer data: never post them, even cropped.\n`,
        summary: 'Screenshots of tickets, orders and customer conversations count as customer data.',
      },
    ],
  });
  step(12, 'Lou proposes a revision of the social-media policy', { page: page(`reviews/${reviewId}`), as: DEMO_PEOPLE.committee });
  await client.until(`the review ${reviewId} to wait for the committee`, async () => {
    const view = await client.call<Review>(DEMO_PEOPLE.committee, 'GET', `/api/policy-reviews/${reviewId}`);
    return view.pending?.approval ? true : undefined;
  });
  await client.call(DEMO_PEOPLE.committee, 'POST', `/api/policy-reviews/${reviewId}/approval`, {
    approve: true,
    rationale: 'Clear and needed.',
  });
  step(13, `Kim approves: version ${base + 1} of the social-media policy is published`, { page: page('policy/social-media-policy') });

  type Campaigns = { campaigns: { campaignId: string; documentId: string; versionNumber: number; recipients: number }[] };
  const campaign = await client.until('the awareness campaign of the new version', async () => {
    const { campaigns } = await client.call<Campaigns>(DEMO_PEOPLE.communications, 'GET', '/api/campaigns');
    return campaigns.find((item) => item.documentId === 'social-media-policy' && item.versionNumber === base + 1 && item.recipients > 0);
  });
  step(14, `The awareness campaign starts for ${campaign.recipients} employees (step 7)`, {
    page: page(`campaigns/${campaign.campaignId}`),
    workflowId: campaign.campaignId,
    as: DEMO_PEOPLE.communications,
  });
  await client.call(DEMO_PEOPLE.dana, 'POST', `/api/campaigns/${campaign.campaignId}/acknowledgements`, {});
  step(15, 'Dana acknowledges the revised policy; the others still have it in their work', { page: page('me'), as: DEMO_PEOPLE.lee });

  step(16, `On ${approved.publishAt} the lesson goes to the community feed (and the enterprise social network when configured)`, {
    page: page('lessons'),
  });

  say('\nFollow it all on the page:');
  say(`   my work      ${page('work')}   (as demo-lou, social-media lead: the reviews the other cases opened wait there)`);
  say(`   consistency  ${page('dashboard')}   (as demo-kim)`);
  if (options.temporalUi) say(`   Temporal UI  ${options.temporalUi.url}/namespaces/${options.temporalUi.namespace}/workflows`);
  return { cases: { misjudgement, leak, viral }, reviewId, campaignId: campaign.campaignId };
}
