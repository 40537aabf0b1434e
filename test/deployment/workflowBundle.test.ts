import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runProcess } from '../../src/platform/childProcess';
import { isStaleBundle } from '../../src/platform/workflowBundle';
import { readHistories } from '../../src/worker/historyReplay';
import { openCase } from '../support/cases';
import { type Stack, startStack } from '../support/stack';
import { startWorkerProcess } from '../support/workerProcess';

const projectRoot = path.resolve(__dirname, '..', '..');

describe('the prebuilt workflow bundle', () => {
  let folder: string;
  let stack: Stack;
  beforeAll(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'case-governance-bundle-'));
    stack = await startStack({ worker: false });
  });
  afterAll(async () => {
    await stack.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('is built by the build step and runs cases in the production worker', async () => {
    const bundle = path.join(folder, 'workflow-bundle.js');
    const built = await runProcess(process.execPath, ['--import', 'tsx', 'src/entrypoints/bundleWorkflows.ts', bundle], {
      cwd: projectRoot,
    });
    expect(built.code).toBe(0);
    expect(built.stdout).toContain(`workflow bundle: ${bundle}`);
    expect(statSync(bundle).size).toBeGreaterThan(100_000);

    const worker = await startWorkerProcess(stack, { WORKFLOW_BUNDLE: bundle });
    try {
      expect(worker.output.join('')).toContain('workflows from the prebuilt bundle');
      expect(worker.output.join('')).not.toContain('bundling src/workflows');
      // The case workflow runs from that bundle: it records the case and loads its judgement basis.
      const { caseId } = await openCase(stack, { kind: 'inappropriate', category: 'error_of_judgement', severity: 'minor' });
      expect(await stack.db.case.findUnique({ where: { id: caseId }, select: { status: true } })).toEqual({ status: 'awaiting_decision' });
    } finally {
      await worker.stop();
    }
  }, 240_000);

  it('replays every recorded history, as `npm run replay` does before a deployment', async () => {
    const bundle = path.join(folder, 'workflow-bundle.js');
    const replayed = await runProcess(
      process.execPath,
      ['--import', 'tsx', 'src/entrypoints/replayHistories.ts', 'test/replay/histories', bundle],
      {
        cwd: projectRoot,
      },
    );
    expect(replayed.code).toBe(0);
    const histories = readHistories(path.join(projectRoot, 'test', 'replay', 'histories'));
    expect(replayed.stdout).toContain(`replayed ${histories.length} histories from`);
    expect(replayed.stdout).toContain(`against ${bundle}: 0 failed`);
  }, 120_000);

  it('counts as stale once the workflow sources are newer than it', () => {
    const bundle = path.join(folder, 'dated-bundle.js');
    writeFileSync(bundle, '// a bundle');
    utimesSync(bundle, new Date(0), new Date(0));
    expect(isStaleBundle(bundle)).toBe(true);
    const future = new Date(Date.now() + 3_600_000);
    utimesSync(bundle, future, future);
    expect(isStaleBundle(bundle)).toBe(false);
  });
});
