import type { CampaignPhase, CampaignState } from '../../src/domain/campaign';
import { CAMPAIGN_DOCUMENT_ID } from '../../src/domain/campaign';
import type { Database } from '../../src/platform/database';
import { applyMigrations } from '../../src/platform/migrations';
import { campaignStateQuery } from '../../src/workflows/campaignMessages';
import { createScratchDatabase, type ScratchDatabase } from './databases';
import { eventually } from './fixtures';
import type { Stack } from './stack';
import { runsOf } from './workflowRuns';
import { testRun } from './testRun';

/**
 * A database of the test file's own: a campaign addresses the whole directory, and other test files
 * add employees to the shared one concurrently.
 */
export async function campaignDatabase(label: string): Promise<ScratchDatabase> {
  const database = await createScratchDatabase(testRun().databaseServer, label);
  await applyMigrations(database.url);
  return database;
}

export interface DirectoryPerson {
  id: string;
  name: string;
  email: string;
  department: string;
  managerId: string | null;
}

/**
 * A directory: `managers` managers (department `management`), each with `perManager` reports spread
 * over the departments, ids in the order given so tests can reason about batches.
 */
export async function seedDirectory(
  db: Database,
  options: { prefix: string; managers: number; perManager: number; departments?: string[] },
): Promise<{ managers: DirectoryPerson[]; staff: DirectoryPerson[]; everyone: DirectoryPerson[] }> {
  const departments = options.departments ?? ['sales', 'support', 'engineering'];
  const pad = (n: number) => String(n).padStart(4, '0');
  const managers: DirectoryPerson[] = Array.from({ length: options.managers }, (_, m) => ({
    id: `${options.prefix}-m${pad(m)}`,
    name: `Manager ${m} ${options.prefix}`,
    email: `${options.prefix}-m${pad(m)}@example.test`,
    department: 'management',
    managerId: null,
  }));
  const staff: DirectoryPerson[] = managers.flatMap((manager, m) =>
    Array.from({ length: options.perManager }, (_, i) => {
      const n = m * options.perManager + i;
      return {
        id: `${options.prefix}-s${pad(n)}`,
        name: `Staff ${n} ${options.prefix}`,
        email: `${options.prefix}-s${pad(n)}@example.test`,
        department: departments[n % departments.length],
        managerId: manager.id,
      };
    }),
  );
  await db.employee.createMany({ data: managers });
  await db.employee.createMany({ data: staff });
  return { managers, staff, everyone: [...managers, ...staff] };
}

/** A version of the social-media policy (its document created if the seed is absent; an existing version of that number reused). */
export async function createPolicyVersion(
  db: Database,
  number: number,
  changeSummary = `Change ${number}: a clearer rule on customer data.`,
) {
  await db.policyDocument.upsert({
    where: { id: CAMPAIGN_DOCUMENT_ID },
    update: {},
    create: { id: CAMPAIGN_DOCUMENT_ID, title: 'Social-media policy' },
  });
  // Version 1 may come from the migrations' seed.
  const existing = await db.policyVersion.findUnique({ where: { documentId_number: { documentId: CAMPAIGN_DOCUMENT_ID, number } } });
  if (existing) return existing;
  return db.policyVersion.create({
    data: {
      id: `${CAMPAIGN_DOCUMENT_ID}-test-v${number}-${Math.random().toString(36).slice(2, 8)}`,
      documentId: CAMPAIGN_DOCUMENT_ID,
      number,
      text: `# Social-media policy\n\nVersion ${number}.`,
      changeSummary,
      author: 'policy-author',
      effectiveAt: new Date(),
    },
  });
}

/** Starts a campaign through the API as communications; returns its id. */
export async function startCampaign(stack: Stack, policyVersionId: string, deadline?: Date): Promise<string> {
  const token = await stack.tokenFor('comms-1', 'communications');
  const response = await stack.http
    .post('/api/campaigns')
    .set('Authorization', `Bearer ${token}`)
    .send({ policyVersionId, ...(deadline ? { deadline: deadline.toISOString() } : {}) });
  if (response.status !== 202) throw new Error(`starting the campaign failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.campaignId as string;
}

export function campaignState(stack: Stack, campaignId: string): Promise<CampaignState> {
  return stack.temporal.workflow.getHandle(campaignId).query(campaignStateQuery);
}

/** Waits until the campaign's workflow is past `phase` (or in it, with `reached`). */
export async function waitForPhase(stack: Stack, campaignId: string, phases: CampaignPhase[], timeoutMs = 30_000): Promise<CampaignState> {
  return eventually(
    async () => {
      const state = await campaignState(stack, campaignId).catch(() => undefined);
      return state && phases.includes(state.phase) ? state : undefined;
    },
    timeoutMs,
    `campaign ${campaignId} to be ${phases.join(' or ')}`,
  );
}

/** How many runs (continue-as-new) the campaign's workflow went through, and the longest run's history. */
export async function workflowRuns(stack: Stack, campaignId: string): Promise<{ runs: number; maxEvents: number; totalEvents: number }> {
  const runs = await runsOf(stack, campaignId);
  const events = runs.map((run) => run.events);
  return { runs: runs.length, maxEvents: Math.max(0, ...events), totalEvents: events.reduce((sum, n) => sum + n, 0) };
}

export const bearer = async (stack: Stack, sub: string, ...roles: Parameters<Stack['tokenFor']>[1][]) =>
  `Bearer ${await stack.tokenFor(sub, ...roles)}`;
