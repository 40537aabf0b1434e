import { useEffect, useState } from 'preact/hooks';
import { getJson, send } from '../api';
import { Badge, described, Field, Loading, Page, Problem, TextArea, useLoad, when, words } from '../components';
import { useSubmission } from '../forms';
import { POLICY_DOCUMENT_TITLES, POLICY_DOCUMENTS, type PolicyDocumentId, REVIEWER_ROLES } from '../../domain/policyReview';
import { holds, type Session } from '../session';
import { VerdictForm } from './verdictForm';

interface ReviewView {
  id: string;
  trigger: string;
  status: string;
  outcome: string | null;
  openedAt: string;
  cases: { caseId: string; category: string; severity: string }[];
  versions: { document: string; number: number; changeSummary: string }[];
  lessons: {
    caseId: string;
    kind: string;
    category: string;
    severity: string | null;
    decision: { outcome: string; sanction: string | null };
    explanation: string | null;
  }[];
  documentsConcerned: PolicyDocumentId[] | null;
  currentVersions: Record<PolicyDocumentId, number> | null;
  answerDueAt: string | null;
  escalated: boolean | null;
  pending: { answer: boolean; approval: boolean } | null;
  pendingAnswer: {
    author: { sub: string; name: string };
    answer: { kind: string; reason?: string; rationale?: string; changes?: { document: string; summary: string; baseVersion: number }[] };
  } | null;
  answers: {
    id: string;
    kind: string;
    authorName: string;
    reason: string;
    status: string;
    submittedAt: string;
    decisionNote: string | null;
  }[];
  trail: { at: string; actor: string; action: string }[];
}

function AnswerForm({ review, onDone }: { review: ReviewView; onDone: () => void }) {
  const submission = useSubmission();
  const [kind, setKind] = useState<'proposal' | 'no_change'>('proposal');
  const documents = [...(review.documentsConcerned ?? []), ...POLICY_DOCUMENTS.filter((id) => !review.documentsConcerned?.includes(id))];
  const [document, setDocument] = useState<PolicyDocumentId>(documents[0]);
  const baseVersion = review.currentVersions?.[document] ?? 1;
  const [text, setText] = useState('');
  const [summary, setSummary] = useState('');
  const [reason, setReason] = useState('');
  useEffect(() => {
    getJson<{ text: string }>(`/api/documents/${document}/versions/${baseVersion}`).then(
      (version) => setText(version.text),
      () => setText(''),
    );
  }, [document, baseVersion]);
  const answer = async (event: Event) => {
    event.preventDefault();
    const body = kind === 'proposal' ? { kind, rationale: reason, changes: [{ document, baseVersion, text, summary }] } : { kind, reason };
    if (
      await submission.submit(
        () => send('POST', `/api/policy-reviews/${encodeURIComponent(review.id)}/answer`, body),
        'Answer sent to the committee.',
      )
    )
      onDone();
  };
  return (
    <form class="panel" onSubmit={answer} aria-labelledby="answer-title" noValidate>
      <h2 id="answer-title">Answer the review</h2>
      <fieldset>
        <legend>Your answer</legend>
        <label class="check">
          <input type="radio" name="kind" checked={kind === 'proposal'} onChange={() => setKind('proposal')} /> propose a revision
        </label>
        <label class="check">
          <input type="radio" name="kind" checked={kind === 'no_change'} onChange={() => setKind('no_change')} /> no change needed
        </label>
      </fieldset>
      {kind === 'proposal' && (
        <>
          <Field id="answer-document" label="Document">
            <select id="answer-document" value={document} onChange={(e) => setDocument(e.currentTarget.value as PolicyDocumentId)}>
              {documents.map((id) => (
                <option key={id} value={id}>
                  {POLICY_DOCUMENT_TITLES[id]} (version {review.currentVersions?.[id] ?? '?'})
                </option>
              ))}
            </select>
          </Field>
          <TextArea
            id="answer-text"
            label={`New text (based on version ${baseVersion})`}
            value={text}
            onValue={setText}
            error={submission.errorAt('changes')}
            rows={12}
          />
          <Field id="answer-summary" label="Summary of the change" error={submission.errorAt('changes.0.summary')}>
            <input
              {...described('answer-summary', submission.errorAt('changes.0.summary'))}
              value={summary}
              onInput={(e) => setSummary(e.currentTarget.value)}
            />
          </Field>
        </>
      )}
      <TextArea
        id="answer-reason"
        label={kind === 'proposal' ? 'Rationale' : 'Why no change is needed'}
        value={reason}
        onValue={setReason}
        error={submission.errorAt(kind === 'proposal' ? 'rationale' : 'reason')}
        rows={3}
      />
      <Problem problem={submission.problem} />
      <button type="submit" disabled={submission.busy}>
        Send the answer
      </button>
    </form>
  );
}

