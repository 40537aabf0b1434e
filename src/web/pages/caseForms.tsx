import { useState } from 'preact/hooks';
import { send } from '../api';
import { described, Field, Problem, TextArea, words } from '../components';
import { type Submission, useSubmission } from '../forms';
import type { CaseView, Precedents } from './caseTypes';
import { VerdictForm } from './verdictForm';

function Outcome({ submission }: { submission: Submission }) {
  return (
    <>
      <Problem problem={submission.problem} />
      {submission.done && (
        <p class="done" role="status">
          {submission.done}
        </p>
      )}
    </>
  );
}

/** The decision, with only the options the case allows: the outcomes of its kind, the sanctions the matrix allows this employee, removal only on a company site. */
export function DecisionForm({ view, precedents, onDone }: { view: CaseView; precedents: Precedents | null; onDone: () => void }) {
  const submission = useSubmission();
  const inappropriate = view.assessment.kind === 'inappropriate';
  const allowed = precedents?.allowed?.allowed ?? [];
  const established = precedents?.established?.[precedents.priorSanctionedCases ? 'repeatOffence' : 'firstOffence'] ?? null;
  const [outcome, setOutcome] = useState(inappropriate ? 'sanction' : 'capitalize');
  const [sanction, setSanction] = useState(
    established?.sanction && allowed.includes(established.sanction) ? established.sanction : (allowed[0] ?? ''),
  );
  const [contentAction, setContentAction] = useState(view.activity?.siteControlledByCompany ? 'remove' : 'leave');
  const [contentRationale, setContentRationale] = useState('');
  const [justification, setJustification] = useState('');
  const [rationale, setRationale] = useState('');
  const [amplify, setAmplify] = useState(true);
  const [shareInsightWith, setShareInsightWith] = useState('');
  const [reproduce, setReproduce] = useState('');
  const { errorAt } = submission;

  const body = () => {
    if (outcome === 'sanction') {
      return {
        outcome,
        sanction,
        rationale,
        content: { action: contentAction, rationale: contentRationale },
        justification: justification || undefined,
      };
    }
    if (outcome === 'capitalize') return { outcome, plan: { amplify, shareInsightWith, reproduce }, rationale };
    return { outcome, rationale };
  };
  const decide = async (event: Event) => {
    event.preventDefault();
    if (await submission.submit(() => send('POST', `/api/cases/${encodeURIComponent(view.caseId)}/decision`, body()), 'Decision recorded.'))
      onDone();
  };
  const outcomes = inappropriate ? ['sanction', 'dismiss'] : ['capitalize', 'dismiss'];
  return (
    <form class="panel" onSubmit={decide} aria-labelledby="decision-title" noValidate>
      <h2 id="decision-title">Decide</h2>
      <fieldset aria-invalid={errorAt('outcome') ? true : undefined}>
        <legend>Outcome</legend>
        {outcomes.map((value) => (
          <label key={value} class="check">
            <input type="radio" name="outcome" value={value} checked={outcome === value} onChange={() => setOutcome(value)} />{' '}
            {words(value)}
          </label>
        ))}
        {errorAt('outcome') && <p class="field-error">{errorAt('outcome')}</p>}
      </fieldset>
      {outcome === 'sanction' && (
        <>
          <Field
            id="decision-sanction"
            label="Sanction"
            error={errorAt('sanction')}
            hint={
              precedents?.allowed
                ? `The matrix (version ${precedents.matrixVersion}) allows ${words(precedents.allowed.range.min)} to ${words(precedents.allowed.range.max)} here.`
                : undefined
            }
          >
            <select
              {...described('decision-sanction', errorAt('sanction'), precedents?.allowed ? 'hint' : undefined)}
              value={sanction}
              onChange={(e) => setSanction(e.currentTarget.value)}
            >
              {allowed.map((value) => (
                <option key={value} value={value}>
                  {words(value)}
                </option>
              ))}
            </select>
          </Field>
          <TextArea
            id="decision-justification"
            label="Justification (when departing from precedent)"
            value={justification}
            onValue={setJustification}
            error={errorAt('justification')}
            hint={
              established
                ? `Comparable cases received ${words(established.sanction)} (${established.count}); choosing otherwise needs a written justification.`
                : 'No precedent binds this act yet.'
            }
          />
          <Field
            id="decision-content-action"
            label="The content"
            error={errorAt('content.action')}
            hint={view.streisandRisk ? `Streisand risk ${view.streisandRisk.level}: ${view.streisandRisk.hint}` : undefined}
          >
            <select
              {...described('decision-content-action', errorAt('content.action'), view.streisandRisk ? 'hint' : undefined)}
              value={contentAction}
              onChange={(e) => setContentAction(e.currentTarget.value)}
            >
              {view.activity?.siteControlledByCompany && <option value="remove">remove it (company site)</option>}
              <option value="request_removal">ask for its removal</option>
              <option value="leave">leave it</option>
            </select>
          </Field>
          <TextArea
            id="decision-content-rationale"
            label="Why, for the content"
            value={contentRationale}
            onValue={setContentRationale}
            error={errorAt('content.rationale')}
          />
        </>
      )}
      {outcome === 'capitalize' && (
        <>
          <label class="check">
            <input type="checkbox" checked={amplify} onChange={(e) => setAmplify(e.currentTarget.checked)} /> Amplify it on the company's
            channels
          </label>
          <Field id="decision-share" label="Share the insight with" error={errorAt('plan.shareInsightWith')}>
            <input
              {...described('decision-share', errorAt('plan.shareInsightWith'))}
              value={shareInsightWith}
              onInput={(e) => setShareInsightWith(e.currentTarget.value)}
            />
          </Field>
          <TextArea
            id="decision-reproduce"
            label="How to reproduce the success"
            value={reproduce}
            onValue={setReproduce}
            error={errorAt('plan.reproduce')}
          />
        </>
      )}
      <TextArea id="decision-rationale" label="Rationale" value={rationale} onValue={setRationale} error={errorAt('rationale')} rows={3} />
      <Outcome submission={submission} />
      <button type="submit" disabled={submission.busy}>
        Record the decision
      </button>
    </form>
  );
}

