import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export type Database = PrismaClient;

/** A Prisma client over a pool of at most `maxConnections` connections (tests run many small pools side by side). */
export function connectDatabase(connectionString: string, maxConnections = 10): Database {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: maxConnections }) });
}
