import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { eventually } from './fixtures';
import type { Stack } from './stack';
import { testRun } from './testRun';

const projectRoot = path.resolve(__dirname, '..', '..');

export interface WorkerProcess {
  child: ChildProcess;
  output: string[];
  /** SIGKILL: the process dies mid-work, as in a crash. */
  kill(): Promise<void>;
  /** SIGTERM: the worker drains and exits. */
  stop(): Promise<void>;
}

/** The production worker entry point (src/entrypoints/worker.ts) in its own process, polling the stack's task queue. */
export async function startWorkerProcess(stack: Stack, env: NodeJS.ProcessEnv = {}): Promise<WorkerProcess> {
  // `node --import tsx` runs the worker in this one process (the tsx CLI would fork a child that a SIGKILL misses).
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/entrypoints/worker.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DATABASE_URL: testRun().databaseUrl,
      TEMPORAL_ADDRESS: testRun().temporalAddress,
      TEMPORAL_TASK_QUEUE: stack.taskQueue,
      // The run's bundle, as the production image passes its own: no bundling at every start.
      WORKFLOW_BUNDLE: testRun().workflowBundlePath,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`the worker process exited:\n${output.join('')}`);
      return output.join('').includes('worker running') ? true : undefined;
    },
    90_000,
    'the worker process to poll',
  );
  return { child, output, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
