/** @module The one interface the msdb store talks to, whatever database holds the instance (SQLite or PostgreSQL). */

/** A row as the driver returns it: column name → value (Buffer for blobs, string, number, null). */
export type Row = Record<string, unknown>;

/** A connection to the database of one msdb instance. SQL uses `?` placeholders in every dialect. */
export interface StoreDb {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs a query and returns its rows. */
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a statement and returns the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Runs several statements (DDL) at once. */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` as one transaction that holds the instance's write lock from its start (SQLite
   * `BEGIN IMMEDIATE`, a PostgreSQL advisory lock), so concurrent writers never lose an update.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
