import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { testRun } from '../support/testRun';

const folder = path.join(__dirname, 'histories');
const recordings = readdirSync(folder).filter((file) => file.endsWith('.history.bin'));

describe('cases recorded with earlier code', () => {
  it('are there to replay', () => {
    expect(recordings.length).toBeGreaterThanOrEqual(3);
  });

  // A change that would make a case in flight take another path fails here: guard it with patched().
  it.each(recordings)('replay deterministically with the current workflows: %s', async (file) => {
    const history = temporal.api.history.v1.History.decode(readFileSync(path.join(folder, file)));
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: testRun().workflowBundlePath } }, history, file),
    ).resolves.toBeUndefined();
  });
});
