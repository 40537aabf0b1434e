/** The words of the governance process, shared by the API, the workflows and the database. */

export const ACTIVITY_KINDS = ['inappropriate', 'positive'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const INAPPROPRIATE_CATEGORIES = [
  'error_of_judgement',
  'disparaging_employer',
  'inappropriate_media',
  'harassment',
  'confidential_information_disclosure',
  'customer_data_disclosure',
  'intellectual_property_disclosure',
] as const;
export const POSITIVE_CATEGORIES = ['viral_content', 'customer_insight', 'thought_leadership', 'customer_service'] as const;
export type InappropriateCategory = (typeof INAPPROPRIATE_CATEGORIES)[number];
export type PositiveCategory = (typeof POSITIVE_CATEGORIES)[number];
export type ActivityCategory = InappropriateCategory | PositiveCategory;

export const SEVERITIES = ['minor', 'moderate', 'serious', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Sanctions from the mildest to the harshest: the order is the ladder. */
export const SANCTIONS = ['conversation', 'mandatory_training', 'written_warning', 'suspension', 'termination'] as const;
export type Sanction = (typeof SANCTIONS)[number];

export const ROLES = [
  'detector',
  'employee',
  'manager',
  'social_media_lead',
  'steering_committee',
  'communications',
  'hr',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that can be asked to decide a case, from the closest to the employee to the highest. */
export const DECIDING_ROLES = ['manager', 'social_media_lead', 'steering_committee'] as const;
export type DecidingRole = (typeof DECIDING_ROLES)[number];

export const CASE_STATUSES = [
  'awaiting_decision',
  'awaiting_approval',
  'carrying_out',
  'awaiting_removal',
  'following_up',
  'explaining',
  'awaiting_publication',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CONTENT_ACTIONS = ['remove', 'request_removal', 'leave'] as const;
export type ContentAction = (typeof CONTENT_ACTIONS)[number];

export const DECISION_OUTCOMES = ['sanction', 'capitalize', 'dismiss'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export function categoriesOf(kind: ActivityKind): readonly ActivityCategory[] {
  return kind === 'inappropriate' ? INAPPROPRIATE_CATEGORIES : POSITIVE_CATEGORIES;
}

export function isCategoryOfKind(kind: ActivityKind, category: string): category is ActivityCategory {
  return (categoriesOf(kind) as readonly string[]).includes(category);
}

/** What a handler reports about a removal request on an external site. */
export const REMOVAL_REPORTS = ['removed', 'refused', 'in_progress'] as const;
export type RemovalReport = (typeof REMOVAL_REPORTS)[number];
