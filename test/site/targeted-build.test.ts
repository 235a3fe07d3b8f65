/**
 * Targeted builds are equivalent to full builds (issue 20). On a real seeded Strapi, a random sequence of
 * editors' changes to articles and Q&A — publishes of new items, edits (title, category), unpublishes and
 * deletes — is applied in rounds; after each round the site is kept by a targeted build (site/scripts/build.ts
 * given the round's events, as the publisher gives them), which renders only the paths whose cache key changed
 * and swaps them into the live folder. At the end a full build from an empty cache is made into another folder,
 * and the two are compared file by file (every page, feed, sitemap, download) and by the search results of a
 * set of queries. The sequence is drawn from a seed (THADS_EQUIVALENCE_SEED, printed), so a failure can be
 * replayed. A longer sequence at scale: `npm run bench:build -- --equivalence N`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPagefind, resultUrls } from '../helpers/pagefind.ts';
import { buildSite, listFiles, SITE_DIR } from '../helpers/site.ts';
import { startStrapi, type TestStrapi } from '../helpers/strapi.ts';
import { compareSites, randomChanges, SEARCH_QUERIES } from '../helpers/equivalence.ts';
import { stateDirOf } from '../../site/scripts/targeted.ts';

const SEED = Number(process.env.THADS_EQUIVALENCE_SEED ?? 20_2026);
const ROUNDS = 4;
const CHANGES_PER_ROUND = 3;
/**
 * The last round and the reference build run "the day after" (THADS_BUILD_TIME): the first publish after
 * midnight must not re-render every page, and what does depend on the day (announcements, notices) must come
 * out as a full build of that day makes it.
 */
const DAY_AFTER = String(Date.now() + 86_400_000);

let cms: TestStrapi;
let tmp: string;
let live: string;
let reference: string;
const env = () => ({ STRAPI_URL: cms.url, SITE_URL: 'https://thads.example' });
const rounds: { reasons: string[]; targeted: boolean; rendered: number; output: string; keyed: number; keysChanged: number; dayAfter: boolean }[] = [];
/** The cache keys of the live site (pathname → key; null: no key, rendered at every build), as the builds keep them. */
const liveKeys = (): Record<string, string | null> => JSON.parse(fs.readFileSync(path.join(stateDirOf(live), 'keys.json'), 'utf8'));

beforeAll(async () => {
  cms = await startStrapi({ seed: true });
  // Inside site/, as the publisher's own folders (scripts/build.ts).
  fs.mkdirSync(path.join(SITE_DIR, '.test-builds'), { recursive: true });
  tmp = fs.mkdtempSync(path.join(SITE_DIR, '.test-builds', 'targeted-'));
  live = path.join(tmp, 'live');
  reference = path.join(tmp, 'reference');
  const first = await buildSite({ ...env(), SITE_OUT_DIR: live });
  expect(first.code, first.output.slice(-3000)).toBe(0);
  const random = mulberry32(SEED);
  console.log(`targeted-build.test: seed ${SEED}`);
  for (let round = 0; round < ROUNDS; round++) {
    const reasons = await randomChanges(cms.strapi, random, CHANGES_PER_ROUND, `v${round}`);
    const dayAfter = round === ROUNDS - 1;
    const before = liveKeys();
    const built = await buildSite({ ...env(), SITE_OUT_DIR: live, THADS_CHANGES: JSON.stringify(reasons), ...(dayAfter ? { THADS_BUILD_TIME: DAY_AFTER } : {}) });
    expect(built.code, built.output.slice(-3000)).toBe(0);
    const rendered = Number(/dựng (\d+) đường dẫn/.exec(built.output)?.[1] ?? -1);
    const after = Object.entries(liveKeys()).filter(([, key]) => key !== null);
    const keysChanged = after.filter(([pathname, key]) => pathname in before && before[pathname] !== key).length;
    rounds.push({ reasons, targeted: rendered >= 0, rendered, output: built.output, keyed: after.length, keysChanged, dayAfter });
  }
  // The reference: everything read and rendered again, from an empty cache.
  const full = await buildSite({ ...env(), SITE_OUT_DIR: reference, SITE_CACHE_DIR: path.join(tmp, 'reference-cache'), THADS_BUILD_TIME: DAY_AFTER });
  expect(full.code, full.output.slice(-3000)).toBe(0);
}, 900_000);

