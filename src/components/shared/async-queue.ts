/** @module A hand-off between a pushing producer and a pulling consumer (destinations feeding a driver's bulk load), with back-pressure. */

/**
 * Items pushed by the data flow and pulled by an async iterator. `push` resolves at once while fewer than `depth` items
 * wait (so the producer keeps working while the consumer writes), else once the consumer took one.
 */
export class HandOff<T> {
  readonly #depth: number;
  #items: T[] = [];
  #ended = false;
  #error: unknown;
  #wakeConsumer: (() => void) | undefined;
  #taken: (() => void)[] = [];

  constructor(depth = 0) {
    this.#depth = depth;
  }

  /** Hands an item over; resolves when there is room in the queue again. */
  push(item: T): Promise<void> {
    if (this.#ended) return Promise.reject(new Error('push after end'));
    this.#items.push(item);
    this.#wakeConsumer?.();
    if (this.#items.length <= this.#depth) return Promise.resolve();
    return new Promise<void>((resolve) => this.#taken.push(resolve));
  }

  /** Items pushed but not yet taken by the consumer. */
  get pending(): number {
    return this.#items.length;
  }

  /** No more items. */
  end(): void {
    this.#ended = true;
    this.#wakeConsumer?.();
  }

  /** Makes the consumer's iteration throw (rolls back a load in progress). */
  fail(error: unknown): void {
    this.#error = error ?? new Error('aborted');
    this.#ended = true;
    this.#wakeConsumer?.();
    for (const t of this.#taken.splice(0)) t();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      if (this.#error !== undefined) throw this.#error;
      if (this.#items.length > 0) {
        const item = this.#items.shift()!;
        this.#taken.shift()?.();
        yield item;
        continue;
      }
      if (this.#ended) return;
      await new Promise<void>((resolve) => (this.#wakeConsumer = resolve));
      this.#wakeConsumer = undefined;
    }
  }
}
