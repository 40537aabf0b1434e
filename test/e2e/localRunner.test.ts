import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { caseIdFor } from '../../src/api/caseIdentity';
import { eventually } from '../support/fixtures';
import { freePort } from '../support/ports';

/**
 * `npm start` as a user runs it: the all-in-one process on the embedded defaults (its own
 * Temporal dev server in a SQLite file, embedded PostgreSQL), stopped with Ctrl-C and started again.
 */
interface Runner {
  child: ChildProcess;
  output: string[];
  token: string;
}

const projectRoot = path.resolve(__dirname, '..', '..');

type ResponseBody = { timeline: { action: string }[] } & Record<string, unknown>;

async function startRunner(env: NodeJS.ProcessEnv): Promise<Runner> {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), 'src/entrypoints/local.ts'], {
    cwd: projectRoot,
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const token = await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`local runner exited early:\n${output.join('')}`);
      return /HR token\s+(\S+)/.exec(output.join(''))?.[1];
    },
    120_000,
    'the local runner to be ready',
  );
  return { child, output, token };
}

async function interrupt(runner: Runner): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => runner.child.once('exit', resolve));
  runner.child.kill('SIGINT');
  return exited;
}

describe('the all-in-one local runner', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let runner: Runner | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'case-governance-local-'));
    // Run as root, the embedded PostgreSQL runs as the system user postgres, which must reach its folder.
    chmodSync(dataDir, 0o755);
    env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      TEMPORAL_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      AUTH_SECRET: '',
    };
    for (const key of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'AUTH_SECRET']) delete env[key];
  });
  afterAll(async () => {
    if (runner && runner.child.exitCode === null) await interrupt(runner);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps a case and its running workflow across a stop and a start', async () => {
    const api = `http://127.0.0.1:${env.PORT}`;
    const call = async (token: string, method: string, route: string, body?: unknown) => {
      const response = await fetch(`${api}${route}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as ResponseBody };
    };
    const detection = {
      source: 'listening-tool',
      sourceRef: 'post-restart-1',
      employeeId: 'e-1042',
      platform: 'x',
      url: 'https://x.example/p/1',
      content: 'excerpt',
      siteControlledByCompany: false,
      detectedAt: '2026-11-20T09:12:00Z',
      reach: 120,
      assessment: { kind: 'inappropriate', category: 'error_of_judgement', severity: 'minor' },
    };
    const caseId = caseIdFor(detection.source, detection.sourceRef);

    runner = await startRunner(env);
    expect(runner.output.join('')).toContain(`Temporal UI   http://localhost:${env.TEMPORAL_UI_PORT}`);
    const hired = await call(runner.token, 'PUT', '/api/employees/e-1042', {
      name: 'Dana Example',
      email: 'dana@example.test',
      department: 'support',
      managerId: null,
    });
    expect(hired.status).toBe(201);
    expect((await call(runner.token, 'POST', '/api/activities', detection)).status).toBe(202);
    // The embedded PostgreSQL under load: 64 different detections at once, every one a recorded case.
    const burst = await Promise.all(
      Array.from({ length: 64 }, (_, i) => call(runner!.token, 'POST', '/api/activities', { ...detection, sourceRef: `burst-${i}` })),
    );
    expect(burst.map((response) => response.status)).toEqual(Array(64).fill(202));
    await eventually(
      async () => {
        const listed = await call(runner!.token, 'GET', '/api/cases?limit=100');
        return (listed.body as unknown as { cases: unknown[] }).cases?.length === 65 ? true : undefined;
      },
      60_000,
      'the 65 cases to be recorded',
    );
    await eventually(async () => {
      const view = await call(runner!.token, 'GET', `/api/cases/${caseId}`);
      return view.status === 200 && view.body.timeline?.length === 1 ? true : undefined;
    });
    expect(await interrupt(runner)).toBe(0);
    expect(runner.output.join('')).toContain('[local] stopped.');

    runner = await startRunner(env);
    const view = await call(runner.token, 'GET', `/api/cases/${caseId}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      caseId,
      status: 'awaiting_decision',
      // Minor, but Dana has no manager: the social-media lead decides.
      decidingRole: 'social_media_lead',
      workflow: { running: true },
      employee: { id: 'e-1042', name: 'Dana Example' },
    });
    expect(view.body.timeline.map((event: { action: string }) => event.action)).toEqual(['case_opened']);
    const resent = await call(runner.token, 'POST', '/api/activities', detection);
    expect(resent).toEqual({ status: 200, body: { caseId } });
    expect(await interrupt(runner)).toBe(0);
  }, 300_000);
});