function CommitteeVerdict({ review, onDone }: { review: ReviewView; onDone: () => void }) {
  const pending = review.pendingAnswer;
  return (
    <VerdictForm
      id="verdict"
      title="The committee's verdict"
      path={`/api/policy-reviews/${encodeURIComponent(review.id)}/approval`}
      approveLabel="approve and publish"
      sendBackLabel="send back"
      done={{ approved: 'Approved: the new versions are published.', sentBack: 'Sent back to the reviewers.' }}
      onDone={onDone}
    >
      {pending && (
        <div>
          <p>
            {pending.author.name} answered: <strong>{pending.answer.kind === 'proposal' ? 'a revision' : 'no change needed'}</strong> —{' '}
            {pending.answer.rationale ?? pending.answer.reason}
          </p>
          <ul>
            {(pending.answer.changes ?? []).map((change) => (
              <li key={change.document}>
                {POLICY_DOCUMENT_TITLES[change.document as PolicyDocumentId] ?? change.document} (from version {change.baseVersion}):{' '}
                {change.summary} <a href={`#/policy/${change.document}`}>see the document</a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </VerdictForm>
  );
}

/** A policy review: the lessons it weighs, its answers and trail, and the answer or verdict waiting. */
export function ReviewPage({ reviewId, session }: { reviewId: string; session: Session }) {
  const review = useLoad(() => getJson<ReviewView>(`/api/policy-reviews/${encodeURIComponent(reviewId)}`), [reviewId]);
  return (
    <Page title={`Policy review ${reviewId}`}>
      <Loading loaded={review}>
        {(view) => (
          <>
            <p class="status-line">
              <Badge tone={view.status === 'open' ? 'warn' : 'ok'}>{words(view.outcome ?? view.status)}</Badge> opened {when(view.openedAt)}
              {view.answerDueAt && <span> · answer due {when(view.answerDueAt)}</span>}
              {view.escalated && <Badge tone="overdue">Escalated</Badge>}
            </p>
            {view.pending?.answer && (holds(session, ...REVIEWER_ROLES) || (view.escalated && holds(session, 'steering_committee'))) && (
              <AnswerForm review={view} onDone={review.reload} />
            )}
            {view.pending?.approval && holds(session, 'steering_committee') && <CommitteeVerdict review={view} onDone={review.reload} />}
            <section class="panel" aria-labelledby="lessons-title">
              <h2 id="lessons-title">Lessons under review</h2>
              {view.lessons.length === 0 ? (
                <p>No lesson: a review of the documents as they stand.</p>
              ) : (
                <ul>
                  {view.lessons.map((lesson) => (
                    <li key={lesson.caseId}>
                      <a href={`#/cases/${encodeURIComponent(lesson.caseId)}`}>{lesson.caseId}</a>: {words(lesson.kind)},{' '}
                      {words(lesson.category)}
                      {lesson.severity ? ` (${lesson.severity})` : ''} — {words(lesson.decision.sanction ?? lesson.decision.outcome)}
                    </li>
                  ))}
                </ul>
              )}
              {view.documentsConcerned && (
                <p>Documents most concerned: {view.documentsConcerned.map((id) => POLICY_DOCUMENT_TITLES[id]).join(', ')}.</p>
              )}
              {view.versions.length > 0 && (
                <p>
                  Published:{' '}
                  {view.versions.map((version) => (
                    <a key={version.document} href={`#/policy/${version.document}`}>
                      {POLICY_DOCUMENT_TITLES[version.document as PolicyDocumentId]} v{version.number}{' '}
                    </a>
                  ))}
                </p>
              )}
            </section>
            <section class="panel" aria-labelledby="answers-title">
              <h2 id="answers-title">Answers</h2>
              {view.answers.length === 0 ? (
                <p>None yet.</p>
              ) : (
                <ol>
                  {view.answers.map((answer) => (
                    <li key={answer.id}>
                      {words(answer.kind)} by {answer.authorName}, {when(answer.submittedAt)} —{' '}
                      <Badge tone="info">{words(answer.status)}</Badge> {answer.reason}
                      {answer.decisionNote && <span class="sub"> Verdict: {answer.decisionNote}</span>}
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <section class="panel" aria-labelledby="trail-title">
              <h2 id="trail-title">Trail</h2>
              <ol class="timeline">
                {view.trail.map((event, i) => (
                  <li key={i}>
                    <time dateTime={event.at}>{when(event.at)}</time> {words(event.action)} <span class="sub">{event.actor}</span>
                  </li>
                ))}
              </ol>
            </section>
          </>
        )}
      </Loading>
    </Page>
  );
}
