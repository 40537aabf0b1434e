import path from 'node:path';
import * as workflows from '../../src/workflows';
import { readHistories, replayHistories } from '../../src/worker/historyReplay';
import { testRun } from '../support/testRun';

const recordings = readHistories(path.join(__dirname, 'histories'));

describe('workflows recorded with earlier code', () => {
  let failures: Map<string, string>;
  beforeAll(async () => {
    // The bundle the production build makes (bundleWorkflows, as `npm run build` runs it), built once for the run.
    const replayed = await replayHistories(testRun().workflowBundlePath, recordings);
    failures = new Map(replayed.map(({ name, error }) => [name, error.message]));
  });

  it('are there to replay for every workflow type, and for those that ran before the workflow split, from then too', () => {
    const types = (prefix: string) => new Set(recordings.filter((r) => r.name.startsWith(prefix)).map((r) => r.workflowType));
    const recent = new Set(recordings.filter((r) => !r.name.includes('/')).map((r) => r.workflowType));
    expect([...recent].sort()).toEqual(Object.keys(workflows).sort());
    expect([...types('before-split/')].sort()).toEqual(['campaignWorkflow', 'caseWorkflow', 'policyReviewWorkflow']);
  });

  // A change that would make a workflow in flight take another path fails here: guard it with patched().
  it.each(recordings.map((recording) => recording.name))('replay deterministically with the current workflows: %s', (name) => {
    expect(failures.get(name)).toBeUndefined();
  });
});
