import { bundleWebPage, PREBUILT_PAGE_DIR, writeWebPage } from '../platform/webPage';
import { exitOnStartupFailure } from './fatal';

/** `npm run build`'s page step: the workspace page bundled into dist/web (or the folder given). */
async function main() {
  const started = Date.now();
  const page = await bundleWebPage();
  const dir = process.argv[2] ?? PREBUILT_PAGE_DIR;
  writeWebPage(page, dir);
  console.log(`workspace page: ${dir} (${Math.round(page.js.length / 1024)} KiB script, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch(exitOnStartupFailure);
