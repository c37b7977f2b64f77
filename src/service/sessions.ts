/** @module Signed-in sessions of the console and API: an unguessable cookie token, a CSRF token, an expiry, and the msdb identity behind them. */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Caller, Credentials } from '../store/index.ts';

/** Who signed in, as msdb knows them. */
export interface SessionUser {
  readonly login: string;
  readonly sysadmin: boolean;
  readonly roles: readonly string[];
  /** Kept in memory only, to act as this user on the instances; never sent or logged. */
  readonly credentials: Credentials;
  /**
   * The user as each msdb instance identified them (by lower-case instance name), authenticated once per
   * session: later requests open the instance and act as this caller without checking the password
   * again. Role changes in msdb take effect at the next sign-in.
   */
  readonly callers: Map<string, Caller>;
}

/** One signed-in session. */
export interface Session {
  readonly token: string;
  readonly csrf: string;
  readonly user: SessionUser;
  expires: number;
}

/** The sessions of one service, expiring after `ttlMs` without use. */
export class Sessions {
  readonly #byToken = new Map<string, Session>();
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(ttlMs: number, now: () => number = Date.now) {
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  /** Starts a session for `user` (sessions that expired without coming back are forgotten here). */
  create(user: SessionUser): Session {
    const now = this.#now();
    for (const [token, s] of this.#byToken) if (s.expires <= now) this.#byToken.delete(token);
    const session: Session = { token: randomBytes(24).toString('base64url'), csrf: randomBytes(24).toString('base64url'), user, expires: this.#now() + this.#ttlMs };
    this.#byToken.set(session.token, session);
    return session;
  }

  /** The live session of a token, its expiry pushed back; undefined when unknown or expired. */
  touch(token: string | undefined): Session | undefined {
    if (!token) return undefined;
    const s = this.#byToken.get(token);
    if (!s) return undefined;
    if (s.expires <= this.#now()) {
      this.#byToken.delete(token);
      return undefined;
    }
    s.expires = this.#now() + this.#ttlMs;
    return s;
  }

  end(token: string): void {
    this.#byToken.delete(token);
  }
}

/** Compares a CSRF token sent by a client with the session's, in constant time. */
export function csrfMatches(session: Session, sent: string | undefined): boolean {
  if (!sent) return false;
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
}
