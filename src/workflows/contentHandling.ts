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
import { moveCase, upsertContentStatus } from './searchAttributes';

/** How many times an unanswered removal request is chased before it is recorded as unresolved. */
export const REMOVAL_REMINDERS = 3;

/**
 * What a sanction's decision asks of the content: removed on a company site, a removal asked of an
 * external site (Streisand effect weighed by the decider), or left. A removal that needs people is
 * followed through their reports (validated Updates), chasing the social-media lead meanwhile.
 *
 * Cases opened before `PATCHES.lessonAlongsideContent` wait here (status `awaiting_removal`) before
 * their lesson; newer ones handle the content alongside the lesson, and the `ContentStatus` search
 * attribute says where it stands while the case's status follows the lesson.
 */
export class ContentHandling {
  private readonly reports: ReportRemovalArgs[] = [];
  private alongside = false;
  private caseWaitsOnContent = false;
  /** Whether a report can still be recorded: from the request until the removal settles or goes unresolved. */
  private awaitingNews = false;

  constructor(
    private readonly state: CaseState,
    private readonly opening: CaseOpening,
  ) {}

  readonly validateReport = ({ reporter }: ReportRemovalArgs): void => refuse(refuseRemovalReport(this.awaitingNews, reporter));

  readonly report = (report: ReportRemovalArgs): CaseReceipt => {
    const { content } = this.state;
    this.reports.push(report);
    if (content) content.status = report.status === 'in_progress' ? content.status : report.status;
    return receiptOf(this.state);
  };

  /** The content handled while the lesson runs: settled when the promise resolves. */
  handleAlongside(decided: SanctionDecision['content']): Promise<void> {
    this.alongside = true;
    return this.handle(decided);
  }

  /** The lesson is done (alongside): from now on the case waits on its content alone, and says so while a removal is awaited. */
  lessonDone(): void {
    this.caseWaitsOnContent = true;
    if (this.awaitingNews) moveCase(this.state, 'awaiting_removal');
  }

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
        this.showContent(content);
        if (status === 'awaiting_removal') await this.awaitRemoval(content);
        break;
      }
      case 'request_removal':
        await activities.openRemovalRequest(order);
        content.status = 'requested';
        this.showContent(content);
        await this.awaitRemoval(content);
        break;
      case 'leave':
        await activities.leaveContent(order);
        this.showContent(content);
        break;
    }
  }

  private showContent(content: NonNullable<CaseState['content']>): void {
    if (this.alongside) upsertContentStatus(content.status);
  }

  /** Records what the handlers report on a removal, chasing the social-media lead while nothing comes. */
  private async awaitRemoval(content: NonNullable<CaseState['content']>): Promise<void> {
    const { caseId, timing } = this.opening;
    if (!this.alongside || this.caseWaitsOnContent) moveCase(this.state, 'awaiting_removal');
    this.awaitingNews = true;
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
        this.awaitingNews = false;
        await activities.markRemovalUnresolved(caseId);
        content.status = 'unresolved';
        this.showContent(content);
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
    this.awaitingNews = false;
    this.showContent(content);
  }
}
