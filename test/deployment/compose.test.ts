import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DEPLOYMENT_VARIABLES, loadApiConfig, loadWorkerConfig, REQUIRED_DEPLOYMENT_VARIABLES } from '../../src/platform/config';
import { PREBUILT_PAGE_DIR } from '../../src/platform/webPage';
import { CASE_SEARCH_ATTRIBUTES } from '../../src/workflows/searchAttributes';

// Static checks of the deployment files: no Docker, Temporal or database needed.

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface Healthcheck {
  test?: string | string[];
  disable?: boolean;
}
interface Service {
  image?: string;
  build?: unknown;
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, string> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: Healthcheck;
  restart?: string;
}
interface ComposeFile {
  services: Record<string, Service>;
}

// `merge: true` resolves the `<<: *app-image` merge keys the way Compose does.
const compose = parse(read('docker-compose.yml'), { merge: true }) as ComposeFile;
const services = compose.services;

const ONE_SHOT = ['migrate', 'temporal-search-attributes'];
const LONG_RUNNING = ['postgresql', 'temporal', 'temporal-ui', 'api', 'worker', 'prometheus'];
const APP_SERVICES = ['api', 'worker'];

function environmentOf(name: string): Record<string, string> {
  const env = services[name].environment ?? {};
  if (!Array.isArray(env)) return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value)]));
  return Object.fromEntries(
    env.map((entry) => {
      const at = entry.indexOf('=');
      return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
    }),
  );
}

/** Compose's variable interpolation ($$, $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}). */
function interpolate(value: string, vars: Record<string, string | undefined>): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (
      match,
      braced: string | undefined,
      colon: string | undefined,
      operator: string | undefined,
      operand: string | undefined,
      bare: string | undefined,
    ) => {
      if (match === '$$') return '$';
      const name = braced ?? bare ?? '';
      const current = vars[name];
      const missing = colon ? !current : current === undefined;
      if (operator === '-') return missing ? (operand ?? '') : (current as string);
      if (operator === '?') {
        if (missing) throw new Error(`${name}: ${operand}`);
        return current as string;
      }
      return current ?? '';
    },
  );
}

const interpolated = (env: Record<string, string>, vars: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(env).map(([key, value]) => [key, interpolate(value, vars)]));

function words(command: string | string[] | undefined): string[] {
  if (command === undefined) return [];
  return Array.isArray(command) ? command : command.split(/\s+/).filter(Boolean);
}

