/**
 * The architecture's boundaries, checked by `npm run lint` (dependency-cruiser sees type-only
 * imports too, so a cycle of types is a cycle).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'No module imports itself through others: shared types go in leaf modules.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'platform-wires-no-activity',
      severity: 'error',
      comment: "src/platform is configuration and infrastructure; activity modules are the worker's business (src/worker).",
      from: { path: '^src/platform/' },
      to: { path: '^src/activities/' },
    },
    {
      name: 'api-uses-records-not-activities',
      severity: 'error',
      comment: 'The API reads and writes through src/records and talks to workflows through the Temporal client.',
      from: { path: '^src/api/' },
      to: { path: '^src/activities/' },
    },
    {
      name: 'records-below-effects',
      severity: 'error',
      comment: 'src/records holds the Prisma queries that activities and API services share: it knows nothing above it.',
      from: { path: '^src/records/' },
      to: { path: '^src/(activities|api|workflows|integrations|worker|entrypoints)/' },
    },
    {
      name: 'integrations-stand-alone',
      severity: 'error',
      comment: 'An integration client talks to its outside system only: no database, no records, no activity or API code.',
      from: { path: '^src/integrations/' },
      to: { path: '^src/(activities|api|workflows|records|worker|entrypoints)/|^src/platform/database' },
    },
    {
      name: 'web-page-in-the-browser',
      comment: 'src/web runs in the browser and talks to the API over HTTP: it imports only pure domain code (no schemas, no server code).',
      from: { path: '^src/web/' },
      to: { path: '^src/(?!web/|domain/)|^src/domain/schemas/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
