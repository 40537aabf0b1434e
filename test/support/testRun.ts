/** What the global set-up hands to every test file, through the environment. */
export interface TestRun {
  temporalAddress: string;
  databaseUrl: string;
  workflowBundlePath: string;
  /** The PostgreSQL server (admin URL) test files create databases of their own on. */
  databaseServer: string;
}

const KEYS = {
  temporalAddress: 'CASES_TEST_TEMPORAL_ADDRESS',
  databaseUrl: 'CASES_TEST_DATABASE_URL',
  workflowBundlePath: 'CASES_TEST_WORKFLOW_BUNDLE',
  databaseServer: 'CASES_TEST_DATABASE_SERVER',
} as const;

export function publishTestRun(run: TestRun): void {
  process.env[KEYS.temporalAddress] = run.temporalAddress;
  process.env[KEYS.databaseUrl] = run.databaseUrl;
  process.env[KEYS.workflowBundlePath] = run.workflowBundlePath;
  process.env[KEYS.databaseServer] = run.databaseServer;
}

export function testRun(): TestRun {
  const read = (key: string) => {
    const value = process.env[key];
    if (value === undefined) throw new Error(`${key} is not set: run the tests through jest's global set-up (npm test)`);
    return value;
  };
  return {
    temporalAddress: read(KEYS.temporalAddress),
    databaseUrl: read(KEYS.databaseUrl),
    workflowBundlePath: read(KEYS.workflowBundlePath),
    databaseServer: read(KEYS.databaseServer),
  };
}