/** Dockerfile instructions, continuation lines joined. */
function dockerfileInstructions(): { keyword: string; args: string }[] {
  return read('Dockerfile')
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** The .ts source that `tsc -p tsconfig.build.json` compiles into a given emitted .js path, if that source exists. */
function sourceEmittedAs(emitted: string): string | undefined {
  const build = JSON.parse(read('tsconfig.build.json')) as {
    extends?: string;
    include?: string[];
    compilerOptions?: Record<string, unknown>;
  };
  const base = build.extends ? (JSON.parse(read(build.extends)) as { compilerOptions?: Record<string, unknown> }) : {};
  const options = { ...base.compilerOptions, ...build.compilerOptions };
  const outDir = String(options.outDir);
  const rootDir = String(options.rootDir ?? '.');
  const relative = path.relative(outDir, emitted);
  if (relative.startsWith('..') || !relative.endsWith('.js')) return undefined;
  const source = path.join(rootDir, relative.replace(/\.js$/, '.ts'));
  const included = (build.include ?? []).some((dir) => !path.relative(dir, source).startsWith('..'));
  return included && existsSync(path.join(root, source)) ? source : undefined;
}

describe('docker-compose.yml', () => {
  it('defines the database, Temporal, the UI, the one-shot jobs, the API and the worker', () => {
    expect(Object.keys(services).sort()).toEqual([...LONG_RUNNING, ...ONE_SHOT].sort());
  });

  it('gives every long-running service a health check, and runs the one-shot jobs once', () => {
    for (const name of LONG_RUNNING) {
      const healthcheck = services[name].healthcheck;
      expect({ name, disabled: healthcheck?.disable ?? false, test: words(healthcheck?.test).length > 0 }).toEqual({
        name,
        disabled: false,
        test: true,
      });
      expect({ name, restart: services[name].restart }).not.toEqual({ name, restart: 'no' });
    }
    for (const name of ONE_SHOT) expect({ name, restart: services[name].restart }).toEqual({ name, restart: 'no' });
  });

  it('runs Prometheus on the API’s /metrics and on the port every worker serves its Temporal metrics at', () => {
    const mounted = (services.prometheus as Service & { volumes?: string[] }).volumes ?? [];
    const configFile = mounted.find((volume) => volume.endsWith(':/etc/prometheus/prometheus.yml:ro'))?.split(':')[0];
    expect(configFile).toBe('./deploy/prometheus.yml');
    const config = parse(read('deploy/prometheus.yml')) as {
      scrape_configs: {
        job_name: string;
        static_configs?: { targets: string[] }[];
        dns_sd_configs?: { names: string[]; port: number }[];
      }[];
    };
    const api = config.scrape_configs.find((job) => job.job_name === 'case-governance-api');
    expect(api?.static_configs?.[0].targets).toEqual([
      `api:${loadApiConfig(interpolated(environmentOf('api'), { AUTH_SECRET: 'k'.repeat(40) })).PORT}`,
    ]);
    const worker = config.scrape_configs.find((job) => job.job_name === 'case-governance-worker');
    const metricsAddress = loadWorkerConfig(interpolated(environmentOf('worker'), { AUTH_SECRET: 'k'.repeat(40) })).WORKER_METRICS_ADDRESS;
    expect(worker?.dns_sd_configs?.[0]).toMatchObject({ names: ['worker'], port: Number(metricsAddress?.split(':')[1]) });
  });

  it('checks readiness (database and Temporal) for the API and liveness of the worker on its task queue', () => {
    expect(words(services.api.healthcheck?.test).join(' ')).toContain('/readyz');
    expect(words(services.worker.healthcheck?.test).join(' ')).toContain('describeTaskQueue');
  });

  it('runs the API, the worker and the migrations from the application image', () => {
    const appImage = services.api.image;
    expect(appImage).toBeTruthy();
    for (const name of ['api', 'worker', 'migrate']) {
      expect({ name, image: services[name].image, built: services[name].build !== undefined }).toEqual({
        name,
        image: appImage,
        built: true,
      });
    }
    expect(words(services.api.command)).toEqual(['node', 'dist/src/entrypoints/api.js']);
    expect(words(services.worker.command)).toEqual(['node', 'dist/src/entrypoints/worker.js']);
    expect(words(services.migrate.command)).toEqual(['node', 'node_modules/prisma/build/index.js', 'migrate', 'deploy']);
  });

  it.each(APP_SERVICES)('gives the %s every required variable and no unknown one', (name) => {
    const names = Object.keys(environmentOf(name));
    for (const required of REQUIRED_DEPLOYMENT_VARIABLES) expect(names).toContain(required);
    for (const variable of names) expect(DEPLOYMENT_VARIABLES).toContain(variable);
  });

  it('shares one environment between the API and the worker, and requires AUTH_SECRET from the operator', () => {
    expect(environmentOf('worker')).toEqual(environmentOf('api'));
    expect(environmentOf('api').AUTH_SECRET).toMatch(/^\$\{AUTH_SECRET:\?[^}]+\}$/);
    expect(() => interpolated(environmentOf('api'), {})).toThrow(/AUTH_SECRET/);
  });

  it('describes a configuration the API and the worker accept once AUTH_SECRET is set', () => {
    const vars = { AUTH_SECRET: 'k'.repeat(40) };
    const api = loadApiConfig(interpolated(environmentOf('api'), vars));
    expect(api).toMatchObject({
      AUTH_SECRET: vars.AUTH_SECRET,
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'case-governance',
      PORT: 3000,
    });
    expect(new URL(api.DATABASE_URL).hostname).toBe('postgresql');
    expect(() => loadWorkerConfig(interpolated(environmentOf('worker'), vars))).not.toThrow();
    // The migration job writes to the same database the API and the worker read.
    expect(interpolated(environmentOf('migrate'), vars).DATABASE_URL).toBe(api.DATABASE_URL);
  });

  it('rejects a short AUTH_SECRET through the same configuration loader', () => {
    expect(() => loadApiConfig(interpolated(environmentOf('api'), { AUTH_SECRET: 'short' }))).toThrow(/AUTH_SECRET/);
  });

  it('registers exactly the case search attributes, with their types', () => {
    const script = interpolate(words(services['temporal-search-attributes'].command).join('\n'), {});
    expect(script).toContain('temporal operator search-attribute create --namespace default');
    const registered = [...script.matchAll(/^\s*register\s+(\S+)\s+(\S+)\s*$/gm)].map(([, name, type]) => ({ name, type }));
    const typeName = (type: string) => type.toLowerCase().replace(/_/g, '');
    expect(registered.map((r) => r.name).sort()).toEqual(CASE_SEARCH_ATTRIBUTES.map((key) => key.name).sort());
    for (const key of CASE_SEARCH_ATTRIBUTES) {
      const entry = registered.find((r) => r.name === key.name);
      expect({ name: key.name, type: typeName(entry?.type ?? '') }).toEqual({ name: key.name, type: typeName(key.type) });
    }
  });

  it.each(APP_SERVICES)('starts the %s only after the migrations and the search attributes succeeded', (name) => {
    const dependsOn = services[name].depends_on;
    expect(Array.isArray(dependsOn)).toBe(false);
    expect(dependsOn).toMatchObject({
      migrate: { condition: 'service_completed_successfully' },
      'temporal-search-attributes': { condition: 'service_completed_successfully' },
      temporal: { condition: 'service_healthy' },
    });
  });

  it('waits for healthy dependencies before the one-shot jobs', () => {
    expect(services.migrate.depends_on).toMatchObject({ postgresql: { condition: 'service_healthy' } });
    expect(services['temporal-search-attributes'].depends_on).toMatchObject({ temporal: { condition: 'service_healthy' } });
    expect(services.temporal.depends_on).toMatchObject({ postgresql: { condition: 'service_healthy' } });
  });

  it('runs compiled entry points that tsconfig.build.json emits, and the prisma CLI from production dependencies', () => {
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
    for (const name of [...APP_SERVICES, 'migrate']) {
      for (const word of words(services[name].command)) {
        if (word.startsWith('dist/')) expect({ word, source: sourceEmittedAs(word) }).toEqual({ word, source: expect.any(String) });
        if (word.startsWith('node_modules/')) {
          expect(existsSync(path.join(root, word))).toBe(true);
          expect(Object.keys(pkg.dependencies)).toContain(word.split('/')[1]);
        }
      }
    }
  });
});

