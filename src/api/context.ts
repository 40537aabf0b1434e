import type { Client } from '@temporalio/client';
import type { AccessSettings } from '../domain/access';
import type { CaseSettings } from '../domain/case';
import type { Database } from '../platform/database';
import type { Logger } from '../platform/logger';

/** What the API talks to: the database, Temporal, and the settings it starts cases with. */
export interface ApiContext {
  db: Database;
  temporal: Client;
  taskQueue: string;
  caseSettings: CaseSettings;
  authSecret: string;
  /** Need-to-know rules that depend on configuration. */
  access: AccessSettings;
  logger: Logger;
}
