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

  it('are there to replay, for every workflow type, from before the workflow split and since', () => {
    for (const type of Object.keys(workflows)) {
      const ofType = recordings.filter((recording) => recording.workflowType === type);
      const before = ofType.filter((recording) => recording.name.startsWith('before-split/')).length;
      expect({ type, before: before > 0, since: ofType.length - before > 0 }).toEqual({ type, before: true, since: true });
    }
  });

  // A change that would make a workflow in flight take another path fails here: guard it with patched().
  it.each(recordings.map((recording) => recording.name))('replay deterministically with the current workflows: %s', (name) => {
    expect(failures.get(name)).toBeUndefined();
  });
});
