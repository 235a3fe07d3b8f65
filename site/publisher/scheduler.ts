/**
 * Debounced, never-concurrent rebuilds. Each `notify()` (a Strapi event) asks for a build; the build starts
 * once no event came for `quietMs`, or at the latest `maxWaitMs` after the first waiting event. One build at
 * a time: events arriving during a build wait for it to end, then for their own quiet time, and all of them
 * give one more build. A burst of publishes therefore gives one build, and a steady stream one build per
 * `maxWaitMs` or per build duration, whichever is longer.
 */
export type BuildOutcome = { ok: boolean };

export type SchedulerOptions<R extends BuildOutcome> = {
  quietMs: number;
  maxWaitMs: number;
  build: (reasons: string[]) => Promise<R>;
  now?: () => number;
};

export type QueueState = {
  /** A build is waiting (events arrived since the last build started). */
  pending: boolean;
  /** Events folded into the waiting build. */
  events: number;
  /** When the waiting build is due (ms since epoch), if not blocked by a running build. */
  dueAt: number | null;
  /** The latest reasons (events) for the waiting build, at most 20. */
  reasons: string[];
};

export class BuildScheduler<R extends BuildOutcome> {
  private readonly quietMs: number;
  private readonly maxWaitMs: number;
  private readonly runBuild: (reasons: string[]) => Promise<R>;
  private readonly now: () => number;
  private firstAt: number | null = null;
  private lastAt: number | null = null;
  private reasons: string[] = [];
  private events = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private current: Promise<R> | null = null;
  private closed = false;

  constructor(options: SchedulerOptions<R>) {
    this.quietMs = options.quietMs;
    this.maxWaitMs = options.maxWaitMs;
    this.runBuild = options.build;
    this.now = options.now ?? Date.now;
  }

  get running(): boolean {
    return this.current !== null;
  }

  /** Asks for a build (debounced). `immediate` skips the quiet time (the first build at start-up). */
  notify(reason: string, { immediate = false }: { immediate?: boolean } = {}): void {
    if (this.closed) return;
    const t = this.now();
    this.firstAt ??= t;
    this.lastAt = immediate ? t - this.quietMs : t;
    this.events += 1;
    this.reasons.push(reason);
    if (this.reasons.length > 20) this.reasons.shift();
    this.arm();
  }

  /** When the waiting build is due, or null when none waits. */
  private dueAt(): number | null {
    if (this.firstAt === null || this.lastAt === null) return null;
    return Math.min(this.lastAt + this.quietMs, this.firstAt + this.maxWaitMs);
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const due = this.dueAt();
    if (due === null || this.running || this.closed) return;
    this.timer = setTimeout(() => this.fire(), Math.max(0, due - this.now()));
  }

  private fire(): void {
    this.timer = null;
    if (this.running || this.firstAt === null || this.closed) return;
    const reasons = this.reasons;
    this.firstAt = this.lastAt = null;
    this.reasons = [];
    this.events = 0;
    const run = this.runBuild(reasons)
      .catch((error) => ({ ok: false, error }) as unknown as R)
      .finally(() => {
        this.current = null;
        this.arm();
      });
    this.current = run;
  }

  queue(): QueueState {
    return { pending: this.firstAt !== null, events: this.events, dueAt: this.dueAt(), reasons: [...this.reasons] };
  }

  /** Resolves when nothing runs and nothing waits (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.current || (this.firstAt !== null && !this.closed)) {
      if (this.current) await this.current.catch(() => {});
      else await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Stops scheduling; a running build is left to finish (await `idle()`). */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
