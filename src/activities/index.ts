import type { Database } from '../platform/database';
import { createCaseRecordActivities } from './caseRecords';

export interface ActivityDependencies {
  db: Database;
}

export function createActivities(deps: ActivityDependencies) {
  return {
    ...createCaseRecordActivities(deps.db),
  };
}

export type Activities = ReturnType<typeof createActivities>;
