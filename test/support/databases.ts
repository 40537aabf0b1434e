import { Client as PgClient } from 'pg';
import { startEmbeddedPostgres } from '../../src/platform/embeddedPostgres';
import { freePort } from './ports';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
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

/** The PostgreSQL server tests create their databases on, or null to use embedded ones. */
export async function findTestServer(): Promise<string | null> {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  return (await reachable(LOCAL_SERVER)) ? LOCAL_SERVER : null;
}

/** A fresh, empty database: on the test server when there is one, else on a temporary embedded PostgreSQL server. */
export async function createScratchDatabase(server: string | null, label: string): Promise<ScratchDatabase> {
  if (server === null) {
    const embedded = await startEmbeddedPostgres({ port: await freePort(), fast: true });
    return { url: embedded.url, drop: embedded.stop };
  }
  const name = `cases_${label}_${Date.now()}_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new PgClient({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new PgClient({ connectionString: server });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
