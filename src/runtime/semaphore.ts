/** @module A counting semaphore: MaxConcurrentExecutables bounds how many tasks run at once. */
import { availableParallelism } from 'node:os';

/** Limits concurrent work to `limit` slots. */
export class Semaphore {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(limit: number) {
    this.free = Math.max(1, limit);
  }

  /** Waits for a slot; call the returned function to give it back. */
  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }
}

/** MaxConcurrentExecutables as SSIS reads it: -1 means the number of logical processors + 2. */
export function effectiveConcurrency(maxConcurrentExecutables: number): number {
  return maxConcurrentExecutables === -1 ? availableParallelism() + 2 : Math.max(1, maxConcurrentExecutables);
}
