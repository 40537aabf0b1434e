import { condition } from '@temporalio/workflow';
import { type CaseOpening, type CaseReceipt, type CaseState, receiptOf } from '../domain/case';
import { followUpQuestion } from '../domain/caseNotices';
import { refuseFollowUpReport } from '../domain/caseReports';
import type { CapitalizeDecision } from '../domain/decisions';
import { roleInbox } from '../domain/inboxes';
import { activities, isoAt } from './activityCalls';
import type { ReportFollowUpArgs } from './caseMessages';
import { recordSystemStep } from './caseTimeline';
import { refuse } from './refusals';
import { moveCase } from './searchAttributes';

/** Positive activity: capitalise on it, then find out whether its success was reproduced (a validated Update). */
export class OpportunityPhase {
  private answer: ReportFollowUpArgs | null = null;
  /** Whether an answer can still be recorded: from the follow-up until it is recorded, answered or not. */
  private askingFollowUp = false;

  constructor(
    private readonly state: CaseState,
    private readonly opening: CaseOpening,
  ) {}

  readonly validateReport = ({ reporter }: ReportFollowUpArgs): void =>
    refuse(refuseFollowUpReport(this.askingFollowUp && this.answer === null, reporter));

  readonly report = (report: ReportFollowUpArgs): CaseReceipt => {
    this.answer = report;
    if (this.state.opportunity) this.state.opportunity.reproduced = report.reproduced;
    return receiptOf(this.state);
  };

  async capitalize({ plan, rationale }: CapitalizeDecision): Promise<void> {
    const { caseId, detection, timing } = this.opening;
    const followUpDueAt = isoAt(Date.now() + timing.opportunityFollowUpMs);
    await activities.capitalizeOnActivity({ caseId, plan, rationale, url: detection.url, followUpDueAt });
    this.state.opportunity = { followUpDueAt, reproduced: null };
  }

  /** Asks whether the success was reproduced when the follow-up is due (an answer may come earlier), and records the answer. */
  async followUp({ plan }: CapitalizeDecision): Promise<void> {
    const { caseId, timing } = this.opening;
    const answered = () => this.answer !== null;
    moveCase(this.state, 'following_up');
    this.askingFollowUp = true;
    const untilDue = Date.parse(this.state.opportunity!.followUpDueAt!) - Date.now();
    if (!(untilDue > 0 && (await condition(answered, untilDue)))) {
      await recordSystemStep(
        caseId,
        { key: `${caseId}:follow-up-question`, action: 'follow_up_asked' },
        followUpQuestion(caseId, plan.reproduce),
        [roleInbox('social_media_lead')],
      );
      await condition(answered, timing.followUpReminderMs);
    }
    const { answer } = this;
    this.askingFollowUp = false;
    await activities.recordFollowUp({
      caseId,
      reporter: answer?.reporter ?? null,
      reproduced: answer?.reproduced ?? null,
      note: answer?.note ?? '',
    });
  }
}
