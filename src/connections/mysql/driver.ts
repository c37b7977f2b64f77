/** @module The MySQL/MariaDB driver (mysql2): parameters inlined as literals, multi-statement scripts, streamed results, LOAD DATA fast load, statement timeouts. */
import mysql from 'mysql2';
import type { BulkLoadOptions, BulkLoadResult, Connection, Driver, DriverConfig, ProcedureParameter, ProcedureResult, QueryOptions, QueryParams, QueryResult, ResultSet, Row, RowBatch, RowSource, TableColumn } from '../driver.ts';
import { connectError, statementError, timeoutError } from '../errors.ts';
import { bindStatement, checkAllBound, type BindCursor } from '../parameters.ts';
import { findMarkers, splitGoBatches, splitStatements, type SqlDialect, type SqlStatement } from '../sql-text.ts';
import { readRows, readerFor } from '../values.ts';
import { RowStream, type Described } from '../row-stream.ts';
import { fieldTypeName, mapMysqlType, type MysqlField } from './types.ts';
import { mysqlConnectionOptions, mysqlLiteral, mysqlTableParts, quoteMysqlName } from './config.ts';
import { mysqlBulkLoad } from './bulk-load.ts';
import { sentParameters } from '../procedures.ts';

const NAME = 'MariaDB';
const DIALECT: SqlDialect = { backslashEscapes: true };
/** Errors a statement timeout raises: MariaDB's max_statement_time, MySQL's max_execution_time. */
const TIMEOUT_ERRNOS = new Set([1969, 3024]);

function bitReader(v: unknown): unknown {
  return Buffer.isBuffer(v) ? v.some((b) => b !== 0) : v;
}

function describe(fields: readonly (MysqlField & { name: string })[]): Described {
  const columns = fields.map((f) => {
    const nativeType = fieldTypeName(f);
    return { name: f.name, nativeType, ...mapMysqlType(nativeType) };
  });
  return { columns, readers: columns.map((c, i) => (fields[i]!.columnType === 16 && c.dataType === 'DT_BOOL' ? bitReader : readerFor(c.dataType, c.scale))) };
}

type Packet = mysql.RowDataPacket[] | mysql.ResultSetHeader;

class MysqlConnection implements Connection {
  readonly kind = 'mysql' as const;
  readonly conn: mysql.Connection;
  readonly #mariadb: boolean;
  #inTransaction = false;
  #timeoutSeconds = 0;

  constructor(conn: mysql.Connection, mariadb: boolean) {
    this.conn = conn;
    this.#mariadb = mariadb;
  }

  get inTransaction(): boolean {
    return this.#inTransaction;
  }

  /** Runs raw SQL; resolves with each statement's packet and fields. */
  raw(sql: string, extra: Partial<mysql.QueryOptions> = {}): Promise<{ packets: Packet[]; fields: (mysql.FieldPacket[] | undefined)[] }> {
    return new Promise((resolve, reject) => {
      this.conn.query({ sql, rowsAsArray: true, ...extra }, (err, results, fields) => {
        if (err) return reject(err);
        const f = fields as unknown as (mysql.FieldPacket | mysql.FieldPacket[] | undefined)[] | undefined;
        const multi = Array.isArray(f) && f.length > 0 && (Array.isArray(f[0]) || f[0] === undefined);
        if (multi) resolve({ packets: results as unknown as Packet[], fields: f as (mysql.FieldPacket[] | undefined)[] });
        else resolve({ packets: [results as unknown as Packet], fields: [f as mysql.FieldPacket[] | undefined] });
      });
    });
  }

  /** Sets the session's statement timeout for the next statements (0 = none); a no-op when unchanged. */
  async applyTimeout(options: QueryOptions | undefined): Promise<void> {
    const s = Math.max(0, options?.timeoutSeconds ?? 0);
    if (s === this.#timeoutSeconds) return;
    await this.raw(this.#mariadb ? `SET SESSION max_statement_time = ${s}` : `SET SESSION max_execution_time = ${Math.round(s * 1000)}`);
    this.#timeoutSeconds = s;
  }

  #error(e: unknown, sql: string, options?: QueryOptions): Error {
    if (TIMEOUT_ERRNOS.has((e as { errno?: number }).errno ?? 0) && options?.timeoutSeconds) return timeoutError(NAME, options.timeoutSeconds, sql);
    return statementError(NAME, e, sql);
  }

  /** The script with every bound marker written as a literal. */
  #inline(statements: readonly SqlStatement[], params: QueryParams | undefined): string[] {
    const cursor: BindCursor = { next: 0 };
    const escape = (s: string): string => this.conn.escape(s);
    const out = statements.map((st) => {
      const bound = bindStatement(st, params, { placeholder: (n) => `\u0000${n - 1}\u0000`, reuse: false }, cursor);
      return bound.sql.replace(/\u0000(\d+)\u0000/g, (_, i: string) => mysqlLiteral(bound.values[Number(i)], escape));
    });
    checkAllBound(params, cursor);
    return out;
  }

