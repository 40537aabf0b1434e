import type { Assessment } from './case';
import type { DecidingRole } from './vocabulary';

/** Who decides a case, from its assessment: the employee's manager, the social-media lead, or the committee. */
export function routeCase(assessment: Assessment): DecidingRole {
  if (assessment.kind === 'positive') return 'social_media_lead';
  switch (assessment.severity) {
    case 'minor':
      return 'manager';
    case 'moderate':
      return 'social_media_lead';
    case 'serious':
    case 'critical':
      return 'steering_committee';
  }
}
