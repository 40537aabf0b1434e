import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { Logger } from './logger';
import { projectRoot } from './projectRoot';

/** Where `npm run build` writes the workflow bundle. */
export const PREBUILT_BUNDLE_PATH = path.join(projectRoot, 'dist', 'workflow-bundle.js');

/** The workflow code as the worker's isolates load it: src/workflows bundled by webpack and swc. */
export async function bundleWorkflows(logger: Pick<Logger, 'warn' | 'error'>): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    logger: {
      trace() {},
      debug() {},
      info() {},
      log() {},
      warn: (message) => logger.warn(message),
      error: (message) => logger.error(message),
    },
  });
  return code;
}

function newestChange(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Whether a prebuilt bundle is older than the code it is built from (`src/<folder>` for each folder:
 * a checkout edited after `npm run build`). An image holds no sources: its bundle is never stale.
 */
export function isStaleBundle(bundlePath: string, folders: readonly string[] = ['workflows', 'domain']): boolean {
  const bundledAt = statSync(bundlePath).mtimeMs;
  return folders
    .map((folder) => path.join(projectRoot, 'src', folder))
    .some((folder) => existsSync(folder) && newestChange(folder) > bundledAt);
}
