import type { Detection } from '../../domain/case';

/** The parts of the case API's answers the page reads (see GET /api/cases/:caseId and /precedents). */
export interface CaseView {
  caseId: string;
  status: string;
  assessment: { kind: string; category: string; severity: string };
  decidingRole: string;
  department: string;
  decisionDueAt: string | null;
  escalations: number | null;
  matrixVersion: number | null;
  workflow: { running: boolean } | null;
  employee: { id: string; name: string; department: string; managerId: string | null } | null;
  activity: Detection | null;
  streisandRisk: { level: string; hint: string } | null;
  pending: { decision: boolean; approval: boolean } | null;
  decisions: {
    id: string;
    outcome: string;
    sanction: string | null;
    rationale: string;
    justification: string | null;
    decidedByName: string;
    decidedAt: string;
    approvalStatus: string;
    approvals: { approverName: string; approve: boolean; rationale: string; at: string }[];
  }[];
  sanction: { type: string; appliedAt: string } | null;
  content: { action: string; status: string } | null;
  opportunity: { followUpDueAt: string | null; reproduced: boolean | null } | null;
  openedAt: string | null;
  closedAt: string | null;
  timeline: { at: string; actor: string; action: string; details: Record<string, unknown> }[];
}

export interface Precedents {
  act: { category: string; severity: string } | null;
  priorSanctionedCases?: number;
  matrixVersion?: number;
  allowed: { range: { min: string; max: string }; allowed: string[] } | null;
  established: {
    firstOffence: { sanction: string; count: number } | null;
    repeatOffence: { sanction: string; count: number } | null;
  } | null;
  counts?: { firstOffence: Record<string, number>; repeatOffence: Record<string, number> };
  precedents: { caseId: string; sanction: string; repeatOffence: boolean; decidedAt: string }[];
}

export interface Explanation {
  kind: string;
  title: string;
  parts: { key: string; heading: string; text: string }[];
  status: string;
  revision: number;
  lastEditor?: string;
  publishAt: string | null;
  publishedAt: string | null;
}
