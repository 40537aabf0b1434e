import { existsSync } from 'node:fs';
import type { WorkerOptions } from '@temporalio/worker';
import type { Logger } from '../platform/logger';
import { isStaleBundle, PREBUILT_BUNDLE_PATH } from '../platform/workflowBundle';

/**
 * Which workflow code the worker loads: the bundle `WORKFLOW_BUNDLE` names; else the one `npm run build`
 * wrote, unless the workflow sources changed since; else none, and the worker bundles src/workflows
 * as it starts (tens of seconds).
 */
export function chooseWorkflowBundle(configured: string | undefined, logger: Logger): WorkerOptions['workflowBundle'] | undefined {
  const codePath = configured ?? (existsSync(PREBUILT_BUNDLE_PATH) ? PREBUILT_BUNDLE_PATH : undefined);
  if (codePath && !configured && isStaleBundle(codePath)) {
    logger.warn({ bundle: codePath }, 'the prebuilt workflow bundle is older than src/workflows or src/domain: bundling afresh');
    return undefined;
  }
  if (codePath) logger.info({ bundle: codePath }, 'workflows from the prebuilt bundle');
  else logger.info('no prebuilt workflow bundle: bundling src/workflows');
  return codePath ? { codePath } : undefined;
}
