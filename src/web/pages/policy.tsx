import { useState } from 'preact/hooks';
import { getJson } from '../api';
import { Badge, Loading, Page, useLoad, when, words } from '../components';
import type { DiffHunk } from '../../domain/policyDiff';

interface VersionSummary {
  number: number;
  changeSummary: string;
  author: string;
  approver: string | null;
  effectiveAt: string;
  reviewId: string | null;
}

interface ReviewSummary {
  id: string;
  trigger: string;
  status: string;
  outcome: string | null;
  openedAt: string;
  closedAt: string | null;
  cases: { caseId: string }[];
}

/** The three documents with their versions, and the review queue. */
export function PolicyPage() {
  const documents = useLoad(
    () =>
      getJson<{ documents: { id: string; title: string; purpose: string; versions: number; current: VersionSummary | null }[] }>(
        '/api/documents',
      ),
    [],
  );
  const reviews = useLoad(() => getJson<{ reviews: ReviewSummary[] }>('/api/policy-reviews?limit=50'), []);
  return (
    <Page title="Policy">
      <Loading loaded={documents}>
        {({ documents: list }) => (
          <ul class="cards">
            {list.map((document) => (
              <li key={document.id} class="panel">
                <h2>
                  <a href={`#/policy/${document.id}`}>{document.title}</a>
                </h2>
                <p>{document.purpose}</p>
                <p class="sub">
                  Version {document.current?.number ?? '—'} of {document.versions}, in force since {when(document.current?.effectiveAt)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Loading>
      <h2>Review queue</h2>
      <Loading loaded={reviews}>
        {({ reviews: list }) =>
          list.length === 0 ? (
            <p class="empty">No review yet.</p>
          ) : (
            <table class="list">
              <caption>Policy reviews, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Review</th>
                  <th scope="col">Trigger</th>
                  <th scope="col">Status</th>
                  <th scope="col">Opened</th>
                </tr>
              </thead>
              <tbody>
                {list.map((review) => (
                  <tr key={review.id}>
                    <td>
                      <a href={`#/reviews/${encodeURIComponent(review.id)}`}>{review.id}</a>
                    </td>
                    <td>{review.trigger === 'case' ? `after ${review.cases.length} case(s)` : 'periodic'}</td>
                    <td>
                      <Badge tone={review.status === 'open' ? 'warn' : 'ok'}>{words(review.outcome ?? review.status)}</Badge>
                    </td>
                    <td>{when(review.openedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loading>
    </Page>
  );
}

interface Diff {
  stats: { added: number; removed: number };
  hunks: DiffHunk[];
}

/** A readable diff: each changed group of lines with its context, additions and removals marked in words as well as colour. */
export function DiffView({ diff }: { diff: Diff }) {
  if (diff.hunks.length === 0) return <p>The two versions are the same.</p>;
  return (
    <div class="diff">
      <p>
        {diff.stats.added} line(s) added, {diff.stats.removed} removed.
      </p>
      {diff.hunks.map((hunk) => (
        <table key={`${hunk.oldStart}-${hunk.newStart}`} class="diff-hunk">
          <caption>
            Lines {hunk.oldStart}–{hunk.oldStart + Math.max(0, hunk.oldLines - 1)} before, {hunk.newStart}–
            {hunk.newStart + Math.max(0, hunk.newLines - 1)} after
          </caption>
          <tbody>
            {hunk.lines.map((line, i) => (
              <tr key={i} class={`diff-${line.op}`}>
                <td class="line-number">{line.oldLine ?? ''}</td>
                <td class="line-number">{line.newLine ?? ''}</td>
                <td class="op">
                  <span class="visually-hidden">{line.op === 'add' ? 'added' : line.op === 'remove' ? 'removed' : 'unchanged'}</span>
                  <span aria-hidden="true">{line.op === 'add' ? '+' : line.op === 'remove' ? '−' : ' '}</span>
                </td>
                <td class="text">{line.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

/** One document: its versions, the diff between any two, and the text of the current one. */
export function DocumentPage({ documentId }: { documentId: string }) {
  const document = useLoad(
    () => getJson<{ title: string; purpose: string; versions: VersionSummary[] }>(`/api/documents/${encodeURIComponent(documentId)}`),
    [documentId],
  );
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const latest = document.data?.versions[0]?.number ?? 1;
  const from = range?.from ?? Math.max(1, latest - 1);
  const to = range?.to ?? latest;
  const diff = useLoad(
    () => getJson<Diff>(`/api/documents/${encodeURIComponent(documentId)}/diff?from=${from}&to=${to}`),
    [documentId, from, to],
  );
  const text = useLoad(
    () => getJson<{ text: string }>(`/api/documents/${encodeURIComponent(documentId)}/versions/${latest}`),
    [documentId, latest],
  );
  return (
    <Page title={document.data?.title ?? documentId}>
      <Loading loaded={document}>
        {({ versions }) => (
          <>
            <table class="list">
              <caption>Versions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Change</th>
                  <th scope="col">Author, approver</th>
                  <th scope="col">In force</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((version) => (
                  <tr key={version.number}>
                    <td>{version.number}</td>
                    <td>{version.changeSummary}</td>
                    <td>
                      {version.author}
                      {version.approver ? `, ${version.approver}` : ''}
                    </td>
                    <td>{when(version.effectiveAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <form class="filters" onSubmit={(e) => e.preventDefault()}>
              <label for="diff-from">Compare version</label>
              <select id="diff-from" value={from} onChange={(e) => setRange({ from: Number(e.currentTarget.value), to })}>
                {versions.map((version) => (
                  <option key={version.number} value={version.number}>
                    {version.number}
                  </option>
                ))}
              </select>
              <label for="diff-to">with version</label>
              <select id="diff-to" value={to} onChange={(e) => setRange({ from, to: Number(e.currentTarget.value) })}>
                {versions.map((version) => (
                  <option key={version.number} value={version.number}>
                    {version.number}
                  </option>
                ))}
              </select>
            </form>
            <Loading loaded={diff}>{(data) => <DiffView diff={data} />}</Loading>
            <h2>The text in force (version {latest})</h2>
            <Loading loaded={text}>{(version) => <pre class="document-text">{version.text}</pre>}</Loading>
          </>
        )}
      </Loading>
    </Page>
  );
}
