import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { type ActivityDependencies, createActivities } from '../activities';

export interface CaseWorkerOptions extends ActivityDependencies {
  address: string;
  namespace: string;
  taskQueue: string;
  /** A prebuilt workflow bundle (see workflowCode.ts; tests build one per run); otherwise the worker bundles `src/workflows`. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

export interface RunningWorker {
  worker: Worker;
  /** Settles when the worker has drained and stopped. */
  finished: Promise<void>;
  stop(): Promise<void>;
}

/** The Temporal worker of the case workflows and their activities, on one task queue. */
export async function startCaseWorker(options: CaseWorkerOptions): Promise<RunningWorker> {
  const { address, namespace, taskQueue, workflowBundle, ...dependencies } = options;
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    namespace,
    taskQueue,
    activities: createActivities(dependencies),
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: require.resolve('../workflows') }),
  });
  const finished = worker.run().finally(() => connection.close());
  return {
    worker,
    finished,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await finished;
    },
  };
}