/** The four-eyes answer on a harsh sanction. */
export function ApprovalForm({ view, onDone }: { view: CaseView; onDone: () => void }) {
  const pending = [...view.decisions].reverse().find((decision) => decision.approvalStatus === 'pending');
  return (
    <VerdictForm
      id="approval"
      title="Approve the sanction"
      path={`/api/cases/${encodeURIComponent(view.caseId)}/approval`}
      approveLabel="approve"
      sendBackLabel="send back to the decider"
      done={{ approved: 'Approved.', sentBack: 'Sent back to the decider.' }}
      onDone={onDone}
    >
      {pending && (
        <p>
          {pending.decidedByName} decided <strong>{words(pending.sanction)}</strong>: {pending.rationale}
        </p>
      )}
    </VerdictForm>
  );
}

/** News of a removal request, or whether a positive activity's success was reproduced. */
export function ReportForm({ view, kind, onDone }: { view: CaseView; kind: 'removal' | 'follow_up'; onDone: () => void }) {
  const submission = useSubmission();
  const [status, setStatus] = useState(kind === 'removal' ? 'removed' : 'yes');
  const [note, setNote] = useState('');
  const path = `/api/cases/${encodeURIComponent(view.caseId)}/${kind === 'removal' ? 'content-status' : 'follow-up'}`;
  const report = async (event: Event) => {
    event.preventDefault();
    const body = kind === 'removal' ? { status, note } : { reproduced: status === 'yes', note };
    if (await submission.submit(() => send('POST', path, body), 'Reported.')) onDone();
  };
  const options = kind === 'removal' ? ['removed', 'refused', 'in_progress'] : ['yes', 'no'];
  return (
    <form class="panel" onSubmit={report} aria-labelledby="report-title">
      <h2 id="report-title">{kind === 'removal' ? 'Report on the removal request' : 'Was the success reproduced?'}</h2>
      <Field id="report-status" label={kind === 'removal' ? 'The platform' : 'Reproduced'}>
        <select id="report-status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
          {options.map((value) => (
            <option key={value} value={value}>
              {words(value)}
            </option>
          ))}
        </select>
      </Field>
      <TextArea id="report-note" label="Note" value={note} onValue={setNote} />
      <Outcome submission={submission} />
      <button type="submit" disabled={submission.busy}>
        Report
      </button>
    </form>
  );
}
