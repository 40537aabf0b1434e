import { useState } from 'preact/hooks';
import { download, getJson } from '../api';
import { Badge, Loading, Page, Problem, useLoad, when, words } from '../components';
import { DECIDING_ROLES } from '../../domain/vocabulary';
import { holds, holdsStrictly, type Session } from '../session';
import { ApprovalForm, DecisionForm, ReportForm } from './caseForms';
import { CaseTable, type CaseSummary } from './cases';
import type { CaseView, Explanation, Precedents } from './caseTypes';
import { ExplanationEditor } from './explanationEditor';

const isWebAddress = (url: string) => /^https?:\/\//i.test(url);

function Facts({ view }: { view: CaseView }) {
  const activity = view.activity;
  return (
    <div class="columns">
      <section aria-labelledby="facts-title" class="panel">
        <h2 id="facts-title">Facts</h2>
        <dl>
          <dt>Act</dt>
          <dd>
            {words(view.assessment.kind)}: {words(view.assessment.category)}{' '}
            {view.assessment.kind === 'inappropriate' && `(${view.assessment.severity})`}
          </dd>
          <dt>Routed to</dt>
          <dd>{words(view.decidingRole)}</dd>
          <dt>Department</dt>
          <dd>{view.department}</dd>
          {view.decisionDueAt && (
            <>
              <dt>Decision due</dt>
              <dd>
                {when(view.decisionDueAt)} {Date.parse(view.decisionDueAt) < Date.now() && <Badge tone="overdue">Overdue</Badge>}
              </dd>
            </>
          )}
          <dt>Escalations</dt>
          <dd>{view.escalations ?? 0}</dd>
          <dt>Opened</dt>
          <dd>{when(view.openedAt)}</dd>
        </dl>
      </section>
      <section aria-labelledby="evidence-title" class="panel">
        <h2 id="evidence-title">Evidence</h2>
        {activity ? (
          <>
            <dl>
              <dt>Detected</dt>
              <dd>
                {when(activity.detectedAt)} by {activity.source}
              </dd>
              <dt>Where</dt>
              <dd>
                {activity.platform}, {activity.siteControlledByCompany ? 'a company-controlled site' : 'an external site'}
              </dd>
              <dt>Address</dt>
              <dd>
                {isWebAddress(activity.url) ? (
                  <a href={activity.url} rel="noopener noreferrer nofollow" target="_blank">
                    {activity.url}
                  </a>
                ) : (
                  activity.url
                )}
              </dd>
              <dt>Reach</dt>
              <dd>{activity.reach.toLocaleString('en-GB')} people</dd>
            </dl>
            <blockquote class="excerpt">{activity.content}</blockquote>
            <p class="hint">Evidence fingerprints and hearings will appear here once evidence capture is in place.</p>
          </>
        ) : (
          <p>Not recorded yet.</p>
        )}
        {view.streisandRisk && (
          <p class={`streisand streisand-${view.streisandRisk.level}`}>
            <strong>Streisand risk {view.streisandRisk.level}.</strong> {view.streisandRisk.hint}
          </p>
        )}
      </section>
    </div>
  );
}

