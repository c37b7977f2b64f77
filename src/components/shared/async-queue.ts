/** @module A hand-off between a pushing producer and a pulling consumer (destinations feeding a driver's bulk load), with back-pressure. */

/** Items pushed by the data flow and pulled by an async iterator; `push` resolves once the consumer took the item. */
export class HandOff<T> {
  #items: T[] = [];
  #ended = false;
  #error: unknown;
  #wakeConsumer: (() => void) | undefined;
  #taken: (() => void)[] = [];

  /** Hands an item over; resolves when the consumer has taken it. */
  push(item: T): Promise<void> {
    if (this.#ended) return Promise.reject(new Error('push after end'));
    this.#items.push(item);
    const p = new Promise<void>((resolve) => this.#taken.push(resolve));
    this.#wakeConsumer?.();
    return p;
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
