#!/usr/bin/env node
/**
 * The bounce mailbox's mail pipe: reads one message (a relay's delivery status notification) on stdin and posts
 * it, raw, to the CMS's POST /api/alerts/bounces (src/alerts/bounces.ts).
 *   node cms/scripts/bounce-pipe.js <envelope recipient>
 * Environment: ALERTS_BOUNCE_URL (the CMS's address, e.g. https://cms.thads-hungyen.example; default PUBLIC_URL,
 * else http://localhost:1337) and ALERTS_BOUNCE_SECRET (the same as the CMS's).
 * For Postfix, in master.cf, with bounce+* delivered to this transport (recipient_delimiter = +):
 *   thadsbounce unix - n n - - pipe
 *     flags=q user=nobody argv=/usr/bin/node /srv/thads/cms/scripts/bounce-pipe.js ${recipient}
 * Exit codes (sysexits, as the MTA reads them): 0 when the CMS recorded it or said it has nothing to record
 * (not a DSN of ours: dropping it is right); 75 (EX_TEMPFAIL, the MTA keeps the message and tries again) when
 * the CMS cannot be reached, refuses the secret or fails; 66 when there was nothing on stdin.
 */
const recipient = process.argv[2] ?? '';
const base = (process.env.ALERTS_BOUNCE_URL || process.env.PUBLIC_URL || 'http://localhost:1337').replace(/\/+$/, '');
const secret = process.env.ALERTS_BOUNCE_SECRET || '';

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const message = Buffer.concat(chunks);
  if (!message.length) {
    process.stderr.write('bounce-pipe: không có thư nào trên stdin.\n');
    return 66;
  }
  let res;
  try {
    res = await fetch(`${base}/api/alerts/bounces${recipient ? `?recipient=${encodeURIComponent(recipient)}` : ''}`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${secret}` },
      body: message,
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    process.stderr.write(`bounce-pipe: không gửi được tới ${base}: ${error?.message ?? error}\n`);
    return 75;
  }
  const text = await res.text();
  if (res.ok) {
    process.stdout.write(`${text}\n`);
    return 0;
  }
  process.stderr.write(`bounce-pipe: ${res.status} ${text.slice(0, 500)}\n`);
  // A refusal of the message itself is final; a missing or wrong secret, a limit or a server error is not.
  return res.status === 401 || res.status === 403 || res.status === 429 || res.status >= 500 ? 75 : 0;
}

main().then((code) => process.exit(code));
