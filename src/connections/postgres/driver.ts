/** @module The PostgreSQL driver (pg): `$n` parameters, simple-protocol scripts, cursor streaming (pg-cursor), COPY fast load, statement_timeout. */
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { BulkLoadOptions, BulkLoadResult, Connection, Driver, DriverConfig, ProcedureParameter, ProcedureResult, QueryOptions, QueryParams, QueryResult, ResultSet, Row, RowBatch, RowSource, TableColumn } from '../driver.ts';
import { connectError, statementError, timeoutError } from '../errors.ts';
import { bindStatement, checkAllBound, type BindCursor, type PlaceholderStyle } from '../parameters.ts';
import { splitGoBatches, splitStatements, type SqlDialect } from '../sql-text.ts';
import { plainValue, readRows } from '../values.ts';
import type { Described } from '../row-stream.ts';
import { mapPgType, pgReader } from './types.ts';
import { pgClientConfig, pgRoutineName, pgTableCandidates, rawTextTypes } from './config.ts';
import { outputsFromRow, sentParameters } from '../procedures.ts';
import { pgBulkLoad } from './bulk-load.ts';

const NAME = 'PostgreSQL';
const DIALECT: SqlDialect = { dollarQuotes: true };
const STYLE: PlaceholderStyle = { placeholder: (n) => `$${n}`, reuse: true };

/** A value as pg binds it. */
function pgValue(v: unknown): unknown {
  const p = plainValue(v);
  if (typeof p === 'bigint') return p.toString();
  if (p instanceof Uint8Array && !Buffer.isBuffer(p)) return Buffer.from(p.buffer, p.byteOffset, p.byteLength);
  return p;
}

function describe(fields: readonly pg.FieldDef[]): Described {
  const columns = fields.map((f) => ({ name: f.name, nativeType: String(f.dataTypeID), ...mapPgType(f.dataTypeID, f.dataTypeModifier) }));
  return { columns, readers: fields.map((f, i) => pgReader(f.dataTypeID, columns[i]!)) };
}

function hasParams(params: QueryParams | undefined): boolean {
  return params !== undefined && (Array.isArray(params) ? params.length > 0 : Object.keys(params).length > 0);
}

/** Counts rows changed by a command tag (INSERT/UPDATE/DELETE/MERGE/COPY); SELECT rows are not changes. */
function changed(r: pg.QueryResult): number {
  return r.command && /^(INSERT|UPDATE|DELETE|MERGE|COPY)$/.test(r.command) ? r.rowCount ?? 0 : 0;
}

class PgConnection implements Connection {
  readonly kind = 'postgres' as const;
  readonly client: pg.Client;
  #inTransaction = false;
  #timeoutMs = 0;

  constructor(client: pg.Client) {
    this.client = client;
  }

  get inTransaction(): boolean {
    return this.#inTransaction;
  }

  /** Sets the session's statement timeout for the next statements (0 = none); a no-op when unchanged. */
  async applyTimeout(options: QueryOptions | undefined): Promise<void> {
    const ms = Math.max(0, Math.round(1000 * (options?.timeoutSeconds ?? 0)));
    if (ms === this.#timeoutMs) return;
    await this.client.query(`SET statement_timeout = ${ms}`);
    this.#timeoutMs = ms;
  }

  #error(e: unknown, sql: string, options?: QueryOptions): Error {
    if ((e as { code?: string }).code === '57014' && options?.timeoutSeconds) return timeoutError(NAME, options.timeoutSeconds, sql);
    return statementError(NAME, e, sql);
  }

