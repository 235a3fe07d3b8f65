/**
 * Delivery status notifications (RFC 3464) as a relay writes them: Postfix's "Undelivered Mail Returned to
 * Sender", a multipart/report with a human-readable part, the message/delivery-status part and the returned
 * message's headers (text/rfc822-headers), sent to the returned mail's envelope sender.
 */
export type DsnOptions = {
  /** The envelope sender of the returned mail: where the DSN is addressed. */
  to: string;
  /** The recipient that failed. */
  recipient: string;
  action?: 'failed' | 'delayed' | 'delivered';
  status?: string;
  diagnostic?: string;
  /** The returned mail as the relay got it (its header section is quoted). */
  original?: string;
  /** Leave the DSN's own To header out (a pipe that passes the envelope recipient instead). */
  noTo?: boolean;
};

let counter = 0;

export function buildDsn(o: DsnOptions): string {
  const boundary = `3F2A1C0${++counter}.1765152000/relay.thads-hungyen.example`;
  const action = o.action ?? 'failed';
  const status = o.status ?? '5.1.1';
  const diagnostic = o.diagnostic ?? `smtp; 550 5.1.1 <${o.recipient}>: Recipient address rejected: User unknown in virtual mailbox table`;
  const date = new Date().toUTCString().replace('GMT', '+0000');
  const headers = (o.original ?? `Message-ID: <alert-0@thads-hungyen.example>\r\nSubject: thu\r\n\r\n`).split(/\r?\n\r?\n/)[0];
  return [
    'Return-Path: <>',
    `Received: by relay.thads-hungyen.example (Postfix) id 3F2A1C0${counter}; ${date}`,
    `Date: ${date}`,
    'From: MAILER-DAEMON@relay.thads-hungyen.example (Mail Delivery System)',
    `Subject: ${action === 'delayed' ? 'Delayed Mail (still being retried)' : 'Undelivered Mail Returned to Sender'}`,
    ...(o.noTo ? [] : [`To: ${o.to}`]),
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary="${boundary}"`,
    'Content-Transfer-Encoding: 8bit',
    `Message-Id: <20261207231500.3F2A1C0${counter}@relay.thads-hungyen.example>`,
    '',
    'This is a MIME-encapsulated message.',
    '',
    `--${boundary}`,
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host relay.thads-hungyen.example.',
    '',
    action === 'delayed' ? '####################################################################\r\n# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\r\n####################################################################' : "I'm sorry to have to inform you that your message could not\r\nbe delivered to one or more recipients. It's attached below.",
    '',
    `<${o.recipient}>: host mx.example.com[192.0.2.25] said: ${diagnostic.replace(/^smtp;\s*/, '')}`,
    '',
    `--${boundary}`,
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; relay.thads-hungyen.example',
    `X-Postfix-Queue-ID: 3F2A1C0${counter}`,
    `X-Postfix-Sender: rfc822; ${o.to}`,
    `Arrival-Date: ${date}`,
    '',
    `Final-Recipient: rfc822; ${o.recipient}`,
    `Original-Recipient: rfc822;${o.recipient}`,
    `Action: ${action}`,
    `Status: ${status}`,
    'Remote-MTA: dns; mx.example.com',
    `Diagnostic-Code: ${diagnostic}`,
    ...(action === 'delayed' ? [`Will-Retry-Until: ${date}`] : []),
    '',
    `--${boundary}`,
    'Content-Description: Undelivered Message Headers',
    'Content-Type: text/rfc822-headers',
    'Content-Transfer-Encoding: 8bit',
    '',
    `Return-Path: <${o.to}>`,
    headers,
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
