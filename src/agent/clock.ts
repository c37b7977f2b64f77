/** @module The Agent's clock: the real one, and a manual one tests move by hand. */

/** What the Agent asks of time. */
export interface Clock {
  now(): Date;
  /** Waits `ms` (a retry interval, the scheduler's poll); resolves early when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The system clock. */
export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};

/** A clock that moves only when told; `sleep` moves it forward at once (so a retry interval costs no real time). */
export class ManualClock implements Clock {
  private t: number;
  constructor(start: Date) {
    this.t = start.getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  /** Sets the clock. */
  set(to: Date): void {
    this.t = to.getTime();
  }
  async sleep(ms: number): Promise<void> {
    this.t += ms;
  }
}
