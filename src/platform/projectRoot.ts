import { existsSync } from 'node:fs';
import path from 'node:path';

/** The folder holding prisma.config.ts, whether this module runs from src/ (tsx) or dist/ (compiled). */
function findProjectRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'prisma.config.ts'))) return dir;
  }
  throw new Error(`no prisma.config.ts above ${from}`);
}

export const projectRoot = findProjectRoot(__dirname);
