import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The local runner's secrets, each generated once into a file of the data folder (mode 600). */
export type LocalSecret = 'auth-secret' | 'postgres-password';

/** A local secret: kept in the data folder so that tokens and the embedded database survive restarts. */
export function obtainLocalSecret(dataDir: string, name: LocalSecret = 'auth-secret'): string {
  const file = path.join(path.resolve(dataDir), name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
