import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope recipients. */
  to: string[];
  headers: Record<string, string>;
  subject: string;
  messageId: string;
  /** The decoded text body. */
  text: string;
}

/** An SMTP server's answer to a recipient: null takes it, otherwise e.g. `{ code: 550, message: 'no such mailbox' }`. */
export type RecipientVerdict = { code: number; message: string } | null;

export interface SmtpSinkOptions {
  /** How long the server takes to answer a message once received in full (a slow server, for crash tests). */
  delayMs?: number;
  /** Decides on each RCPT TO; called on every attempt, so it can refuse once and accept later. */
  verdict?: (address: string) => RecipientVerdict;
  /** False to count messages per recipient without keeping them (benchmarks). */
  keepMessages?: boolean;
}

function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_match, _charset: string, encoding: string, text: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Splits a raw message into headers (unfolded, lower-case names) and its decoded text body. */
export function parseMail(raw: string): { headers: Record<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return { headers, text: text.replace(/\r\n/g, '\n').replace(/\n$/, '') };
}

/**
 * A real SMTP server (the `smtp-server` package) on a local port that keeps every message it received
 * in full. A message counts once its data is complete, before the server answers: what a real server
 * would deliver even if the client died before reading the answer.
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  /** Messages received per envelope recipient (kept or not). */
  readonly received = new Map<string, number>();
  /** Messages received in all. */
  count = 0;
  /** Recipients refused, with the code, in order. */
  readonly refusals: { address: string; code: number }[] = [];
  private server?: SMTPServer;

  constructor(private readonly options: SmtpSinkOptions = {}) {}

  get url(): string {
    return `smtp://127.0.0.1:${(this.server!.server.address() as AddressInfo).port}`;
  }

  /** The messages one address received. */
  to(address: string): ReceivedMail[] {
    return this.mails.filter((mail) => mail.to.includes(address));
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        const verdict = this.options.verdict?.(address.address) ?? null;
        if (!verdict) return callback();
        this.refusals.push({ address: address.address, code: verdict.code });
        const error = new Error(verdict.message) as Error & { responseCode: number };
        error.responseCode = verdict.code;
        return callback(error);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => {
          if (this.options.keepMessages !== false) chunks.push(chunk);
        });
        stream.on('error', () => undefined);
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          this.count += 1;
          for (const address of to) this.received.set(address, (this.received.get(address) ?? 0) + 1);
          if (this.options.keepMessages !== false) {
            const { headers, text } = parseMail(Buffer.concat(chunks).toString('utf8'));
            this.mails.push({ to, headers, subject: headers.subject ?? '', messageId: headers['message-id'] ?? '', text });
          }
          const answer = () => callback(null, 'queued');
          if (this.options.delayMs) setTimeout(answer, this.options.delayMs);
          else answer();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(0, '127.0.0.1', () => resolve());
    });
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server!.close(() => resolve()));
  }
}
