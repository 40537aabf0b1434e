import { createTransport } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Stable per message and recipient (`<campaign.message.employee@domain>`), so a mail client can collapse a repeat. */
  messageId: string;
  headers?: Record<string, string>;
}

/**
 * What became of one message. Only `accepted`, `rejected` and `not_sent` are certain; `in_doubt`
 * means the connection failed after the message may have reached the server, so it must not be
 * sent again by a system that promises no duplicates.
 */
export type MailOutcome =
  | { outcome: 'accepted'; detail: string }
  | { outcome: 'rejected'; detail: string }
  | { outcome: 'not_sent'; detail: string }
  | { outcome: 'in_doubt'; detail: string };

export interface Mailer {
  /** False when no SMTP server is configured: nothing can be sent. */
  readonly configured: boolean;
  /** How many messages are in flight at once (the size of the SMTP connection pool). */
  readonly concurrency: number;
  /** The domain of the From address, for Message-IDs. */
  readonly domain: string;
  send(mail: OutgoingMail): Promise<MailOutcome>;
  close(): void;
}

export interface MailerConfig {
  /** `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://...:465`; unset: no e-mail. */
  smtpUrl?: string;
  /** The From header, e.g. `Policy communications <policy@example.com>`. */
  from: string;
  maxConnections?: number;
  timeoutMs?: number;
}

/** The domain of the From address, for Message-IDs. */
export function mailDomainOf(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[1]?.trim() || 'localhost';
}

// Errors that prove the server never took the message: nothing reached it, or it could not be reached.
const UNREACHED_CODES = new Set(['EDNS', 'ETLS', 'EAUTH', 'ENOAUTH', 'EPROXY', 'ECONFIG', 'EENVELOPE', 'EREQUIRETLS']);
const SYSTEM_UNREACHED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

interface SmtpError {
  message?: string;
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
}

/** Classifies a failed send: a server answer is certain; a broken connection is not, unless nothing got through. */
export function classifySmtpError(error: unknown): MailOutcome {
  const e = (error ?? {}) as SmtpError;
  const detail = e.response ?? e.message ?? String(error);
  if (typeof e.responseCode === 'number') {
    // 4xx: the server declined for now (the message is not taken); 5xx: declined for good.
    return e.responseCode >= 500 ? { outcome: 'rejected', detail } : { outcome: 'not_sent', detail };
  }
  if ((e.code && UNREACHED_CODES.has(e.code)) || (e.originalCode && SYSTEM_UNREACHED.has(e.originalCode))) {
    return { outcome: 'not_sent', detail };
  }
  return { outcome: 'in_doubt', detail };
}

/**
 * An SMTP mailer on a pool of connections (nodemailer). The pool never re-sends a message on its own
 * (`maxRequeues: 0`): whether to try again is the caller's decision, because only the caller knows
 * whether a repeat would be a duplicate.
 */
export function createMailer(config: MailerConfig): Mailer {
  if (!config.smtpUrl) {
    return {
      configured: false,
      concurrency: 1,
      domain: mailDomainOf(config.from),
      send: async () => ({ outcome: 'not_sent', detail: 'no SMTP server is configured (SMTP_URL)' }),
      close() {},
    };
  }
  const maxConnections = config.maxConnections ?? 5;
  // Shorter than the batches' heartbeat timeout (20 s): a silent server fails a send, not the batch.
  const timeout = config.timeoutMs ?? 15_000;
  const transport = createTransport(
    {
      url: config.smtpUrl,
      pool: true,
      maxConnections,
      maxMessages: Infinity,
      maxRequeues: 0,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    },
    { from: config.from },
  );
  return {
    configured: true,
    concurrency: maxConnections,
    domain: mailDomainOf(config.from),
    async send(mail) {
      try {
        const info = await transport.sendMail({
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: mail.messageId,
          headers: mail.headers,
        });
        if (info.rejected.length > 0) return { outcome: 'rejected', detail: String(info.response ?? 'recipient rejected') };
        return { outcome: 'accepted', detail: String(info.response ?? '') };
      } catch (error) {
        return classifySmtpError(error);
      }
    },
    close() {
      transport.close();
    },
  };
}
