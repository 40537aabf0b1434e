import { ApplicationFailure } from '@temporalio/workflow';
import type { Refusal } from '../domain/refusal';

/** Update validators throw to refuse: the refusal never enters history, and the caller gets its reason and kind. */
export function refuse(refusal: Refusal | null): void {
  if (refusal) {
    throw ApplicationFailure.create({ type: refusal.code, message: refusal.message, details: [refusal.kind], nonRetryable: true });
  }
}