  async query(sql: string, params?: QueryParams, options?: QueryOptions): Promise<QueryResult> {
    const resultSets: ResultSet[] = [];
    let rowsAffected = 0;
    await this.applyTimeout(options).catch((e) => { throw this.#error(e, sql, options); });
    for (const batch of splitGoBatches(sql)) {
      // Parameters are inlined as literals inside each batch (mysql2's own substitution would not skip strings and comments).
      const [text] = this.#inline([{ text: batch, markers: findMarkers(batch, DIALECT) }], params);
      let r: Awaited<ReturnType<MysqlConnection['raw']>>;
      try {
        r = await this.raw(text!);
      } catch (e) {
        throw this.#error(e, text!, options);
      }
      r.packets.forEach((p, i) => {
        const fields = r.fields[i];
        if (fields && Array.isArray(p)) {
          const d = describe(fields as unknown as (MysqlField & { name: string })[]);
          resultSets.push({ columns: d.columns, rows: readRows(p as unknown as Row[], d.readers) });
        } else if (!Array.isArray(p)) rowsAffected += p.affectedRows ?? 0;
      });
    }
    return { resultSets, rowsAffected };
  }

  async *queryBatches(sql: string, params?: QueryParams, batchRows = 10_000, options?: QueryOptions): AsyncIterable<RowBatch> {
    const statements = splitStatements(sql, DIALECT);
    if (statements.length !== 1) throw statementError(NAME, new Error('a source query must be exactly one statement'), sql);
    const [text] = this.#inline(statements, params);
    await this.applyTimeout(options).catch((e) => { throw this.#error(e, sql, options); });
    const q = this.conn.query({ sql: text!, rowsAsArray: true });
    const stream = new RowStream(batchRows, { pause: () => this.conn.pause(), resume: () => this.conn.resume() });
    q.on('fields', (f: unknown) => { stream.described = describe(f as (MysqlField & { name: string })[]); });
    q.on('result', (row: unknown) => stream.push(row as Row));
    q.on('error', (e: unknown) => stream.fail(e));
    q.on('end', () => stream.end());
    try {
      yield* stream.batches((e) => this.#error(e, text!, options));
    } finally {
      // mysql2 cannot cancel a result mid-way: the rest is read off the wire (and dropped) so the connection stays usable.
      if (!stream.done) await stream.drain();
    }
  }

  /** The schema and the table's name as the database spells it (names are case-sensitive on Linux servers), when one matches. */
  async #resolve(table: string): Promise<{ schema?: string; table: string; found: boolean }> {
    const { schema, table: name } = mysqlTableParts(table);
    const r = await this.raw(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = ${schema === undefined ? 'DATABASE()' : this.conn.escape(schema)} ` +
        `AND LOWER(table_name) = LOWER(${this.conn.escape(name)}) ORDER BY table_name = ${this.conn.escape(name)} DESC LIMIT 1`,
    ).catch((e) => { throw statementError(NAME, e); });
    const found = (r.packets[0] as unknown as string[][])[0]?.[0];
    return { ...(schema === undefined ? {} : { schema }), table: found ?? name, found: found !== undefined };
  }

  async tableName(table: string): Promise<string> {
    const t = await this.#resolve(table);
    return quoteMysqlName(t.schema === undefined ? `[${t.table}]` : `[${t.schema}].[${t.table}]`);
  }

  async tableColumns(table: string): Promise<TableColumn[]> {
    const { schema, table: name, found } = await this.#resolve(table);
    if (!found) throw statementError(NAME, new Error(`Table '${table}' doesn't exist`));
    const r = await this.raw(
      `SELECT column_name, column_type, is_nullable, column_default, extra FROM information_schema.columns
       WHERE table_schema = ${schema === undefined ? 'DATABASE()' : this.conn.escape(schema)} AND table_name = ${this.conn.escape(name)} ORDER BY ordinal_position`,
    ).catch((e) => { throw statementError(NAME, e); });
    const rows = r.packets[0] as unknown as (string | null)[][];
    if (!rows.length) throw statementError(NAME, new Error(`Table '${table}' doesn't exist`));
    return rows.map(([col, type, nullable, dflt, extra]) => ({
      name: col!,
      nativeType: type!,
      ...mapMysqlType(type!),
      nullable: nullable === 'YES',
      identity: /auto_increment/i.test(extra ?? ''),
      // MariaDB reports "NULL" for a column whose default is NULL: no default to apply.
      defaultExpression: dflt === null || dflt === 'NULL' ? undefined : dflt,
    }));
  }

  async callProcedure(name: string, params: readonly ProcedureParameter[], options?: QueryOptions): Promise<ProcedureResult> {
    const routine = quoteMysqlName(name);
    const sent = sentParameters(params);
    if (params.some((p) => p.direction === 'returnValue')) {
      // A function: its result is the return value.
      const r = await this.query(`SELECT ${routine}(${sent.map(() => '?').join(', ')})`, sent.map((p) => p.value ?? null), options);
      return { ...r, outputs: {}, returnValue: r.resultSets[0]?.rows[0]?.[0] ?? null };
    }
    // OUT and INOUT parameters travel through session variables, read back with one SELECT.
    const vars = new Map<ProcedureParameter, string>();
    params.forEach((p, i) => { if (p.direction !== 'input') vars.set(p, `@odts_out_${i}`); });
    const values: unknown[] = [];
    const sets = params.filter((p) => p.direction === 'inputOutput').map((p) => { values.push(p.value ?? null); return `SET ${vars.get(p)} = ?;\n`; });
    const args = params.map((p) => { if (p.direction === 'input') { values.push(p.value ?? null); return '?'; } return vars.get(p)!; });
    const outs = [...vars.values()];
    const read = outs.length ? `;\nSELECT ${outs.join(', ')}` : '';
    const r = await this.query(`${sets.join('')}CALL ${routine}(${args.join(', ')})${read}`, values, options);
    const resultSets = outs.length ? r.resultSets.slice(0, -1) : r.resultSets;
    const last = outs.length ? r.resultSets[r.resultSets.length - 1] : undefined;
    const row = last?.rows[0];
    const outputs: Record<string, unknown> = {};
    [...vars.keys()].forEach((p, i) => { outputs[p.name] = row?.[i] ?? null; });
    return { resultSets, rowsAffected: r.rowsAffected, outputs };
  }

  async #exec(sql: string): Promise<void> {
    await this.raw(sql).catch((e) => { throw statementError(NAME, e, sql); });
  }

  async begin(): Promise<void> {
    await this.#exec('START TRANSACTION');
    this.#inTransaction = true;
  }

  async commit(): Promise<void> {
    this.#inTransaction = false;
    await this.#exec('COMMIT');
  }

  async rollback(): Promise<void> {
    this.#inTransaction = false;
    await this.#exec('ROLLBACK');
  }

  bulkLoad(table: string, columns: readonly string[], rows: RowSource, options: BulkLoadOptions = {}): Promise<BulkLoadResult> {
    return mysqlBulkLoad(this, table, columns, rows, options);
  }

  async close(): Promise<void> {
    await new Promise<void>((r) => this.conn.end(() => r()));
  }
}

export type { MysqlConnection };

/** The MySQL/MariaDB driver. */
export const mysqlDriver: Driver = {
  kind: 'mysql',
  capabilities: { commandTimeout: true, server: true },
  async connect(config: DriverConfig): Promise<Connection> {
    const conn = mysql.createConnection(mysqlConnectionOptions(config));
    // A connection lost later must not crash the process; the next statement reports it.
    conn.on('error', () => undefined);
    try {
      await conn.promise().connect();
      const [rows] = await conn.promise().query({ sql: 'SELECT VERSION()', rowsAsArray: true });
      return new MysqlConnection(conn, /mariadb/i.test(String((rows as unknown as string[][])[0]?.[0] ?? '')));
    } catch (e) {
      conn.destroy();
      throw connectError(NAME, config.description, e);
    }
  },
};
