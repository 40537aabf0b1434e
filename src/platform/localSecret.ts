import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SECRET_FILE = 'auth-secret';

export function localSecretPath(dataDir: string): string {
  return path.join(path.resolve(dataDir), SECRET_FILE);
}

/** The local runner's signing secret: generated once, kept in the data folder so tokens survive restarts. */
export function obtainLocalSecret(dataDir: string): string {
  const file = localSecretPath(dataDir);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
