import type { Database } from '../platform/database';
import { createCaseRecordActivities } from './caseRecords';
import { createContentActivities } from './content';
import type { ContentSite } from './contentSite';
import { createDecisionRecordActivities } from './decisionRecords';
import { createJudgementActivities } from './judgement';
import { createOpportunityActivities } from './opportunities';
import { createSanctionActivities } from './sanctions';

export interface ActivityDependencies {
  db: Database;
  contentSite: ContentSite;
}

export function createActivities(deps: ActivityDependencies) {
  return {
    ...createCaseRecordActivities(deps.db),
    ...createJudgementActivities(deps.db),
    ...createDecisionRecordActivities(deps.db),
    ...createSanctionActivities(deps.db),
    ...createContentActivities(deps.db, deps.contentSite),
    ...createOpportunityActivities(deps.db),
  };
}

export type Activities = ReturnType<typeof createActivities>;
