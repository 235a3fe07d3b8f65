/**
 * A local SMTP server standing in for the agency's relay (smtp-server, in this process): it keeps every
 * message it accepted, parsed (mailparser), and can refuse some recipients or run a hook on a message before
 * accepting it (the crash test kills the CMS there).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/** `mailFrom`: the envelope sender (MAIL FROM), where the relay's delivery reports go. */
export type Received = { to: string; mailFrom: string; subject: string; text: string; html: string; headers: Map<string, unknown>; messageId: string; raw: string };

export type Mailbox = {
  port: number;
  mails: Received[];
  /** Mails to `to` (lower case). */
  to(address: string): Received[];
  /** Waits until `predicate` holds (polled), or throws after `timeoutMs` saying what it waited for. */
  until(what: string, predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

export async function startMailbox(options: { reject?: (to: string) => { code: number; message: string } | null; beforeAccept?: (to: string, index: number) => 'accept' | 'hang'; parse?: boolean } = {}): Promise<Mailbox> {
  const mails: Received[] = [];
  let seen = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 1024 * 1024,
    onRcptTo(address, _session, done) {
      const refusal = options.reject?.(address.address.toLowerCase());
      if (refusal) return done(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      done();
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(',');
        const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        if (options.beforeAccept?.(to, seen++) === 'hang') return; // never answered: not accepted
        const raw = Buffer.concat(chunks).toString('utf8');
        if (options.parse === false) {
          // A copy, not a slice: V8 keeps the whole message alive behind a substring of it (~7 KB a mail in the benchmark).
          const messageId = Buffer.from(/^message-id:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? '').toString();
          mails.push({ to, mailFrom, subject: '', text: '', html: '', headers: new Map(), messageId, raw: '' });
          return done();
        }
        const parsed: ParsedMail = await simpleParser(raw);
        mails.push({ to, mailFrom, subject: parsed.subject ?? '', text: parsed.text ?? '', html: typeof parsed.html === 'string' ? parsed.html : '', headers: parsed.headers, messageId: parsed.messageId ?? '', raw });
        done();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    to: (address) => mails.filter((m) => m.to === address.toLowerCase()),
    async until(what, predicate, timeoutMs = 30_000) {
      const started = Date.now();
      while (!predicate()) {
        if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what} (${mails.length} mails received)`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The environment that points a CMS at this mailbox. */
export const mailboxEnv = (box: Mailbox) => ({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(box.port), SMTP_IGNORE_TLS: 'true', SMTP_FROM: 'thong-bao@thads-hungyen.example' });
