import { accessSync, constants, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runProcess } from './childProcess';

/** The newest Temporal CLI tag that `go install` can build (later tags use a local `replace`). */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';

export type TemporalCliExecutable = { type: 'existing-path'; path: string } | { type: 'cached-download'; downloadDir: string };

type Say = (message: string) => void;

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(command: string, extraDirs: string[] = []): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), ...extraDirs].filter(Boolean);
  return dirs.map((dir) => path.join(dir, command)).find(isExecutable);
}

/** Per-user cache, outside any clone, so fresh clones and CI runs reuse one build. */
export function temporalCliCacheDir(): string {
  const cacheRoot = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return path.join(cacheRoot, 'case-governance', `temporal-cli-${TEMPORAL_CLI_VERSION}`);
}

async function buildWithGo(go: string, targetDir: string, say: Say): Promise<string> {
  mkdirSync(targetDir, { recursive: true });
  const buildDir = mkdtempSync(path.join(targetDir, 'build-'));
  say(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with Go into ${targetDir} ` + '(first run only; this takes several minutes)...');
  const started = Date.now();
  const heartbeat = setInterval(() => say(`  still building the Temporal CLI (${Math.round((Date.now() - started) / 1000)}s)...`), 30_000);
  try {
    const result = await runProcess(go, ['install', `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`], {
      env: { ...process.env, GOBIN: buildDir },
    });
    if (result.code !== 0) {
      throw new Error(`go install ${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION} failed:\n${result.output}`);
    }
    const binary = path.join(targetDir, 'temporal');
    // A rename is atomic: a concurrent run sees either no binary or a complete one.
    renameSync(path.join(buildDir, 'temporal'), binary);
    say(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)}s.`);
    return binary;
  } finally {
    clearInterval(heartbeat);
    rmSync(buildDir, { recursive: true, force: true });
  }
}

/**
 * Finds a Temporal CLI: TEMPORAL_CLI_PATH, then `temporal` on PATH, then the per-user build,
 * then a fresh build with Go where Go exists, and finally the SDK's cached download.
 */
export async function obtainTemporalCli(explicitPath: string | undefined, say: Say): Promise<TemporalCliExecutable> {
  if (explicitPath) {
    if (!isExecutable(explicitPath)) throw new Error(`TEMPORAL_CLI_PATH ${explicitPath} is not an executable file`);
    return { type: 'existing-path', path: explicitPath };
  }
  const onPath = findOnPath('temporal');
  if (onPath) return { type: 'existing-path', path: onPath };
  const cacheDir = temporalCliCacheDir();
  const cached = path.join(cacheDir, 'temporal');
  if (isExecutable(cached)) return { type: 'existing-path', path: cached };
  const go = findOnPath('go', ['/usr/local/go/bin']);
  if (go) return { type: 'existing-path', path: await buildWithGo(go, cacheDir, say) };
  say('No Temporal CLI and no Go toolchain found: letting the Temporal SDK download the CLI...');
  return { type: 'cached-download', downloadDir: cacheDir };
}