function PrecedentPanel({ precedents }: { precedents: Precedents }) {
  if (!precedents.act || !precedents.allowed) return null;
  const established = precedents.established;
  return (
    <section aria-labelledby="precedents-title" class="panel">
      <h2 id="precedents-title">Precedents and the matrix</h2>
      <p>
        For {words(precedents.act.category)} ({precedents.act.severity}) with {precedents.priorSanctionedCases ?? 0} prior sanctioned
        case(s), the matrix (version {precedents.matrixVersion}) allows <strong>{precedents.allowed.allowed.map(words).join(', ')}</strong>.
      </p>
      <p>
        Established: first offence{' '}
        {established?.firstOffence ? `${words(established.firstOffence.sanction)} (${established.firstOffence.count})` : 'none yet'}; repeat
        offence{' '}
        {established?.repeatOffence ? `${words(established.repeatOffence.sanction)} (${established.repeatOffence.count})` : 'none yet'}.
      </p>
      {precedents.precedents.length > 0 && (
        <table class="list">
          <caption>Comparable cases</caption>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Sanction</th>
              <th scope="col">Offence</th>
              <th scope="col">Decided</th>
            </tr>
          </thead>
          <tbody>
            {precedents.precedents.map((precedent) => (
              <tr key={precedent.caseId}>
                <td>{precedent.caseId}</td>
                <td>{words(precedent.sanction)}</td>
                <td>{precedent.repeatOffence ? 'repeat' : 'first'}</td>
                <td>{when(precedent.decidedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Decisions({ view }: { view: CaseView }) {
  if (view.decisions.length === 0) return null;
  return (
    <section aria-labelledby="decisions-title" class="panel">
      <h2 id="decisions-title">Decisions and approvals</h2>
      <ol class="decisions">
        {view.decisions.map((decision) => (
          <li key={decision.id}>
            <p>
              <strong>{decision.sanction ? `${words(decision.outcome)}: ${words(decision.sanction)}` : words(decision.outcome)}</strong> by{' '}
              {decision.decidedByName}, {when(decision.decidedAt)} <Badge tone="info">{words(decision.approvalStatus)}</Badge>
            </p>
            <p>{decision.rationale}</p>
            {decision.justification && <p>Departure from precedent: {decision.justification}</p>}
            {decision.approvals.map((approval) => (
              <p key={approval.at} class="sub">
                {approval.approve ? 'Approved' : 'Sent back'} by {approval.approverName}, {when(approval.at)}: {approval.rationale}
              </p>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Timeline({ view }: { view: CaseView }) {
  return (
    <section aria-labelledby="timeline-title" class="panel">
      <h2 id="timeline-title">Timeline</h2>
      <ol class="timeline">
        {view.timeline.map((event, i) => (
          <li key={i}>
            <time dateTime={event.at}>{when(event.at)}</time> <span>{words(event.action)}</span> <span class="sub">{event.actor}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A case as its handlers work on it: the facts and evidence, the history and precedents, the forms its status calls for, the timeline. */
export function CasePage({ caseId, session }: { caseId: string; session: Session }) {
  const path = `/api/cases/${encodeURIComponent(caseId)}`;
  const [problem, setProblem] = useState<Error | null>(null);
  const loaded = useLoad(async () => {
    const view = await getJson<CaseView>(path);
    const [precedents, history, explanation] = await Promise.all([
      getJson<Precedents>(`${path}/precedents`).catch(() => null),
      view.employee
        ? getJson<{ cases: CaseSummary[] }>(`/api/cases?employeeId=${encodeURIComponent(view.employee.id)}&limit=50`).catch(() => null)
        : null,
      view.status === 'explaining' || view.status === 'awaiting_publication'
        ? getJson<Explanation>(`${path}/explanation`).catch(() => null)
        : null,
    ]);
    return { view, precedents, history, explanation };
  }, [caseId]);
  return (
    <Page
      title={`Case ${caseId}`}
      actions={
        <button type="button" onClick={() => download(`${path}/export.pdf`, `${caseId}.pdf`).catch(setProblem)}>
          Export PDF
        </button>
      }
    >
      <Problem problem={problem} />
      <Loading loaded={loaded}>
        {({ view, precedents, history, explanation }) => {
          const others = history?.cases.filter((item) => item.caseId !== caseId) ?? [];
          return (
            <>
              <p class="status-line">
                <Badge tone={view.status === 'closed' ? 'ok' : 'info'}>{words(view.status)}</Badge>
                {view.employee && (
                  <span>
                    about {view.employee.name} ({view.employee.department})
                  </span>
                )}
              </p>
              {view.pending?.decision && holdsStrictly(session, ...DECIDING_ROLES) && (
                <DecisionForm view={view} precedents={precedents} onDone={loaded.reload} />
              )}
              {view.pending?.approval && holds(session, 'steering_committee', 'hr') && <ApprovalForm view={view} onDone={loaded.reload} />}
              {view.status === 'awaiting_removal' && holds(session, 'social_media_lead', 'communications', 'steering_committee') && (
                <ReportForm view={view} kind="removal" onDone={loaded.reload} />
              )}
              {view.status === 'following_up' && holds(session, 'social_media_lead', 'communications', 'steering_committee') && (
                <ReportForm view={view} kind="follow_up" onDone={loaded.reload} />
              )}
              {explanation && <ExplanationEditor caseId={caseId} explanation={explanation} onDone={loaded.reload} />}
              <Facts view={view} />
              {precedents && <PrecedentPanel precedents={precedents} />}
              <section aria-labelledby="history-title" class="panel">
                <h2 id="history-title">The employee's history</h2>
                {!history ? (
                  <p>Not shown: an employee's cases are for those who may read the employee's record.</p>
                ) : others.length === 0 ? (
                  <p>No other case about this employee.</p>
                ) : (
                  <CaseTable cases={others} caption="Other cases about this employee" />
                )}
              </section>
              <Decisions view={view} />
              <Timeline view={view} />
            </>
          );
        }}
      </Loading>
    </Page>
  );
}
