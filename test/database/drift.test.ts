import { Client as PgClient } from 'pg';
import { applyMigrations, runPrismaCli } from '../../src/platform/migrations';
import { createScratchDatabase, type ScratchDatabase } from '../support/databases';
import { testRun } from '../support/testRun';

const CATALOG_QUERIES = {
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
            ORDER BY table_name, column_name`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`,
  constraints: `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1, 2`,
};

async function catalog(url: string, extraSql?: string) {
  const client = new PgClient({ connectionString: url });
  await client.connect();
  try {
    if (extraSql) await client.query(extraSql);
    const snapshot: Record<string, unknown[]> = {};
    for (const [name, sql] of Object.entries(CATALOG_QUERIES)) snapshot[name] = (await client.query(sql)).rows;
    return snapshot;
  } finally {
    await client.end();
  }
}

describe('database migrations', () => {
  const scratch: ScratchDatabase[] = [];
  afterAll(async () => {
    for (const database of scratch) await database.drop();
  });

  it('produce exactly the schema that prisma/schema.prisma describes (no drift)', async () => {
    const server = testRun().databaseServer;
    const migrated = await createScratchDatabase(server, 'drift_migrated');
    const declared = await createScratchDatabase(server, 'drift_declared');
    scratch.push(migrated, declared);

    await applyMigrations(migrated.url);
    const schemaSql = await runPrismaCli(
      ['migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
      declared.url,
    );
    const fromMigrations = await catalog(migrated.url);
    const fromSchema = await catalog(declared.url, schemaSql);

    expect(fromMigrations.columns.length).toBeGreaterThan(50);
    expect(fromMigrations).toEqual(fromSchema);
  });
});
