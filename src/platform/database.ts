import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export type Database = PrismaClient;

/** Embedded PostgreSQL serves few connections, so the pool size is a parameter. */
export function connectDatabase(connectionString: string, maxConnections = 10): Database {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: maxConnections }) });
}
