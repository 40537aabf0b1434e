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
    /** The id of the intake Update that opened the case, carried across continue-as-new. */
    private opening: string | null,
  ) {}

  readonly answer = async (): Promise<IntakeReceipt> => {
    const updateId = currentUpdateInfo()?.id ?? '';
    this.opening ??= updateId;
    await condition(() => this.ready);
    return { caseId: this.state.caseId, status: this.state.status, created: updateId === this.opening };
  };

  /** The case is on record and its basis pinned: waiting intakes are answered. */
  prepared(): void {
    this.ready = true;
  }

  get openingUpdate(): string | null {
    return this.opening;
  }
}
