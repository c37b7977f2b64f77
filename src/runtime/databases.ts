/** @module Database sessions for tasks and transactions: the interface the runtime opens connection managers through, and the per-container transaction (one connection, no distributed transactions). */
import { SsisError } from '../errors.ts';
import type { QueryParams, QueryResult } from '../connections/driver.ts';
import type { ConnectionSpec } from './model.ts';

/** An open database session. */
export interface DbSession {
  /** The connection type as SSIS names it (`OLEDB`, `ADO.NET`, `ODBC`, …). */
  readonly connectionType: string;
  /** The driver's dialect (`sqlite`, `postgres`, `mysql`, `mssql`). */
  readonly dialect: string;
  /** Runs statements with parameters in the package's marker style (`?` array or `@name` record). */
  query(sql: string, params: QueryParams, opts?: { timeoutSeconds?: number }): Promise<QueryResult>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
}

/** Opens a session on a connection manager (implemented over `src/connections`). */
export type DatabaseOpener = (connection: ConnectionSpec) => Promise<DbSession>;

/** A transaction started by a container with TransactionOption=Required. */
export class RunTransaction {
  private readonly sessions = new Map<string, DbSession>();
  /** The container that started it (for messages). */
  readonly owner: string;

  constructor(owner: string) {
    this.owner = owner;
  }

  /**
   * The session of a connection manager inside this transaction, opened and begun on first use.
   * A second connection manager would need a distributed transaction, which OpenDTS refuses.
   */
  async session(connection: ConnectionSpec, open: DatabaseOpener): Promise<DbSession> {
    const existing = this.sessions.get(connection.id);
    if (existing) return existing;
    if (this.sessions.size > 0) {
      const first = [...this.sessions.keys()][0];
      throw new SsisError(
        '0xC001401A', 'DTS_E_TRANSACTIONENLISTFAILED',
        `The transaction of "${this.owner}" already uses the connection manager ${first}; enlisting "${connection.name}" as a second resource manager would need a distributed transaction (MSDTC), which OpenDTS does not support. Use one connection manager inside a transacted container.`,
      );
    }
    const s = await open(connection);
    await s.begin();
    this.sessions.set(connection.id, s);
    return s;
  }

  /** Commits (on success) or rolls back every session, then closes them. */
  async end(commit: boolean): Promise<void> {
    for (const s of this.sessions.values()) {
      try {
        if (commit) await s.commit();
        else await s.rollback();
      } finally {
        await s.close();
      }
    }
    this.sessions.clear();
  }
}
