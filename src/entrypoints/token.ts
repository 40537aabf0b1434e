import { parseArgs } from 'node:util';
import { z } from 'zod';
import { issueToken } from '../api/auth/tokens';
import { ROLES } from '../domain/vocabulary';
import { obtainLocalSecret } from '../platform/localSecret';

const USAGE = 'usage: npm run token -- --sub <id> --role <role> [--role <role>...] [--name <name>] [--expires 12h]';

/** Prints a bearer token signed with AUTH_SECRET (or the local runner's secret). */
async function main() {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string' },
      role: { type: 'string', multiple: true },
      name: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
  });
  const parsed = z
    .object({ sub: z.string().min(1), role: z.array(z.enum(ROLES)).min(1), name: z.string().optional(), expires: z.string() })
    .safeParse(values);
  if (!parsed.success) {
    console.error(
      `${parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; ')}\n${USAGE}\nroles: ${ROLES.join(', ')}`,
    );
    process.exit(2);
  }
  const { sub, role, name, expires } = parsed.data;
  const secret = process.env.AUTH_SECRET ?? obtainLocalSecret(process.env.DATA_DIR ?? '.data');
  console.log(await issueToken(secret, { sub, roles: role, name: name ?? sub }, expires));
}

void main();
