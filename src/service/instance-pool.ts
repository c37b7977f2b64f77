/**
 * @module The service's connections to msdb instances: one kept open per instance, used by one request at
 * a time, each request acting as its signed-in user's caller (authenticated once per session).
 */
import { openInstance, type InstanceRef, type MsdbSession } from '../store/index.ts';
import type { SessionUser } from './sessions.ts';

/** Who acts: the signed-in user's credentials and the callers the instances gave them. */
export type Actor = Pick<SessionUser, 'credentials' | 'callers'>;

/**
 * Open connections by instance. Opening an instance for every request costs a database open (and for
 * SQLite a WAL checkpoint at close); here each instance has one connection, and requests on it run one
 * after the other, so a transaction never interleaves with another request's statements.
 */
export class InstancePool {
  readonly #sessions = new Map<string, Promise<MsdbSession>>();
  readonly #queues = new Map<string, Promise<unknown>>();

  /** Runs `act` on the instance as `actor`, after the requests already waiting for that instance. */
  async use<T>(ref: InstanceRef, actor: Actor, act: (s: MsdbSession) => Promise<T>): Promise<T> {
    const key = `${ref.year}:${ref.name.toLowerCase()}`;
    const previous = this.#queues.get(key) ?? Promise.resolve();
    const turn = previous.catch(() => undefined).then(async () => {
      const caller = await this.#callerOf(ref, actor);
      const s = await this.#session(key, ref);
      return act({ ...s, caller, close: async () => {} });
    });
    this.#queues.set(key, turn);
    try {
      return await turn;
    } finally {
      if (this.#queues.get(key) === turn) this.#queues.delete(key);
    }
  }

  /** The caller the instance gives `actor`: checked with their credentials the first time, then remembered in their session. */
  async #callerOf(ref: InstanceRef, actor: Actor) {
    const key = ref.name.toLowerCase();
    const known = actor.callers.get(key);
    if (known) return known;
    const s = await openInstance(ref, actor.credentials);
    try {
      actor.callers.set(key, s.caller);
      return s.caller;
    } finally {
      await s.close();
    }
  }

  #session(key: string, ref: InstanceRef): Promise<MsdbSession> {
    let s = this.#sessions.get(key);
    if (!s) {
      s = openInstance(ref);
      this.#sessions.set(key, s);
      s.catch(() => this.#sessions.delete(key));
    }
    return s;
  }

  /** Closes every connection (after the requests in progress). */
  async close(): Promise<void> {
    await Promise.allSettled([...this.#queues.values()]);
    const sessions = [...this.#sessions.values()];
    this.#sessions.clear();
    await Promise.allSettled(sessions.map(async (s) => (await s).close()));
  }
}
