/** @module The one driver contract every database sits behind (Kysely-style): Driver → Connection with queries, batches, transactions and bulk load. */
import type { DataTypeName } from './data-type-name.ts';

/** The databases OpenDTS talks to. */
export type DriverKind = 'sqlite' | 'postgres' | 'mysql' | 'mssql';

/** How the package's SQL marks parameters: `?` (OLE DB, ODBC, ADO) or `@name` (ADO.NET SqlClient). */
export type ParameterStyle = 'positional' | 'named';

/** Everything needed to open a connection; produced by `resolveConnection` from a connection manager or an override URL. */
export interface DriverConfig {
  readonly kind: DriverKind;
  readonly host?: string;
  readonly port?: number;
  /** SQL Server named instance (`host\instance`). */
  readonly instance?: string;
  readonly database?: string;
  readonly user?: string;
  readonly password?: string;
  /** Windows authentication was asked for (`Integrated Security=SSPI`). */
  readonly integratedSecurity?: boolean;
  /** SQLite: the database file (Linux path) or `:memory:`. */
  readonly file?: string;
  /** Seconds to wait for the server when connecting (OLE DB default 15). */
  readonly connectTimeoutSeconds?: number;
  readonly applicationName?: string;
  /** Further driver settings (URL query parameters, e.g. `ssl=true`, `encrypt=false`). */
  readonly options?: Readonly<Record<string, string>>;
  /** The parameter markers the package's SQL uses (from the connection manager type). */
  readonly parameterStyle: ParameterStyle;
  /** Where this came from: the connection manager's own string, or an override. */
  readonly via: 'connection-string' | 'override';
  /** A description for messages (never contains the password). */
  readonly description: string;
}

/**
 * Query parameters: an array binds `?` markers in order; a record binds `@name` markers by name
 * (keys with or without the `@`). Values: null, boolean, number, bigint, string, Date, Uint8Array.
 */
export type QueryParams = readonly unknown[] | Readonly<Record<string, unknown>>;

/** Per-statement options. */
export interface QueryOptions {
  /** Command timeout in seconds; 0 or undefined = no limit (SSIS `TimeOut`/`CommandTimeout`). */
  readonly timeoutSeconds?: number;
}

/** One column of a result set or a table, with its SSIS type. */
export interface ColumnInfo {
  readonly name: string;
  /** The database's own type name, e.g. `int4`, `VARCHAR`, `nvarchar`. */
  readonly nativeType: string;
  /** The SSIS pipeline type the column maps to. */
  readonly dataType: DataTypeName;
  /** Characters (DT_STR/DT_WSTR) or bytes (DT_BYTES) when known. */
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
  /** The code page of a DT_STR/DT_TEXT column (SQL Server's collation; 1252 when unknown). */
  readonly codePage?: number;
  readonly nullable?: boolean;
}

/** A column of a table as the bulk load needs it. */
export interface TableColumn extends ColumnInfo {
  /** Identity / serial / AUTO_INCREMENT / INTEGER PRIMARY KEY: the database generates it. */
  readonly identity: boolean;
  /** The column's default expression as the database reports it, if any. */
  readonly defaultExpression?: string;
}

/**
 * Rows are arrays in column order (row-major): that is what every driver produces natively, so handing
 * them on costs nothing; the data flow copies them into its columnar buffers in one pass.
 */
export type Row = unknown[];

/** A result set: its columns and rows. */
export interface ResultSet {
  readonly columns: readonly ColumnInfo[];
  readonly rows: Row[];
}

/** What a `query` returns: each statement's result set (statements without rows give none) and the rows changed. */
export interface QueryResult {
  readonly resultSets: readonly ResultSet[];
  /** Rows inserted, updated or deleted by all statements together. */
  readonly rowsAffected: number;
}

/** A batch of a streamed result set (see `queryBatches`). */
export interface RowBatch {
  readonly columns: readonly ColumnInfo[];
  readonly rows: Row[];
}

/** How a stored procedure parameter travels (the Execute SQL task's ParameterDirection). */
export type ParameterDirection = 'input' | 'output' | 'inputOutput' | 'returnValue';

/** A parameter of a stored procedure call, named as the package binds it (`@LINE_TOTAL`). */
export interface ProcedureParameter {
  readonly name: string;
  readonly direction: ParameterDirection;
  /** The value sent (input and inputOutput). */
  readonly value?: unknown;
}

