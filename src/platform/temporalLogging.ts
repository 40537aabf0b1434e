import type { LogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import { Runtime } from '@temporalio/worker';
import type { Logger } from './logger';

const PINO_METHOD: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * Sends the Temporal SDK's own logs (worker lifecycle, workflow and activity logs) through the
 * service's JSON logger, at its level. Must run before the first connection or worker is made.
 */
export function installTemporalLogging(logger: Logger): void {
  const temporal = logger.child({ component: 'temporal' });
  // pino serialises errors under `err`; the SDK puts them under `error`.
  const log = (level: LogLevel, message: string, { error, ...meta }: LogMetadata = {}) =>
    temporal[PINO_METHOD[level]](error === undefined ? meta : { ...meta, err: error }, message);
  const adapter: TemporalLogger = {
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
  Runtime.install({ logger: adapter });
}
