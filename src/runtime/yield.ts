/** @module Lets loops that never wait on I/O give the event loop a turn now and then, so Ctrl-C, timers and other runs are served. */
import { setImmediate } from 'node:timers/promises';

/** A function to await once per iteration: it yields to the event loop about every 20 ms, and is free otherwise. */
export function yieldEvery(ms = 20): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < ms) return undefined;
    last = now;
    return setImmediate().then(() => undefined);
  };
}
