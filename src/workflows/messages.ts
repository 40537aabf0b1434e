import { defineQuery } from '@temporalio/workflow';
import type { CaseState } from '../domain/case';

export const caseStateQuery = defineQuery<CaseState>('caseState');
