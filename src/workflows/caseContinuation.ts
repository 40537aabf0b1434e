import { allHandlersFinished, condition, makeContinueAsNewFunc, patched, workflowInfo } from '@temporalio/workflow';
import type { CarriedCase, CaseOpening, CaseTiming } from '../domain/case';
import { PATCHES } from './patches';
import { caseSearchAttributes } from './searchAttributes';

/** After this many reminders in one run, a case still waiting for a decision or an approval continues as new, unless its timing says otherwise. */
export const REMINDERS_PER_RUN = 10;

/** Whether a wait that sent `remindersThisRun` reminders hands over to a new run, so its history stays bounded. */
export function timeToCarryOn(timing: CaseTiming, remindersThisRun: number): boolean {
  const long = remindersThisRun >= (timing.remindersPerRun ?? REMINDERS_PER_RUN) || workflowInfo().continueAsNewSuggested;
  return long && patched(PATCHES.boundedCaseWaits);
}

/**
 * Continues a waiting case as new, once no Update is in flight (an accepted one would be lost with
 * this run). Returns without continuing when an Update answered the wait meanwhile.
 */
export async function carryOn(opening: CaseOpening, carried: Omit<CarriedCase, 'runs'>, stillWaiting: () => boolean): Promise<void> {
  await condition(allHandlersFinished);
  if (!stillWaiting()) return;
  const continueCase = makeContinueAsNewFunc<(opening: CaseOpening) => Promise<unknown>>({
    typedSearchAttributes: caseSearchAttributes(carried.state),
  });
  await continueCase({ ...opening, carried: { ...carried, runs: (opening.carried?.runs ?? 0) + 1 } });
}