afterAll(async () => {
  await cms?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** A small seeded generator (mulberry32): the same seed, the same sequence of changes. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('targeted builds after random changes', () => {
  it('every round was a targeted build that rendered a part of the site', () => {
    const total = listFiles(reference).filter((f) => f.endsWith('.html')).length;
    for (const round of rounds) {
      expect(round.targeted, `${round.reasons.join('; ')}\n${round.output.slice(-2000)}`).toBe(true);
      expect(round.rendered).toBeGreaterThan(0);
      expect(round.rendered).toBeLessThan(total);
      // The search index is made again from the pages kept between builds: only the files rewritten are read.
      const reread = Number(/Search index: \d+ pages \((\d+) files read again/.exec(round.output)?.[1] ?? -1);
      expect(reread, round.output.slice(-1000)).toBeGreaterThanOrEqual(0);
      expect(reread).toBeLessThan(total / 2);
      // The fragments of the pages not rewritten come from the live index (hard links), not from Pagefind again.
      const reused = Number(/(\d+) fragments reused/.exec(round.output)?.[1] ?? -1);
      expect(reused, round.output.slice(-1000)).toBeGreaterThan(0);
      // …and the pages went to Pagefind while Astro rendered, the rendered ones replacing placeholders in place.
      expect(round.output).toContain('Search index: pages added alongside the build.');
    }
    expect(rounds.flatMap((r) => r.reasons).length).toBe(ROUNDS * CHANGES_PER_ROUND);
  });

  it('the first publish of a new day re-renders what the change touches, not every keyed page', () => {
    const [last] = rounds.filter((r) => r.dayAfter);
    // The day used to be in every page's key: every keyed page (articles, Q&A, their lists) changed its key.
    expect(last!.keyed).toBeGreaterThan(100);
    expect(last!.keysChanged, `${last!.keysChanged} of ${last!.keyed} keyed pages changed their key`).toBeLessThan(last!.keyed / 2);
    console.log(`targeted-build.test: the day after, ${last!.keysChanged} of ${last!.keyed} keyed pages changed key; ${last!.rendered} paths rendered`);
  });

  it('the kept site equals a full build, file by file (pages, feeds, sitemap, downloads)', () => {
    const diff = compareSites(live, reference);
    expect(diff.missing, 'files of the full build missing from the kept site').toEqual([]);
    expect(diff.different, 'files that differ').toEqual([]);
    expect(diff.extra, 'files of the kept site absent from the full build (other than orphaned image derivatives)').toEqual([]);
    expect(diff.compared).toBeGreaterThan(100);
    console.log(`targeted-build.test: ${rounds.flatMap((r) => r.reasons).length} changes in ${ROUNDS} rounds, ${diff.compared} files compared, ${diff.orphanImages} orphaned image derivatives`);
  });

  it('the kept search index equals the one of a full build, file for file', () => {
    // Fragments taken from the live index must be exactly the ones Pagefind would write, and none left over.
    const files = (dir: string) => listFiles(path.join(dir, 'pagefind'));
    const kept = files(live);
    expect(kept).toEqual(files(reference));
    const different = kept.filter((f) => !fs.readFileSync(path.join(live, 'pagefind', f)).equals(fs.readFileSync(path.join(reference, 'pagefind', f))));
    expect(different).toEqual([]);
    expect(kept.filter((f) => f.startsWith('fragment/')).length).toBeGreaterThan(20);
  });

  it('search gives the same results on both', async () => {
    const a = await loadPagefind(live);
    const b = await loadPagefind(reference);
    let found = 0;
    for (const query of SEARCH_QUERIES) {
      const expected = await resultUrls(b, query);
      expect(await resultUrls(a, query), query).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(SEARCH_QUERIES.length);
  });
});
