import { ConfigError } from '../platform/config';

/** Ends an entry point on a start-up failure: one line for a configuration error, the stack otherwise. */
export function exitOnStartupFailure(error: unknown): never {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
}
