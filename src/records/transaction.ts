import type { Prisma } from '../generated/prisma/client';

/** A transaction in progress. The database client has the same queries, so a query taking a `Tx` runs in one or on its own. */
export type Tx = Prisma.TransactionClient;
