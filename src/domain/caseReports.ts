import type { Decider } from './decider';
import type { Refusal } from './refusal';
import type { Role } from './vocabulary';

/** Who may report on a removal request or on the follow-up of a positive activity. */
export const REPORTER_ROLES: readonly Role[] = ['social_media_lead', 'communications', 'steering_committee'];

function refuseReporter(reporter: Decider): Refusal | null {
  if (reporter.roles.some((role) => REPORTER_ROLES.includes(role))) return null;
  return { kind: 'forbidden', code: 'wrong_role', message: `Only ${REPORTER_ROLES.join(', ')} may report on this case.` };
}

export function refuseRemovalReport(removalOpen: boolean, reporter: Decider): Refusal | null {
  if (!removalOpen) return { kind: 'conflict', code: 'no_open_removal', message: 'This case has no removal awaiting news.' };
  return refuseReporter(reporter);
}

export function refuseFollowUpReport(followUpOpen: boolean, reporter: Decider): Refusal | null {
  if (!followUpOpen) {
    return { kind: 'conflict', code: 'no_open_follow_up', message: 'This case has no follow-up awaiting an answer.' };
  }
  return refuseReporter(reporter);
}
