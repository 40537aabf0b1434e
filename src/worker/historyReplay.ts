import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';

export interface RecordedHistory {
  /** The file it was read from, relative to the folder given. */
  name: string;
  workflowType: string;
  history: temporal.api.history.v1.IHistory;
}

function readHistory(file: string): temporal.api.history.v1.IHistory {
  const bytes = readFileSync(file);
  // `temporal workflow show --output json` exports JSON; the recorder writes binary protobuf.
  if (file.endsWith('.json')) return historyFromJSON(JSON.parse(bytes.toString('utf8')));
  return temporal.api.history.v1.History.decode(bytes);
}

/** Every history under `folder` (`*.history.bin`, or `*.json` exported by the Temporal CLI), in name order. */
export function readHistories(folder: string): RecordedHistory[] {
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.history.bin') || name.endsWith('.json'))
    .filter((name) => statSync(path.join(folder, name)).isFile())
    .sort();
  return files.map((name) => {
    const history = readHistory(path.join(folder, name));
    const workflowType = history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? 'unknown';
    return { name, workflowType, history };
  });
}

/**
 * Replays recorded histories against a workflow bundle (the file `npm run build` writes) and answers
 * those that do not replay: a workflow change that would make a workflow in flight take another
 * path shows here, before it is deployed.
 */
export async function replayHistories(bundlePath: string, histories: RecordedHistory[]): Promise<{ name: string; error: Error }[]> {
  const failures: { name: string; error: Error }[] = [];
  const replays = Worker.runReplayHistories(
    { workflowBundle: { codePath: bundlePath }, replayName: 'recorded-histories' },
    histories.map(({ name, history }) => ({ workflowId: name, history })),
  );
  for await (const result of replays) {
    if (result.error) failures.push({ name: result.workflowId, error: result.error });
  }
  return failures;
}
