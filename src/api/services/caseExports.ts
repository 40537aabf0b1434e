import type { CaseScope } from '../../domain/access';
import type { CaseListQuery } from '../../domain/schemas/cases';
import type { CaseAccess } from '../access/policy';
import type { Principal } from '../auth/tokens';
import type { ApiContext } from '../context';
import { casePdf } from '../exports/casePdf';
import { toCsv } from '../exports/csv';
import { listCases } from './caseQueries';
import { viewCase } from './caseView';

const PAGE = 200;

/** Every case the list query matches, as `GET /api/cases` shows them to the caller (their scope; the employee only where they may know who), as CSV. */
export async function casesCsv(
  ctx: ApiContext,
  query: Omit<CaseListQuery, 'limit' | 'offset'>,
  principal: Principal,
  scope: CaseScope,
): Promise<string> {
  const rows: unknown[][] = [
    [
      'case_id',
      'status',
      'kind',
      'category',
      'severity',
      'deciding_role',
      'department',
      'employee_id',
      'employee_name',
      'opened_at',
      'closed_at',
    ],
  ];
  for (let offset = 0; ; offset += PAGE) {
    const page = await listCases(ctx, { ...query, limit: PAGE, offset }, principal, scope);
    for (const item of page.cases) {
      rows.push([
        item.caseId,
        item.status,
        item.kind,
        item.category,
        item.severity,
        item.decidingRole,
        item.department,
        item.employee?.id ?? '',
        item.employee?.name ?? '',
        item.openedAt,
        item.closedAt ?? '',
      ]);
    }
    if (offset + PAGE >= page.total) break;
  }
  return toCsv(rows);
}

/** The case file as a PDF, from the same view `GET /api/cases/:caseId` answers the caller: the parts they may read. */
export async function caseFilePdf(ctx: ApiContext, caseId: string, access: CaseAccess): Promise<Buffer> {
  return casePdf(await viewCase(ctx, caseId, access));
}
