import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from './logger';
import { projectRoot } from './projectRoot';
import { isStaleBundle } from './workflowBundle';

/** The built workspace page: its script and its style sheet. */
export interface PageAssets {
  js: string;
  css: string;
}

/** Where `npm run build` writes the page (`app.js`, `app.css`). */
export const PREBUILT_PAGE_DIR = path.join(projectRoot, 'dist', 'web');
const SOURCES = path.join(projectRoot, 'src', 'web');

/** The page bundled from src/web by esbuild: one minified script (Preact included) and the style sheet. */
export async function bundleWebPage(): Promise<PageAssets> {
  // Loaded only when bundling: an image serves its prebuilt page without esbuild.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(SOURCES, 'main.tsx')],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'silent',
  });
  return { js: result.outputFiles[0].text, css: readFileSync(path.join(SOURCES, 'page.css'), 'utf8') };
}

export function writeWebPage(page: PageAssets, dir: string = PREBUILT_PAGE_DIR): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'app.js'), page.js);
  writeFileSync(path.join(dir, 'app.css'), page.css);
}

/** The page the API serves: the one `npm run build` wrote, unless src/web or src/domain changed since; else bundled now (a second or so). */
export async function loadWebPage(logger: Pick<Logger, 'info' | 'warn'>): Promise<PageAssets> {
  const prebuilt = path.join(PREBUILT_PAGE_DIR, 'app.js');
  if (existsSync(prebuilt) && !isStaleBundle(prebuilt, ['web', 'domain'])) {
    return { js: readFileSync(prebuilt, 'utf8'), css: readFileSync(path.join(PREBUILT_PAGE_DIR, 'app.css'), 'utf8') };
  }
  logger.info('bundling the workspace page from src/web');
  return bundleWebPage();
}
