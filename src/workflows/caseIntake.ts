import { condition, currentUpdateInfo } from '@temporalio/workflow';
import type { CaseState, IntakeReceipt } from '../domain/case';

/**
 * Intake of a detection as an Update sent with the workflow's start: each request waits until the
 * case is on record and decidable. The first intake Update the case sees opened it (`created`); a
 * re-sent detection arriving while the case is still being prepared attaches to the same case.
 */
export class CaseIntake {
  private ready = false;

  constructor(
    private readonly state: CaseState,
    /** The intake Update that opened the case, carried across continue-as-new. */
    private openedBy: string | null,
  ) {}

  readonly answer = async (): Promise<IntakeReceipt> => {
    const updateId = currentUpdateInfo()?.id ?? '';
    this.openedBy ??= updateId;
    await condition(() => this.ready);
    return { caseId: this.state.caseId, status: this.state.status, created: updateId === this.openedBy };
  };

  /** The case is on record and its basis pinned: waiting intakes are answered. */
  prepared(): void {
    this.ready = true;
  }

  get opener(): string | null {
    return this.openedBy;
  }
}
