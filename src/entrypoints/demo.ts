import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DemoClient } from '../demo/demoClient';
import { runGuidedDemo } from '../demo/guidedDemo';
import { obtainLocalSecret } from '../platform/localSecret';

const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  TEMPORAL_UI_PORT: z.coerce.number().int().min(1).max(65535).default(8233),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
});

/** `npm run demo`: walks a running `npm start` (same configuration) through the governance steps, printing where to watch each. */
async function main() {
  const parsed = configSchema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    console.error(`Invalid configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
    process.exit(2);
  }
  const config = parsed.data;
  const secretFile = path.join(path.resolve(config.DATA_DIR), 'auth-secret');
  if (!config.AUTH_SECRET && !existsSync(secretFile)) {
    console.error(`No AUTH_SECRET and no ${secretFile}: start the service first (npm start), or set AUTH_SECRET as it has it.`);
    process.exit(2);
  }
  const baseUrl = `http://localhost:${config.PORT}`;
  const ready = await fetch(`${baseUrl}/readyz`).then(
    (response) => response.ok,
    () => false,
  );
  if (!ready) {
    console.error(`The service does not answer at ${baseUrl}/readyz: start it with npm start (PORT=${config.PORT}).`);
    process.exit(2);
  }
  const client = new DemoClient(baseUrl, config.AUTH_SECRET ?? obtainLocalSecret(config.DATA_DIR));
  console.log(`Guided demo against ${baseUrl}`);
  await runGuidedDemo({
    client,
    temporalUi: { url: `http://localhost:${config.TEMPORAL_UI_PORT}`, namespace: config.TEMPORAL_NAMESPACE },
    runId: new Date().toISOString().replace(/[-:.TZ]/g, ''),
    say: (line) => console.log(line),
  });
}

main().catch((error: Error) => {
  console.error(`The demo stopped: ${error.message}`);
  process.exit(1);
});
