import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RemovalCall {
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  body: { url: string; caseId: string; reason: string };
}

/** A stand-in for a company CMS on a local port: records removal calls and answers with scripted statuses. */
export class ContentSiteDouble {
  readonly calls: RemovalCall[] = [];
  private server?: Server;
  /** Statuses to answer in turn; once used up, 200. */
  constructor(private readonly script: number[] = []) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/cms`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        if (req.method !== 'POST' || req.url !== '/cms/removals') {
          res.writeHead(404).end();
          return;
        }
        this.calls.push({
          idempotencyKey: req.headers['idempotency-key'] as string | undefined,
          authorization: req.headers.authorization,
          body: JSON.parse(raw),
        });
        res.writeHead(this.script.shift() ?? 200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server!.close(() => resolve()));
  }
}
