import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BuildScheduler } from './scheduler.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A scheduler whose builds take `buildMs` (fake time) and are recorded. */
function setup(buildMs = 5000, ok = true) {
  const runs: Array<{ at: number; reasons: string[] }> = [];
  let active = 0;
  let maxActive = 0;
  const scheduler = new BuildScheduler({
    quietMs: 2000,
    maxWaitMs: 20_000,
    build: async (reasons) => {
      runs.push({ at: Date.now(), reasons });
      maxActive = Math.max(maxActive, ++active);
      await new Promise((r) => setTimeout(r, buildMs));
      active--;
      return { ok };
    },
  });
  return { scheduler, runs, maxActive: () => maxActive };
}

describe('BuildScheduler', () => {
  it('folds a burst of events into one build, after the quiet time', async () => {
    const { scheduler, runs } = setup();
    const t0 = Date.now();
    for (let i = 0; i < 5; i++) {
      scheduler.notify(`e${i}`);
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2000);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.reasons).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    // last event at t0+1200 → build at t0+3200
    expect(runs[0]!.at - t0).toBe(1200 + 2000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toHaveLength(1);
  });

  it('does not wait longer than maxWait under a steady stream of events', async () => {
    const { scheduler, runs } = setup(100);
    const t0 = Date.now();
    for (let i = 0; i < 30; i++) {
      scheduler.notify(`e${i}`);
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(runs[0]!.at - t0).toBe(20_000);
    expect(runs[0]!.reasons).toHaveLength(20);
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs.length).toBe(2);
    expect(runs[1]!.reasons).toHaveLength(10);
  });

  it('never runs two builds at once; events during a build give exactly one more build', async () => {
    const { scheduler, runs, maxActive } = setup(10_000);
    scheduler.notify('a', { immediate: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(1);
    expect(scheduler.running).toBe(true);
    for (const e of ['b', 'c', 'd']) {
      scheduler.notify(e);
      await vi.advanceTimersByTimeAsync(2500); // quiet time passes during the build
    }
    expect(runs).toHaveLength(1);
    expect(scheduler.queue()).toMatchObject({ pending: true, events: 3 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toHaveLength(2);
    expect(runs[1]!.reasons).toEqual(['b', 'c', 'd']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toHaveLength(2);
    expect(maxActive()).toBe(1);
    expect(scheduler.queue().pending).toBe(false);
  });

  it('keeps scheduling after a failed or throwing build', async () => {
    let calls = 0;
    const scheduler = new BuildScheduler({
      quietMs: 10,
      maxWaitMs: 100,
      build: async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
        return { ok: true };
      },
    });
    scheduler.notify('x');
    await vi.advanceTimersByTimeAsync(50);
    scheduler.notify('y');
    await vi.advanceTimersByTimeAsync(50);
    expect(calls).toBe(2);
  });

  it('immediate skips the quiet time; close() stops scheduling', async () => {
    const { scheduler, runs } = setup(10);
    scheduler.notify('start', { immediate: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20);
    scheduler.close();
    scheduler.notify('late');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(runs).toHaveLength(1);
  });
});