describe('Dockerfile', () => {
  const instructions = dockerfileInstructions();
  const runtimeStage = instructions.slice(instructions.map((i) => i.keyword).lastIndexOf('FROM'));

  it('builds on node:20-bookworm-slim', () => {
    const from = instructions.filter((i) => i.keyword === 'FROM');
    const arg = instructions.find((i) => i.keyword === 'ARG' && i.args.startsWith('NODE_IMAGE='));
    expect(arg?.args).toBe('NODE_IMAGE=node:20-bookworm-slim');
    expect(from.length).toBeGreaterThan(1);
  });

  it('starts the API by default, from a file tsconfig.build.json emits', () => {
    const cmd = runtimeStage.filter((i) => i.keyword === 'CMD').pop();
    const argv = JSON.parse(cmd?.args ?? '[]') as string[];
    expect(argv).toEqual(['node', 'dist/src/entrypoints/api.js']);
    expect(sourceEmittedAs(argv[1])).toBe(path.join('src', 'entrypoints', 'api.ts'));
    expect(runtimeStage.some((i) => i.keyword === 'ENTRYPOINT')).toBe(false);
    expect(sourceEmittedAs('dist/src/entrypoints/worker.js')).toBe(path.join('src', 'entrypoints', 'worker.ts'));
  });

  it('runs as the unprivileged node user and checks the API liveness', () => {
    expect(runtimeStage.filter((i) => i.keyword === 'USER').pop()?.args).toBe('node');
    const healthcheck = runtimeStage.find((i) => i.keyword === 'HEALTHCHECK');
    expect(healthcheck?.args).toContain('/healthz');
  });

  it('runs the worker from the workflow bundle the build step writes into dist/', () => {
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.scripts.build).toMatch(/bundleWorkflows\.js$/);
    const buildStage = instructions.slice(instructions.findIndex((i) => i.keyword === 'FROM' && / AS build$/.test(i.args)));
    expect(buildStage.some((i) => i.keyword === 'RUN' && i.args === 'npm run build')).toBe(true);
    const env = runtimeStage
      .filter((i) => i.keyword === 'ENV')
      .map((i) => i.args)
      .join(' ');
    expect(env).toMatch(/WORKFLOW_BUNDLE=\/app\/dist\/workflow-bundle\.js/);
  });

  it('builds the workspace page into dist/, where the API finds it without its sources', () => {
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.scripts.build).toContain('node dist/src/entrypoints/bundleWebPage.js');
    expect(path.relative(root, PREBUILT_PAGE_DIR)).toBe(path.join('dist', 'web'));
    expect(runtimeStage.some((i) => i.keyword === 'COPY' && i.args === '--from=build /app/dist ./dist')).toBe(true);
  });

  it('ships what the runtime needs: production dependencies, the build, the Prisma schema, migrations and config', () => {
    const copied = runtimeStage
      .filter((i) => i.keyword === 'COPY')
      .map((i) => i.args)
      .join('\n');
    for (const needed of ['node_modules', 'dist', 'prisma.config.ts', 'prisma']) expect(copied).toContain(needed);
    expect(instructions.some((i) => i.keyword === 'RUN' && /npm ci --omit=dev/.test(i.args))).toBe(true);
    expect(existsSync(path.join(root, 'prisma', 'migrations'))).toBe(true);
  });
});
