import { useState } from 'preact/hooks';
import { ApiProblem } from './api';

/** Which form field a refusal's reason is about; its message is shown there as well as at the top of the form. */
const FIELD_OF_REFUSAL: Record<string, string> = {
  disproportionate: 'sanction',
  inconsistent_with_precedent: 'justification',
  cannot_remove_external: 'content.action',
  outcome_mismatch: 'outcome',
  invalid_reclassification: 'outcome',
  session_in_past: 'startsAt',
  session_after_deadline: 'startsAt',
  stale_base: 'changes',
  unchanged_text: 'changes',
};

export interface Submission {
  busy: boolean;
  problem: ApiProblem | Error | null;
  done: string | null;
  /** The reason the API gave about this field (by the refusal's code, or a 400 naming its path), if any. */
  errorAt: (field: string) => string | undefined;
  submit: (action: () => Promise<unknown>, success: string) => Promise<boolean>;
}

export function useSubmission(): Submission {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const errorAt = (field: string) => {
    if (!(problem instanceof ApiProblem)) return undefined;
    const named = problem.fields.find((item) => item.path === field || item.path.startsWith(`${field}.`));
    if (named) return named.message;
    if (FIELD_OF_REFUSAL[problem.code] === field) return problem.message;
    if (problem.code === 'rationale_required' && field === (/content/i.test(problem.message) ? 'content.rationale' : 'rationale'))
      return problem.message;
    return undefined;
  };
  const submit = async (action: () => Promise<unknown>, success: string) => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      await action();
      setDone(success);
      return true;
    } catch (error) {
      setProblem(error as Error);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, done, errorAt, submit };
}