  /** Runs SQL and returns pg's result objects (one per statement). */
  async #run(text: string, values: unknown[] | undefined, options?: QueryOptions): Promise<pg.QueryResult[]> {
    try {
      // Transaction control passes no options and leaves the session's timeout as it is.
      if (options !== undefined) await this.applyTimeout(options);
      const r = (await this.client.query({ text, values: values?.map(pgValue), rowMode: 'array' })) as pg.QueryResult | pg.QueryResult[];
      return Array.isArray(r) ? r : [r];
    } catch (e) {
      throw this.#error(e, text, options);
    }
  }

  async query(sql: string, params?: QueryParams, options?: QueryOptions): Promise<QueryResult> {
    const results: pg.QueryResult[] = [];
    const cursor: BindCursor = { next: 0 };
    if (!hasParams(params)) {
      // No values: each GO batch goes as one simple-protocol script (any number of statements, DO blocks, $$ bodies).
      for (const batch of splitGoBatches(sql)) results.push(...(await this.#run(batch, undefined, options ?? {})));
    } else {
      // Values need the extended protocol, which takes one statement at a time.
      for (const statement of splitStatements(sql, DIALECT)) {
        const bound = bindStatement(statement, params, STYLE, cursor);
        results.push(...(await this.#run(bound.sql, bound.values, options ?? {})));
      }
      checkAllBound(params, cursor);
    }
    const resultSets: ResultSet[] = [];
    let rowsAffected = 0;
    for (const r of results) {
      rowsAffected += changed(r);
      if (r.fields && r.fields.length > 0) {
        const d = describe(r.fields);
        resultSets.push({ columns: d.columns, rows: readRows(r.rows as unknown as Row[], d.readers) });
      }
    }
    return { resultSets, rowsAffected };
  }

  async *queryBatches(sql: string, params?: QueryParams, batchRows = 10_000, options?: QueryOptions): AsyncIterable<RowBatch> {
    const statements = splitStatements(sql, DIALECT);
    if (statements.length !== 1) throw statementError(NAME, new Error('a source query must be exactly one statement'), sql);
    const bindCursor: BindCursor = { next: 0 };
    const bound = bindStatement(statements[0]!, params, STYLE, bindCursor);
    checkAllBound(params, bindCursor);
    await this.applyTimeout(options).catch((e) => { throw this.#error(e, sql, options); });
    const cursor = this.client.query(new Cursor(bound.sql, bound.values.map(pgValue), { rowMode: 'array', types: rawTextTypes }));
    let described: Described | undefined;
    let yielded = false;
    try {
      for (;;) {
        const { rows, fields } = await new Promise<{ rows: Row[]; fields: pg.FieldDef[] }>((resolve, reject) => {
          cursor.read(batchRows, (err, rows, result) => (err ? reject(err) : resolve({ rows: rows as unknown as Row[], fields: result.fields })));
        }).catch((e) => { throw this.#error(e, bound.sql, options); });
        described ??= describe(fields);
        // An empty result still yields one (empty) batch, so the caller learns the columns.
        if (rows.length === 0 && yielded) break;
        yielded = true;
        yield { columns: described.columns, rows: readRows(rows, described.readers) };
        if (rows.length === 0) break;
        if (rows.length < batchRows) break;
      }
    } finally {
      await cursor.close().catch(() => undefined);
    }
  }

  /** The table's name as PostgreSQL knows it (see pgTableCandidates), or an error naming what was tried. */
  async resolveTable(table: string): Promise<string> {
    for (const candidate of pgTableCandidates(table)) {
      const r = await this.client.query({ text: 'SELECT to_regclass($1)::text', values: [candidate], rowMode: 'array' });
      if (r.rows[0]?.[0]) return candidate;
    }
    throw statementError(NAME, new Error(`relation "${table}" does not exist`));
  }

  tableName(table: string): Promise<string> {
    return this.resolveTable(table);
  }

  async tableColumns(table: string): Promise<TableColumn[]> {
    const name = await this.resolveTable(table);
    const r = await this.client.query({
      text: `SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.atttypid::int, a.atttypmod::int, NOT a.attnotnull, a.attidentity, pg_get_expr(d.adbin, d.adrelid)
             FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
      values: [name],
      rowMode: 'array',
    });
    return (r.rows as string[][]).map(([col, native, oid, typmod, nullable, identity, dflt]) => ({
      name: col!,
      nativeType: native!,
      ...mapPgType(Number(oid), Number(typmod)),
      nullable: nullable === 't',
      identity: identity === 'a' || identity === 'd' || /^nextval\(/.test(dflt ?? ''),
      defaultExpression: dflt ?? undefined,
    }));
  }

  async callProcedure(name: string, params: readonly ProcedureParameter[], options?: QueryOptions): Promise<ProcedureResult> {
    const routine = pgRoutineName(name);
    const sent = sentParameters(params);
    const values = sent.map((p) => p.value ?? null);
    const wantsReturn = params.some((p) => p.direction === 'returnValue');
    let result: QueryResult;
    try {
      if (wantsReturn) throw Object.assign(new Error('function'), { code: '42809' });
      // A procedure: every parameter in order, OUT ones as NULL; the OUT values come back as one row.
      const args = params.filter((p) => p.direction !== 'returnValue').map((p) => (p.direction === 'output' ? 'NULL' : '?'));
      result = await this.query(`CALL ${routine}(${args.join(', ')})`, values, options);
    } catch (e) {
      // Not a procedure (SQLSTATE 42809): call it as a function, whose OUT parameters are its result columns.
      if ((e as { code?: string }).code !== '42809' && !/is not a procedure|42809/.test(String((e as Error).message))) throw e;
      result = await this.query(`SELECT * FROM ${routine}(${sent.map(() => '?').join(', ')})`, values, options);
    }
    const last = result.resultSets[result.resultSets.length - 1];
    const row = last?.rows[0];
    return {
      ...result,
      outputs: outputsFromRow(params, last?.columns ?? [], row),
      ...(wantsReturn ? { returnValue: row?.[0] ?? null } : {}),
    };
  }

  async begin(): Promise<void> {
    await this.#run('BEGIN', undefined);
    this.#inTransaction = true;
  }

  async commit(): Promise<void> {
    this.#inTransaction = false;
    await this.#run('COMMIT', undefined);
  }

  async rollback(): Promise<void> {
    this.#inTransaction = false;
    await this.#run('ROLLBACK', undefined);
  }

  bulkLoad(table: string, columns: readonly string[], rows: RowSource, options: BulkLoadOptions = {}): Promise<BulkLoadResult> {
    return pgBulkLoad(this, table, columns, rows, options);
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}

export type { PgConnection };

/** The PostgreSQL driver. */
export const postgresDriver: Driver = {
  kind: 'postgres',
  capabilities: { commandTimeout: true, server: true },
  async connect(config: DriverConfig): Promise<Connection> {
    const client = new pg.Client(pgClientConfig(config));
    // A broken connection later must not crash the process; errors surface on the next query.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (e) {
      await client.end().catch(() => undefined);
      throw connectError(NAME, config.description, e);
    }
    return new PgConnection(client);
  },
};