/** What a stored procedure call returns: its result sets, the output values by parameter name, and the return value. */
export interface ProcedureResult extends QueryResult {
  /** Output and inputOutput values, keyed by the parameter names as given. */
  readonly outputs: Readonly<Record<string, unknown>>;
  /** The return value (SQL Server's return status; a function's result elsewhere), when a returnValue parameter asked for it. */
  readonly returnValue?: unknown;
}

/** The OLE DB Destination's fast-load settings, mirrored (see docs/connections.md for what each does per database). */
export interface BulkLoadOptions {
  /** FastLoadMaxInsertCommitSize: commit every N rows and at the end of each incoming batch; 0 = one commit at the end. */
  readonly maxInsertCommitSize?: number;
  /** ROWS_PER_BATCH: rows per statement sent to the server (a hint). */
  readonly rowsPerBatch?: number;
  /** FastLoadKeepIdentity: keep source values for identity columns (false = the database generates them). */
  readonly keepIdentity?: boolean;
  /** FastLoadKeepNulls: insert NULLs as NULL (false = a NULL takes the column's default, where it has one). */
  readonly keepNulls?: boolean;
  /** TABLOCK. */
  readonly tableLock?: boolean;
  /** CHECK_CONSTRAINTS. */
  readonly checkConstraints?: boolean;
  /** FIRE_TRIGGERS. */
  readonly fireTriggers?: boolean;
  /** CommandTimeout in seconds (0 = none): PostgreSQL statement_timeout, MariaDB max_statement_time, SQL Server bulk-load timeout; not on SQLite. */
  readonly timeoutSeconds?: number;
}

/** What a bulk load did. */
export interface BulkLoadResult {
  readonly rows: number;
  /** Transactions committed (0 when the load joined an outer transaction). */
  readonly commits: number;
}

/** Batches of rows to load, each an array of rows in the order of the load's columns. */
export type RowSource = AsyncIterable<readonly Row[]> | Iterable<readonly Row[]>;

/** An open connection. Not safe for concurrent use: one statement at a time, as an SSIS connection. */
export interface Connection {
  readonly kind: DriverKind;
  /** True between `begin` and `commit`/`rollback`. */
  readonly inTransaction: boolean;
  /**
   * Runs one or more statements (separated by `;` or `GO` lines) with parameters in the package's marker
   * style; markers are translated to the driver's own form and the SQL is otherwise passed through.
   */
  query(sql: string, params?: QueryParams, options?: QueryOptions): Promise<QueryResult>;
  /** Streams one statement's rows in batches of about `batchRows` rows (default 10,000), memory staying flat. */
  queryBatches(sql: string, params?: QueryParams, batchRows?: number, options?: QueryOptions): AsyncIterable<RowBatch>;
  /** The columns of a table or view (`schema.table` or `table`). */
  tableColumns(table: string): Promise<TableColumn[]>;
  /**
   * The name to write in SQL for a table or view the package names (`[dbo].[Orders]`, `Sales.Orders`): quoted for
   * this database and, on PostgreSQL, resolved (case, a `dbo` schema that does not exist). For the OLE DB source's
   * and destination's "table or view" modes, which build their own SQL.
   */
  tableName(table: string): Promise<string>;
  /**
   * Calls a stored procedure by name (the Execute SQL task with IsQueryStoredProcedure, ADO/ADO.NET), binding
   * parameters in the order given and returning output values by name. Not available on SQLite.
   */
  callProcedure(name: string, params: readonly ProcedureParameter[], options?: QueryOptions): Promise<ProcedureResult>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** The fast-load path into a table (`columns` name its columns in the order of each row). */
  bulkLoad(table: string, columns: readonly string[], rows: RowSource, options?: BulkLoadOptions): Promise<BulkLoadResult>;
  close(): Promise<void>;
}

/** What a driver can and cannot do, for callers that must warn (e.g. SQLite has no command timeout). */
export interface DriverCapabilities {
  /** Command timeouts are enforced. */
  readonly commandTimeout: boolean;
  /** A server is involved (connect timeouts apply). */
  readonly server: boolean;
}

/** A database driver: opens connections from a config. */
export interface Driver {
  readonly kind: DriverKind;
  readonly capabilities: DriverCapabilities;
  connect(config: DriverConfig): Promise<Connection>;
}
