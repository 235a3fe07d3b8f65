/**
 * A stand-in for the publisher (site/publisher) in the CMS suites: an HTTP receiver on 127.0.0.1 that records
 * what the CMS sends it — webhook events and the timed rebuilds of embargoes and notice expiries
 * (cms/src/publishing/timed-rebuilds.ts) — and answers 202. It sets PUBLISHER_URL, PUBLISHER_SECRET and a
 * one-second EMBARGO_CHECK_SECONDS for the Strapi started after it; `stop` puts the environment back.
 * The real publisher's handling of such events is tested in test/site/publish.test.ts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { secret: string | undefined; payload: any };
export type PublisherReceiver = { received: Received[]; stop: () => Promise<void> };

export async function startPublisherReceiver(secret: string): Promise<PublisherReceiver> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      received.push({ secret: req.headers['x-publisher-secret'] as string | undefined, payload: JSON.parse(text || '{}') });
      res.writeHead(202).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.PUBLISHER_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.PUBLISHER_SECRET = secret;
  process.env.EMBARGO_CHECK_SECONDS = '1';
  return {
    received,
    stop: async () => {
      delete process.env.PUBLISHER_URL;
      delete process.env.PUBLISHER_SECRET;
      delete process.env.EMBARGO_CHECK_SECONDS;
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
