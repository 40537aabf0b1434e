/** The words of a campaign: e-mails, social-network posts and inbox notices, composed from plain facts. */
import type { Notice } from './inboxes';

export interface CampaignFacts {
  campaignId: string;
  /** The policy document's title, e.g. "Social-media policy". */
  title: string;
  versionNumber: number;
  changeSummary: string;
  deadline: string;
  /** Where an employee acknowledges (see `acknowledgeLink`). */
  acknowledgeUrl: string;
}

export interface MailText {
  subject: string;
  text: string;
}

export interface PostText {
  title: string;
  text: string;
}

export interface MissingReport {
  id: string;
  name: string;
  department: string;
}

export interface SessionFacts {
  startsAt: string;
  facilitator: string;
  capacity: number;
}

/** The acknowledgement link of a campaign: the configured template with `{campaignId}` filled in. */
export function acknowledgeLink(template: string, campaignId: string): string {
  return template.replaceAll('{campaignId}', encodeURIComponent(campaignId));
}

/** A date as people read it in a message: `2026-12-08 17:00 UTC`. */
export function readableDate(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const firstNameOf = (name: string) => name.trim().split(/\s+/)[0] || name;

const version = (facts: CampaignFacts) => `${facts.title} (version ${facts.versionNumber})`;

export function announcementMail(facts: CampaignFacts, recipientName: string): MailText {
  return {
    subject: `${facts.title} has changed: please read and acknowledge version ${facts.versionNumber}`,
    text: [
      `Hello ${firstNameOf(recipientName)},`,
      '',
      `The company has revised ${version(facts)}. What changed:`,
      '',
      facts.changeSummary,
      '',
      `Please read it and acknowledge it by ${readableDate(facts.deadline)}:`,
      facts.acknowledgeUrl,
      '',
      'Questions and examples are welcome on the enterprise social network, where the change is posted for discussion,',
      'and in the know-how sessions communications will announce there.',
    ].join('\n'),
  };
}

export function reminderMail(facts: CampaignFacts, recipientName: string, round: number): MailText {
  return {
    subject: `Reminder${round > 1 ? ` ${round}` : ''}: please acknowledge ${version(facts)} by ${readableDate(facts.deadline)}`,
    text: [
      `Hello ${firstNameOf(recipientName)},`,
      '',
      `You have not yet acknowledged ${version(facts)}. What changed:`,
      '',
      facts.changeSummary,
      '',
      `Please acknowledge it by ${readableDate(facts.deadline)}:`,
      facts.acknowledgeUrl,
    ].join('\n'),
  };
}

/** To a manager after the deadline: which of their direct reports did not acknowledge. */
export function managerReportMail(facts: CampaignFacts, managerName: string, missing: readonly MissingReport[]): MailText {
  const one = missing.length === 1;
  return {
    subject: `${missing.length} of your direct reports ${one ? 'has' : 'have'} not acknowledged ${version(facts)}`,
    text: [
      `Hello ${firstNameOf(managerName)},`,
      '',
      `The deadline to acknowledge ${version(facts)} was ${readableDate(facts.deadline)}.`,
      `${one ? 'This person' : 'These people'} reporting to you ${one ? 'has' : 'have'} not acknowledged it yet:`,
      '',
      ...missing.map((person) => `- ${person.name} (${person.id}, ${person.department})`),
      '',
      'Please talk it through with them and ask them to acknowledge it:',
      facts.acknowledgeUrl,
    ].join('\n'),
  };
}

/** The post that opens the discussion of a revision on the enterprise social network. */
export function announcementPost(facts: CampaignFacts): PostText {
  return {
    title: `${facts.title}: version ${facts.versionNumber} is out`,
    text: [
      `What changed: ${facts.changeSummary}`,
      '',
      `Everyone is asked to read and acknowledge it by ${readableDate(facts.deadline)} (${facts.acknowledgeUrl}).`,
      'Questions, doubts and good examples are welcome in this thread.',
    ].join('\n'),
  };
}

export function sessionPost(facts: CampaignFacts, session: SessionFacts): PostText {
  return {
    title: `Know-how session on ${facts.title.toLowerCase()} version ${facts.versionNumber}`,
    text: [
      `${session.facilitator} facilitates a session on what changed, on ${readableDate(session.startsAt)}.`,
      `${session.capacity} places; register through the campaign's sessions (campaign ${facts.campaignId}).`,
    ].join('\n'),
  };
}

/** How a campaign ended, for communications' final report. */
export interface CampaignEnding {
  title: string;
  versionNumber: number;
  superseded: boolean;
  coverage: { total: number; acknowledged: number; rate: number };
  reminderRounds: number;
  managerReportsSent: number;
  sessions: { held: number; scheduled: number };
}

export function finalReportNotice(campaignId: string, ending: CampaignEnding): Notice {
  const { total, acknowledged, rate } = ending.coverage;
  const percent = `${Math.round(rate * 100)}%`;
  const version = `${ending.title} version ${ending.versionNumber}`;
  return {
    subject: ending.superseded
      ? `Campaign on ${version} superseded at ${percent} acknowledged`
      : `Campaign on ${version} completed: ${percent} acknowledged`,
    body:
      `${acknowledged} of ${total} employees acknowledged; ${ending.reminderRounds} reminder round(s), ` +
      `${ending.managerReportsSent} manager report(s), ${ending.sessions.held} of ${ending.sessions.scheduled} know-how session(s) held. ` +
      `Full report: GET /api/campaigns/${campaignId}.`,
  };
}
