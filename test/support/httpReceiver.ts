import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  headers: IncomingHttpHeaders;
  body: unknown;
  /** The status this call was answered with. */
  status: number;
}

/**
 * A stand-in for a system the product calls over HTTP (a company CMS, a social-network webhook), on a
 * local port: it records each POST to `path` and answers with scripted statuses, then 200.
 */
export class HttpReceiver {
  readonly calls: ReceivedCall[] = [];
  private server?: Server;

  constructor(
    private readonly path: string,
    private readonly script: number[] = [],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}${this.path}`;
  }

  /** The calls that were answered with a 2xx: what the receiver actually took. */
  get accepted(): ReceivedCall[] {
    return this.calls.filter((call) => call.status < 300);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        if (req.method !== 'POST' || req.url !== this.path) {
          res.writeHead(404).end();
          return;
        }
        const status = this.script.shift() ?? 200;
        this.calls.push({ headers: req.headers, body: JSON.parse(raw), status });
        res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server!.close(() => resolve()));
  }
}
