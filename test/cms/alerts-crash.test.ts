/**
 * Exactly once across a crash: a CMS sending an alert to 40 subscribers is killed (SIGKILL) in the middle of
 * the batch, while the relay holds a message it has not accepted yet; a new CMS starts on the same database
 * (and, on PostgreSQL with TEST_REDIS_URL, the same BullMQ queue in Redis) and finishes the batch. The local
 * SMTP server must have accepted exactly one mail per subscriber: no duplicate, no loss.
 */
import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createPgDatabase, newSecrets, snapshotFor, type TestDb } from '../helpers/strapi.ts';
import { mailboxEnv, startMailbox, type Mailbox } from '../helpers/alert-mailbox.ts';

const SUBSCRIBERS = 40;
const KILL_AT = 15; // the 16th message reaches the relay, which never answers: the CMS dies waiting
const db = (process.env.TEST_DB as TestDb) || 'sqlite';
const CHILD = path.resolve(import.meta.dirname, '../helpers/alerts-child.ts');

let box: Mailbox | undefined;
let tmp = '';
let pg: { url: string; drop: () => Promise<void> } | undefined;
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await box?.close();
  await pg?.drop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function start(config: object, onMessage: (m: { type: string }) => void) {
  const child = fork(CHILD, [], { env: { ...process.env, ALERTS_CHILD: JSON.stringify(config) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.on('message', onMessage as any);
  children.push(child);
  return child;
}

const waitFor = (child: ChildProcess, type: string) =>
  new Promise<void>((resolve, reject) => {
    child.on('message', (m: any) => m?.type === type && resolve());
    child.on('exit', (code, signal) => reject(new Error(`the CMS child stopped (${code ?? signal}) before '${type}'`)));
  });

it('sends each mail of a batch once when the CMS is killed in the middle and started again', async () => {
  let first: ChildProcess | undefined;
  let killed = false;
  const mailbox = await startMailbox({
    parse: false,
    beforeAccept: (_to, index) => {
      if (index === KILL_AT && !killed) {
        killed = true;
        first?.kill('SIGKILL');
        return 'hang';
      }
      return 'accept';
    },
  });
  box = mailbox;
  const snapshot = snapshotFor(db, true);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thads-alerts-crash-'));
  if (snapshot) fs.cpSync(snapshot.dir, tmp, { recursive: true, filter: (src) => path.basename(src) !== 'snapshot.json' });
  if (db === 'postgres') pg = await createPgDatabase(process.env.TEST_DATABASE_URL!, { template: snapshot?.template });
  const env: Record<string, string> = {
    ...mailboxEnv(mailbox),
    ALERTS_TICK_SECONDS: '0.2',
    ALERTS_LEASE_SECONDS: '2',
    ALERTS_CONCURRENCY: '1',
    ALERTS_SITE_URL: 'https://thads-hungyen.example',
    ...(db === 'postgres' && process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL, REDIS_PREFIX: `thads-crash-${crypto.randomBytes(4).toString('hex')}:` } : {}),
  };
  const config = { db, tmp, pgUrl: pg?.url, secrets: snapshot?.secrets ?? newSecrets(), env, setup: snapshot ? { subscribers: SUBSCRIBERS } : undefined };
  expect(snapshot, 'the crash test starts from the seeded snapshot (not with THADS_TEST_FRESH=1)').toBeDefined();

  first = start(config, () => {});
  const died = new Promise<string | null>((r) => first!.on('exit', (_c, signal) => r(signal)));
  expect(await died).toBe('SIGKILL');
  expect(mailbox.mails).toHaveLength(KILL_AT);

  const second = start({ ...config, setup: undefined }, () => {});
  // Settled, or a duplicate already (which the counts below then show).
  await Promise.race([waitFor(second, 'settled'), mailbox.until('a duplicate', () => mailbox.mails.length > SUBSCRIBERS, 100_000)]);

  const perRecipient = new Map<string, number>();
  for (const m of mailbox.mails) perRecipient.set(m.to, (perRecipient.get(m.to) ?? 0) + 1);
  expect(perRecipient.size).toBe(SUBSCRIBERS);
  expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
  expect(mailbox.mails).toHaveLength(SUBSCRIBERS);
});
