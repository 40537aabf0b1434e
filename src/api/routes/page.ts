import { Router } from 'express';
import type { ApiContext } from '../context';

/** The page's own policy: its script and style come from this origin, nothing inline, no framing. */
export const PAGE_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Case governance</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<div id="app"><p class="loading">Loading the workspace…</p></div>
<noscript><p>The workspace needs JavaScript. The same actions are available through the API: see <a href="/docs">/docs</a>.</p></noscript>
</body>
</html>
`;

/** The handlers' workspace: one HTML page and its bundle, talking to the same JSON API as any client. */
export function pageRoutes(ctx: ApiContext): Router {
  const router = Router();
  const page = ctx.page;
  if (!page) return router;
  router.get('/', (_req, res) => {
    res.set('Content-Security-Policy', PAGE_CONTENT_SECURITY_POLICY).set('Cache-Control', 'no-cache').type('html').send(INDEX_HTML);
  });
  router.get('/assets/app.js', (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('js').send(page.js);
  });
  router.get('/assets/app.css', (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('css').send(page.css);
  });
  return router;
}
