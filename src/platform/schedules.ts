import {
  Client,
  Connection,
  ScheduleAlreadyRunning,
  type ScheduleOptions,
  type ScheduleOptionsAction,
  type ScheduleSpec,
} from '@temporalio/client';

/** A Temporal Schedule as the configuration describes it. */
export interface ConfiguredSchedule {
  scheduleId: string;
  spec: ScheduleSpec;
  action: ScheduleOptionsAction;
  policies: NonNullable<ScheduleOptions['policies']>;
  /** Shown in the Temporal UI: what it does and which variable sets it. */
  note: string;
}

/**
 * Creates the schedule, or brings an existing one up to date with the configuration, so that
 * however often the service starts there is one schedule. A schedule an operator paused stays paused.
 */
export async function ensureSchedule(client: Client, schedule: ConfiguredSchedule): Promise<{ scheduleId: string; created: boolean }> {
  const { scheduleId, spec, action, policies, note } = schedule;
  try {
    await client.schedule.create({ scheduleId, spec, action, policies, state: { note } });
    return { scheduleId, created: true };
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  await client.schedule.getHandle(scheduleId).update((previous) => ({
    spec,
    action,
    policies,
    state: previous.state.paused ? { paused: true, note: previous.state.note } : { paused: false, note },
  }));
  return { scheduleId, created: false };
}

/** Connects to Temporal for as long as `use` takes: for the worker and the local runner at start-up. */
export async function withTemporalClient<T>(
  temporal: { address: string; namespace: string },
  use: (client: Client) => Promise<T>,
): Promise<T> {
  const connection = await Connection.connect({ address: temporal.address });
  try {
    return await use(new Client({ connection, namespace: temporal.namespace }));
  } finally {
    await connection.close();
  }
}
