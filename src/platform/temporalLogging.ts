import type { LogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import { Runtime } from '@temporalio/worker';
import { caseIdOfWorkflow } from '../domain/case';
import type { Logger } from './logger';

const PINO_METHOD: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

export interface TemporalRuntimeOptions {
  /** `host:port` where the SDK Core serves its worker metrics for Prometheus (`/metrics`); none when unset. */
  metricsAddress?: string;
}

/**
 * Sends the Temporal SDK's own logs (worker lifecycle, workflow and activity logs) through the
 * service's JSON logger, at its level, and exports the worker's metrics to Prometheus when asked.
 * Must run before the first connection or worker is made.
 */
export function installTemporalLogging(logger: Logger, options: TemporalRuntimeOptions = {}): void {
  const temporal = logger.child({ component: 'temporal' });
  // pino serialises errors under `err`; the SDK puts them under `error`. Workflow and activity lines name their case.
  const log = (level: LogLevel, message: string, { error, ...meta }: LogMetadata = {}) => {
    const caseId = typeof meta.workflowId === 'string' ? caseIdOfWorkflow(meta.workflowId) : null;
    const fields = { ...(caseId ? { caseId } : {}), ...meta, ...(error === undefined ? {} : { err: error }) };
    temporal[PINO_METHOD[level]](fields, message);
  };
  const adapter: TemporalLogger = {
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
  Runtime.install({
    logger: adapter,
    ...(options.metricsAddress
      ? {
          telemetryOptions: {
            metrics: { prometheus: { bindAddress: options.metricsAddress, countersTotalSuffix: true, useSecondsForDurations: true } },
          },
        }
      : {}),
  });
}
