import { condition } from '@temporalio/workflow';
import { type CaseOpening, type CaseReceipt, type CaseState, receiptOf } from '../domain/case';
import { removalReminder } from '../domain/caseNotices';
import { refuseRemovalReport } from '../domain/caseReports';
import type { SanctionDecision } from '../domain/decisions';
import { roleInbox } from '../domain/inboxes';
import { activities } from './activityCalls';
import type { ReportRemovalArgs } from './caseMessages';
import { recordSystemStep } from './caseTimeline';
import { refuse } from './refusals';
import { moveCase } from './searchAttributes';

/** How many times an unanswered removal request is chased before it is recorded as unresolved. */
export const REMOVAL_REMINDERS = 3;

/**
 * What a sanction's decision asks of the content: removed on a company site, a removal asked of an
 * external site (Streisand effect weighed by the decider), or left. A removal that needs people is
 * followed through their reports (validated Updates), chasing the social-media lead meanwhile.
 */
export class ContentHandling {
  private readonly reports: ReportRemovalArgs[] = [];

  constructor(
    private readonly state: CaseState,
    private readonly opening: CaseOpening,
  ) {}

  readonly validateReport = ({ reporter }: ReportRemovalArgs): void =>
    refuse(refuseRemovalReport(this.state.status === 'awaiting_removal' && this.state.content !== null, reporter));

  readonly report = (report: ReportRemovalArgs): CaseReceipt => {
    const { content } = this.state;
    this.reports.push(report);
    if (content) content.status = report.status === 'in_progress' ? content.status : report.status;
    return receiptOf(this.state);
  };

  async handle(decided: SanctionDecision['content']): Promise<void> {
    const { caseId, detection } = this.opening;
    const order = {
      caseId,
      url: detection.url,
      platform: detection.platform,
      reach: detection.reach,
      severity: this.state.assessment.severity,
      rationale: decided.rationale,
    };
    const content: NonNullable<CaseState['content']> = { action: decided.action, status: 'left' };
    this.state.content = content;
    switch (decided.action) {
      case 'remove': {
        const { status } = await activities.removeFromCompanySite(order);
        content.status = status;
        if (status === 'awaiting_removal') await this.awaitRemoval(content);
        break;
      }
      case 'request_removal':
        await activities.openRemovalRequest(order);
        content.status = 'requested';
        await this.awaitRemoval(content);
        break;
      case 'leave':
        await activities.leaveContent(order);
        break;
    }
  }

  /** Records what the handlers report on a removal, chasing the social-media lead while nothing comes. */
  private async awaitRemoval(content: NonNullable<CaseState['content']>): Promise<void> {
    const { caseId, timing } = this.opening;
    moveCase(this.state, 'awaiting_removal');
    let recorded = 0;
    let reminders = 0;
    while (content.status !== 'removed' && content.status !== 'refused') {
      if (await condition(() => this.reports.length > recorded, timing.followUpReminderMs)) {
        while (recorded < this.reports.length) {
          const { reporter, status, note } = this.reports[recorded];
          recorded += 1;
          await activities.recordRemovalReport({ caseId, sequence: recorded, reporter, status, note });
        }
        continue;
      }
      if (reminders === REMOVAL_REMINDERS) {
        await activities.markRemovalUnresolved(caseId);
        content.status = 'unresolved';
        return;
      }
      reminders += 1;
      await recordSystemStep(
        caseId,
        { key: `${caseId}:removal-reminder:${reminders}`, action: 'removal_reminder_sent' },
        removalReminder(caseId),
        [roleInbox('social_media_lead')],
      );
    }
  }
}
