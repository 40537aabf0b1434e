import type { Client } from '@temporalio/client';
import type { AccessSettings } from '../domain/access';
import type { CaseSettings } from '../domain/case';
import type { Database } from '../platform/database';
import type { Logger } from '../platform/logger';
import type { PageAssets } from '../platform/webPage';

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
  /** Set by the local runner only: the page's role picker may mint tokens (never in a production API). */
  localSignIn?: boolean;
  /** The workspace page's bundle (src/web); without it, `/` is not served. */
  page?: PageAssets;
}
