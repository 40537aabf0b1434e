import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';

/**
 * Below Linux's ephemeral range (32768-60999): the kernel never hands these ports to an outgoing
 * connection, so a port found free stays free until the process the test starts binds it.
 */
const RANGE = { from: 20_000, to: 32_000 };

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A TCP port on 127.0.0.1 nobody listens on, for a server a test starts. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = randomInt(RANGE.from, RANGE.to);
    if (await bindable(port)) return port;
  }
  throw new Error(`no free port found in ${RANGE.from}-${RANGE.to}`);
}
