import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createLogger } from '../platform/logger';
import { bundleWorkflows, PREBUILT_BUNDLE_PATH } from '../platform/workflowBundle';
import { exitOnStartupFailure } from './fatal';

/** `npm run build`'s last step: the workflow bundle the production worker loads (to the path given, or dist/). */
async function main() {
  const target = path.resolve(process.argv[2] ?? PREBUILT_BUNDLE_PATH);
  const started = Date.now();
  const code = await bundleWorkflows(createLogger('warn', 'bundle'));
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, code);
  console.log(`workflow bundle: ${target} (${Math.round(code.length / 1024)} KiB, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch(exitOnStartupFailure);
