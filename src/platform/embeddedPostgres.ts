import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/** Connections the socket server accepts: the app's pool and the migration run share them. */
export const EMBEDDED_MAX_CONNECTIONS = 8;

/** A real PostgreSQL (PGlite, WebAssembly) served over TCP, its data in `dataDir` (in memory if omitted). */
export async function startEmbeddedPostgres(options: { dataDir?: string; port: number }): Promise<EmbeddedPostgres> {
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const server = new PGLiteSocketServer({
    db,
    port: options.port,
    host: '127.0.0.1',
    maxConnections: EMBEDDED_MAX_CONNECTIONS,
  });
  await server.start();
  return {
    url: `postgresql://postgres@127.0.0.1:${options.port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      // Write every change to the data files before closing, rather than leave it to WAL replay at the next start.
      await db.exec('CHECKPOINT');
      await db.close();
    },
  };
}
