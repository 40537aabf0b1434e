import { defineSearchAttributeKey, type SearchAttributePair, SearchAttributeType } from '@temporalio/common';
import { upsertSearchAttributes } from '@temporalio/workflow';
import type { CaseState, ContentStatus } from '../domain/case';

// Search attributes are stored unencrypted: only vocabulary values, never names, e-mails or post text.
export const CASE_KIND = defineSearchAttributeKey('CaseKind', SearchAttributeType.KEYWORD);
export const CASE_CATEGORY = defineSearchAttributeKey('CaseCategory', SearchAttributeType.KEYWORD);
export const CASE_SEVERITY = defineSearchAttributeKey('CaseSeverity', SearchAttributeType.KEYWORD);
export const CASE_STATUS = defineSearchAttributeKey('CaseStatus', SearchAttributeType.KEYWORD);
export const DECIDING_ROLE = defineSearchAttributeKey('DecidingRole', SearchAttributeType.KEYWORD);
export const DEPARTMENT = defineSearchAttributeKey('Department', SearchAttributeType.KEYWORD);
/** Where the content of a sanctioned case stands, while the lesson runs alongside it: `requested`, `awaiting_removal`, `removed`... */
export const CONTENT_STATUS = defineSearchAttributeKey('ContentStatus', SearchAttributeType.KEYWORD);

export const CASE_SEARCH_ATTRIBUTES = [CASE_KIND, CASE_CATEGORY, CASE_SEVERITY, CASE_STATUS, DECIDING_ROLE, DEPARTMENT, CONTENT_STATUS];

/** The search attributes of a case in a given state: set when the case starts, upserted as it moves. */
export function caseSearchAttributes(
  state: Pick<CaseState, 'assessment' | 'status' | 'decidingRole' | 'department'>,
): SearchAttributePair[] {
  return [
    { key: CASE_KIND, value: state.assessment.kind },
    { key: CASE_CATEGORY, value: state.assessment.category },
    { key: CASE_SEVERITY, value: state.assessment.severity },
    { key: CASE_STATUS, value: state.status },
    { key: DECIDING_ROLE, value: state.decidingRole },
    { key: DEPARTMENT, value: state.department },
  ];
}

/** Keeps a case's search attributes current for operators, after it moved (workflow code only). */
export function upsertCaseAttributes(state: CaseState): void {
  upsertSearchAttributes(caseSearchAttributes(state));
}

/** Moves a case to `status`, keeping its search attributes current (workflow code only). */
export function moveCase(state: CaseState, status: CaseState['status']): void {
  state.status = status;
  upsertCaseAttributes(state);
}

/** Keeps the `ContentStatus` search attribute current (workflow code only). */
export function upsertContentStatus(status: ContentStatus): void {
  upsertSearchAttributes([{ key: CONTENT_STATUS, value: status }]);
}
