import { runProcess } from './childProcess';
import { projectRoot } from './projectRoot';

/** Runs the Prisma CLI against `databaseUrl` and returns its standard output; throws with its output on failure. */
export async function runPrismaCli(args: string[], databaseUrl: string): Promise<string> {
  const prismaCli = require.resolve('prisma/build/index.js', { paths: [projectRoot] });
  const result = await runProcess(process.execPath, [prismaCli, ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
  if (result.code !== 0) throw new Error(`prisma ${args.join(' ')} failed (exit ${result.code}):\n${result.output}`);
  return result.stdout;
}

/** Applies every pending Prisma migration (`prisma migrate deploy`, WebAssembly schema engine). */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  await runPrismaCli(['migrate', 'deploy'], databaseUrl);
}
