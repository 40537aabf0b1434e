import { useState } from 'preact/hooks';
import { send } from '../api';
import { described, Field, Problem, words } from '../components';
import { useSubmission } from '../forms';
import type { Explanation } from './caseTypes';

interface Finding {
  field: string;
  kind: string;
  found: string;
  start: number;
  end: number;
}

/** The text with the anonymisation check's findings marked; Preact escapes every piece. */
function Highlighted({ text, findings }: { text: string; findings: Finding[] }) {
  const pieces = [];
  let at = 0;
  for (const finding of findings) {
    if (finding.start < at) continue;
    pieces.push(text.slice(at, finding.start));
    pieces.push(
      <mark key={finding.start} title={words(finding.kind)}>
        {text.slice(finding.start, finding.end)}
      </mark>,
    );
    at = finding.end;
  }
  pieces.push(text.slice(at));
  return <p class="highlighted">{pieces}</p>;
}

/** The lesson of the case under review: edit, check for what still identifies the employee, save, approve. */
export function ExplanationEditor({ caseId, explanation, onDone }: { caseId: string; explanation: Explanation; onDone: () => void }) {
  const submission = useSubmission();
  const [title, setTitle] = useState(explanation.title);
  const [parts, setParts] = useState(explanation.parts);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const path = `/api/cases/${encodeURIComponent(caseId)}/explanation`;
  const draft = () => ({ title, parts });
  const editable = explanation.status === 'draft';

  const check = () =>
    submission.submit(async () => {
      const result = await send<{ findings: Finding[] }>('POST', `${path}/check`, draft());
      setFindings(result.findings);
    }, 'Checked.');
  const save = async () => {
    if (await submission.submit(() => send('PUT', path, draft()), 'Saved.')) onDone();
    else
      await send<{ findings: Finding[] }>('POST', `${path}/check`, draft()).then(
        (result) => setFindings(result.findings),
        () => undefined,
      );
  };
  const approve = async () => {
    if (await submission.submit(() => send('POST', `${path}/approve`, {}), 'Approved: it will be published.')) onDone();
  };
  const at = (field: string) => (findings ?? []).filter((finding) => finding.field === field);
  return (
    <section class="panel" aria-labelledby="explanation-title">
      <h2 id="explanation-title">
        Explanation{' '}
        <span class="sub">
          ({words(explanation.status)}, revision {explanation.revision})
        </span>
      </h2>
      <Field id="explanation-title-input" label="Title" error={at('title').length ? 'Identifies the employee' : undefined}>
        <input
          {...described('explanation-title-input', at('title').length ? 'x' : undefined)}
          value={title}
          disabled={!editable}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </Field>
      {at('title').length > 0 && <Highlighted text={title} findings={at('title')} />}
      {parts.map((part, i) => {
        const field = `parts.${i}.text`;
        const found = at(field);
        return (
          <div key={part.key}>
            <Field
              id={`explanation-${part.key}`}
              label={part.heading}
              error={
                found.length ? `Still identifies the employee: ${found.map((f) => `${words(f.kind)} "${f.found}"`).join(', ')}` : undefined
              }
            >
              <textarea
                {...described(`explanation-${part.key}`, found.length ? 'x' : undefined)}
                rows={4}
                value={part.text}
                disabled={!editable}
                onInput={(e) => {
                  const text = e.currentTarget.value;
                  setParts(parts.map((other, j) => (j === i ? { ...other, text } : other)));
                }}
              />
            </Field>
            {found.length > 0 && <Highlighted text={part.text} findings={found} />}
          </div>
        );
      })}
      {findings && findings.length === 0 && (
        <p class="done" role="status">
          The anonymisation check found nothing identifying.
        </p>
      )}
      <Problem problem={submission.problem} />
      {submission.done && !submission.problem && (
        <p class="done" role="status">
          {submission.done}
        </p>
      )}
      {editable && (
        <div class="actions">
          <button type="button" onClick={check} disabled={submission.busy}>
            Check anonymisation
          </button>
          <button type="button" onClick={save} disabled={submission.busy}>
            Save the text
          </button>
          <button type="button" onClick={approve} disabled={submission.busy}>
            Approve for publication
          </button>
        </div>
      )}
    </section>
  );
}
