import type { ActivityCategory, ActivityKind, CaseStatus, DecidingRole, Severity } from './vocabulary';

export interface Assessment {
  kind: ActivityKind;
  category: ActivityCategory;
  severity: Severity;
}

/** What the detection source saw; kept in the case's workflow input and the database, never in search attributes. */
export interface Detection {
  source: string;
  sourceRef: string;
  platform: string;
  url: string;
  content: string;
  siteControlledByCompany: boolean;
  detectedAt: string;
  reach: number;
}

export interface CaseEmployee {
  id: string;
  department: string;
  managerId: string | null;
}

/** Every duration a case waits on, in milliseconds, pinned when the case opens. */
export interface CaseTiming {
  decisionDeadlineMs: number;
}

/** The input of a case workflow. */
export interface CaseOpening {
  caseId: string;
  detection: Detection;
  employee: CaseEmployee;
  assessment: Assessment;
  timing: CaseTiming;
}

/** The live state of a case, as its workflow answers the `caseState` query. */
export interface CaseState {
  caseId: string;
  status: CaseStatus;
  assessment: Assessment;
  decidingRole: DecidingRole;
  department: string;
  decisionDueAt: string | null;
}
