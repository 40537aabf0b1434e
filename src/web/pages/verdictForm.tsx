import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { send } from '../api';
import { Problem, TextArea } from '../components';
import { useSubmission } from '../forms';

/** A second person's answer on what another proposed: approve it, or send it back, with a rationale (`{approve, rationale}`). */
export function VerdictForm(props: {
  id: string;
  title: string;
  path: string;
  approveLabel: string;
  sendBackLabel: string;
  done: { approved: string; sentBack: string };
  onDone: () => void;
  children?: ComponentChildren;
}) {
  const { id, title, path, approveLabel, sendBackLabel, done, onDone, children } = props;
  const submission = useSubmission();
  const [approve, setApprove] = useState(true);
  const [rationale, setRationale] = useState('');
  const answer = async (event: Event) => {
    event.preventDefault();
    if (await submission.submit(() => send('POST', path, { approve, rationale }), approve ? done.approved : done.sentBack)) onDone();
  };
  return (
    <form class="panel" onSubmit={answer} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
      <fieldset>
        <legend>Your answer</legend>
        <label class="check">
          <input type="radio" name={`${id}-approve`} checked={approve} onChange={() => setApprove(true)} /> {approveLabel}
        </label>
        <label class="check">
          <input type="radio" name={`${id}-approve`} checked={!approve} onChange={() => setApprove(false)} /> {sendBackLabel}
        </label>
      </fieldset>
      <TextArea id={`${id}-rationale`} label="Rationale" value={rationale} onValue={setRationale} error={submission.errorAt('rationale')} />
      <Problem problem={submission.problem} />
      {submission.done && (
        <p class="done" role="status">
          {submission.done}
        </p>
      )}
      <button type="submit" disabled={submission.busy}>
        Send the answer
      </button>
    </form>
  );
}
