import path from 'node:path';
import { projectRoot } from '../platform/projectRoot';
import { PREBUILT_BUNDLE_PATH } from '../platform/workflowBundle';
import { readHistories, replayHistories } from '../worker/historyReplay';

/**
 * `npm run replay [-- <folder of histories> [<workflow bundle>]]`: replays recorded histories (by
 * default test/replay/histories) against a workflow bundle (by default the one `npm run build`
 * wrote). Run it before deploying, with histories of the workflows open in production too
 * (`temporal workflow show --workflow-id <id> --output json > <id>.json`).
 */
async function main() {
  const folder = path.resolve(process.argv[2] ?? path.join(projectRoot, 'test', 'replay', 'histories'));
  const bundle = path.resolve(process.argv[3] ?? PREBUILT_BUNDLE_PATH);
  const histories = readHistories(folder);
  const failures = await replayHistories(bundle, histories);
  for (const { name, error } of failures) console.error(`does not replay: ${name}: ${error.message}`);
  console.log(`replayed ${histories.length} histories from ${folder} against ${bundle}: ${failures.length} failed`);
  process.exit(failures.length === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
