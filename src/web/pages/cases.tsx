import { useState } from 'preact/hooks';
import { download, getJson, query } from '../api';
import { Badge, Loading, Page, Problem, useLoad, when, words } from '../components';
import { CASE_STATUSES } from '../../domain/vocabulary';

export interface CaseSummary {
  caseId: string;
  status: string;
  kind: string;
  category: string;
  severity: string;
  decidingRole: string;
  department: string;
  /** Null when the caller may not know whose the case is. */
  employee: { id: string; name: string } | null;
  openedAt: string;
  closedAt: string | null;
}

export function CaseTable({ cases, caption }: { cases: CaseSummary[]; caption: string }) {
  return (
    <table class="list">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">Status</th>
          <th scope="col">Act</th>
          <th scope="col">Routed to</th>
          <th scope="col">Employee</th>
          <th scope="col">Opened</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((item) => (
          <tr key={item.caseId}>
            <td>
              <a href={`#/cases/${encodeURIComponent(item.caseId)}`}>{item.caseId}</a>
            </td>
            <td>
              <Badge tone={item.status === 'closed' ? 'ok' : 'info'}>{words(item.status)}</Badge>
            </td>
            <td>
              {words(item.category)} {item.kind === 'inappropriate' ? `(${item.severity})` : '(positive)'}
            </td>
            <td>{words(item.decidingRole)}</td>
            <td>
              {item.employee?.name ?? 'not shown'}
              <div class="sub">{item.department}</div>
            </td>
            <td>{when(item.openedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Cases the caller may see, filtered by status, with a CSV export of the same list. */
export function CasesPage() {
  const [status, setStatus] = useState('');
  const [mine, setMine] = useState(false);
  const [problem, setProblem] = useState<Error | null>(null);
  const filter = { status: status || undefined, mine: mine ? 'true' : undefined };
  const cases = useLoad(
    () => getJson<{ total: number; cases: CaseSummary[] }>(`/api/cases${query({ ...filter, limit: '200' })}`),
    [status, mine],
  );
  return (
    <Page
      title="Cases"
      actions={
        <button type="button" onClick={() => download(`/api/exports/cases.csv${query(filter)}`, 'cases.csv').catch(setProblem)}>
          Download CSV
        </button>
      }
    >
      <Problem problem={problem} />
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label for="case-status">Status</label>
        <select id="case-status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
          <option value="">any</option>
          {CASE_STATUSES.map((value) => (
            <option key={value} value={value}>
              {words(value)}
            </option>
          ))}
        </select>
        <label class="check">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} /> waiting on me
        </label>
      </form>
      <Loading loaded={cases}>
        {({ total, cases: list }) =>
          list.length === 0 ? <p class="empty">No case matches.</p> : <CaseTable cases={list} caption={`${total} cases, newest first`} />
        }
      </Loading>
    </Page>
  );
}
