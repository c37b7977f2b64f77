/** @module The SQLite driver (better-sqlite3), the embedded default: statements run in-process, one transaction per fast load window. */
import Database from 'better-sqlite3';
import type { BulkLoadOptions, BulkLoadResult, ColumnInfo, Connection, Driver, DriverConfig, ProcedureParameter, ProcedureResult, QueryOptions, QueryParams, QueryResult, ResultSet, Row, RowBatch, RowSource, TableColumn } from '../driver.ts';
import { connectError, notSupportedError, statementError } from '../errors.ts';
import { bindStatement, checkAllBound, type BindCursor, type PlaceholderStyle } from '../parameters.ts';
import { splitStatements } from '../sql-text.ts';
import { readRows, readerFor } from '../values.ts';
import type { Described } from '../row-stream.ts';
import { sqliteBulkLoad } from './bulk-load.ts';
import { mapSqliteType, sqliteValue, typeOfValue } from './types.ts';
import type { MappedType } from '../type-names.ts';
import { quoteSqliteName, sqliteFile, sqliteTableParts } from './config.ts';

export type { SqliteConnection };

const NAME = 'SQLite';
const STYLE: PlaceholderStyle = { placeholder: () => '?', reuse: false };

function columnInfo(name: string, declared: string | null, mapped: MappedType): ColumnInfo {
  return { name, nativeType: declared ?? '', ...mapped };
}

/** 64-bit integers come back exact (as bigint) only when a column may hold them: it costs a conversion per value. */
function needsBigInts(stmt: Database.Statement): boolean {
  return stmt.columns().some((c) => {
    if (!c.type) return true;
    const t = mapSqliteType(c.type).dataType;
    return t === 'DT_I8' || t === 'DT_UI8';
  });
}

class SqliteConnection implements Connection {
  readonly kind = 'sqlite' as const;
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  get inTransaction(): boolean {
    return this.#db.inTransaction;
  }

  #prepare(sql: string): Database.Statement {
    try {
      return this.#db.prepare(sql);
    } catch (e) {
      throw statementError(NAME, e, sql);
    }
  }

  /** Columns and readers of a reader statement; typeless columns are typed from the first row. */
  #describe(stmt: Database.Statement, firstRow: Row | undefined): Described {
    const columns = stmt.columns().map((c, i) => columnInfo(c.name, c.type, c.type ? mapSqliteType(c.type) : typeOfValue(firstRow?.[i] ?? null)));
    return { columns, readers: columns.map((c) => readerFor(c.dataType, c.scale)) };
  }

  async query(sql: string, params?: QueryParams, _options?: QueryOptions): Promise<QueryResult> {
    const cursor: BindCursor = { next: 0 };
    const resultSets: ResultSet[] = [];
    let rowsAffected = 0;
    for (const statement of splitStatements(sql)) {
      const bound = bindStatement(statement, params, STYLE, cursor);
      const stmt = this.#prepare(bound.sql);
      const values = bound.values.map(sqliteValue);
      try {
        if (stmt.reader) {
          stmt.safeIntegers(needsBigInts(stmt));
          const rows = stmt.raw(true).all(values) as Row[];
          const { columns, readers } = this.#describe(stmt, rows[0]);
          resultSets.push({ columns, rows: readRows(rows, readers) });
        } else {
          rowsAffected += stmt.run(values).changes;
        }
      } catch (e) {
        throw statementError(NAME, e, bound.sql);
      }
    }
    checkAllBound(params, cursor);
    return { resultSets, rowsAffected };
  }

  async *queryBatches(sql: string, params?: QueryParams, batchRows = 10_000, _options?: QueryOptions): AsyncIterable<RowBatch> {
    const statements = splitStatements(sql);
    if (statements.length !== 1) throw statementError(NAME, new Error('a source query must be exactly one statement'), sql);
    const cursor: BindCursor = { next: 0 };
    const bound = bindStatement(statements[0]!, params, STYLE, cursor);
    checkAllBound(params, cursor);
    const stmt = this.#prepare(bound.sql);
    if (!stmt.reader) throw statementError(NAME, new Error('the statement returns no rows'), sql);
    stmt.safeIntegers(needsBigInts(stmt));
    const iterator = stmt.raw(true).iterate(bound.values.map(sqliteValue)) as IterableIterator<Row>;
    let described: Described | undefined;
    try {
      let rows: Row[] = [];
      for (;;) {
        let step: IteratorResult<Row>;
        try {
          step = iterator.next();
        } catch (e) {
          throw statementError(NAME, e, bound.sql);
        }
        if (!step.done) rows.push(step.value);
        if (rows.length >= batchRows || (step.done && (rows.length > 0 || !described))) {
          described ??= this.#describe(stmt, rows[0]);
          yield { columns: described.columns, rows: readRows(rows, described.readers) };
          rows = [];
        }
        if (step.done) break;
      }
    } finally {
      iterator.return?.();
    }
  }

  async tableColumns(table: string): Promise<TableColumn[]> {
    const { schema, table: name } = sqliteTableParts(table);
    const pragma = `PRAGMA ${schema === undefined ? '' : `${quoteSqliteName(`[${schema}]`)}.`}table_info(${quoteSqliteName(`[${name}]`)})`;
    const info = this.#prepare(pragma).all() as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
    if (info.length === 0) throw statementError(NAME, new Error(`no such table: ${table}`));
    const pkCount = info.filter((c) => c.pk > 0).length;
    return info.map((c) => ({
      ...columnInfo(c.name, c.type, mapSqliteType(c.type)),
      nullable: c.notnull === 0,
      identity: pkCount === 1 && c.pk === 1 && c.type.toUpperCase() === 'INTEGER',
      defaultExpression: c.dflt_value ?? undefined,
    }));
  }

  async tableName(table: string): Promise<string> {
    // SQLite has no `dbo` schema; its names compare case-insensitively.
    const { schema, table: name } = sqliteTableParts(table);
    return [schema, name].filter((p) => p !== undefined).map((p) => quoteSqliteName(`[${p}]`)).join('.');
  }

  async callProcedure(name: string, _params: readonly ProcedureParameter[], _options?: QueryOptions): Promise<ProcedureResult> {
    throw notSupportedError(`Calling the stored procedure "${name}": SQLite has no stored procedures`);
  }

  async begin(): Promise<void> {
    this.#run('BEGIN');
  }

  async commit(): Promise<void> {
    this.#run('COMMIT');
  }

  async rollback(): Promise<void> {
    if (this.#db.inTransaction) this.#run('ROLLBACK');
  }

  #run(sql: string): void {
    try {
      this.#db.exec(sql);
    } catch (e) {
      throw statementError(NAME, e, sql);
    }
  }

  bulkLoad(table: string, columns: readonly string[], rows: RowSource, options: BulkLoadOptions = {}): Promise<BulkLoadResult> {
    return sqliteBulkLoad(this, this.#db, table, columns, rows, options);
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

/** The SQLite driver. Command timeouts are not enforced: statements run synchronously in this process. */
export const sqliteDriver: Driver = {
  kind: 'sqlite',
  capabilities: { commandTimeout: false, server: false },
  async connect(config: DriverConfig): Promise<Connection> {
    const file = sqliteFile(config);
    try {
      const db = new Database(file, { fileMustExist: config.options?.mode === 'ro' || config.options?.mode === 'rw', readonly: config.options?.mode === 'ro' });
      db.pragma('busy_timeout = ' + 1000 * (config.connectTimeoutSeconds ?? 15));
      return new SqliteConnection(db);
    } catch (e) {
      throw connectError(NAME, file, e);
    }
  },
};
