/** @module The SQL Server driver (tedious): `?` → `@P1…` parameters, GO batches, streamed rows, transactions, bulk load. No SQL Server runs here: see docs. */
import tedious from 'tedious';
import type { BulkLoadOptions, BulkLoadResult, Connection, Driver, DriverConfig, ProcedureParameter, ProcedureResult, QueryOptions, QueryParams, QueryResult, ResultSet, Row, RowBatch, RowSource, TableColumn } from '../driver.ts';
import { connectError, statementError, timeoutError } from '../errors.ts';
import { bindStatement, checkAllBound, type BindCursor } from '../parameters.ts';
import { findMarkers, splitGoBatches } from '../sql-text.ts';
import { readRows, readerFor } from '../values.ts';
import { RowStream, type Described } from '../row-stream.ts';
import { mapMetadata, mapMssqlType, metadataTypeName, nativeTypeText, tediousParameter, type TediousMetadata } from './types.ts';
import { objectIdArgument, quoteMssqlName, tediousConfig } from './config.ts';
import { mssqlBulkLoad } from './bulk-load.ts';

const NAME = 'SQL Server';

/** The sp_executesql parameter that receives a procedure's return status. */
const RETURN_PARAMETER = 'odts_return';

/**
 * The T-SQL that calls a procedure with sp_executesql parameters: `EXEC @odts_return = [proc] @P1, @P2 OUTPUT`
 * when the parameters are positional (`@P1`, `@P2`, … as `procedureParameters` names them), or
 * `@a = @a, @b = @b OUTPUT` when they carry the procedure's own names (ADO.NET bindings). `parameters` follows
 * `params` (same index), with the return-status parameter last when asked for.
 */
export function procedureBatch(name: string, params: readonly ProcedureParameter[]): { sql: string; parameters: { name: string; value: unknown; output: boolean }[] } {
  const positional = params.every((p) => /^@?P\d+$/i.test(p.name));
  const parameters = params.map((p, i) => ({ name: p.direction === 'returnValue' ? RETURN_PARAMETER : positional ? `P${i + 1}` : p.name.replace(/^@/, ''), value: p.value, output: p.direction !== 'input' }));
  const args = params
    .map((p, i) => ({ p, n: parameters[i]!.name }))
    .filter(({ p }) => p.direction !== 'returnValue')
    .map(({ p, n }) => `${positional ? '' : `@${n} = `}@${n}${p.direction === 'input' ? '' : ' OUTPUT'}`);
  const wantsReturn = params.some((p) => p.direction === 'returnValue');
  return { sql: `EXEC ${wantsReturn ? `@${RETURN_PARAMETER} = ` : ''}${quoteMssqlName(name)}${args.length ? ' ' + args.join(', ') : ''}`, parameters };
}

/** A batch ready for tedious: T-SQL with `@P1…` (or the package's own `@names`) and typed parameters. */
export interface TediousBatch {
  readonly sql: string;
  readonly parameters: readonly { name: string; value: unknown }[];
}

/**
 * Translates a script into tedious batches (split at GO lines): `?` markers become `@P1`, `@P2`, … in each batch
 * (sp_executesql parameters); named values keep their `@name`. Other text is unchanged.
 */
export function tediousBatches(sql: string, params: QueryParams | undefined): TediousBatch[] {
  const cursor: BindCursor = { next: 0 };
  const out = splitGoBatches(sql).map((batch) => {
    const names: string[] = [];
    const bound = bindStatement({ text: batch, markers: findMarkers(batch) }, params, {
      placeholder: (n, m) => {
        names[n - 1] ??= m.kind === '@' ? m.name! : `P${n}`;
        return `@${names[n - 1]}`;
      },
      reuse: true,
    }, cursor);
    return { sql: bound.sql, parameters: bound.values.map((value, i) => ({ name: names[i]!, value })) };
  });
  checkAllBound(params, cursor);
  return out;
}

function describe(meta: readonly (TediousMetadata & { colName: string })[]): Described {
  const columns = meta.map((m) => ({ name: m.colName, nativeType: metadataTypeName(m), ...mapMetadata(m) }));
  return { columns, readers: columns.map((c) => readerFor(c.dataType, c.scale)) };
}

interface RunHandlers {
  columns?(d: Described): void;
  row?(row: Row, request: tedious.Request): void;
}

class MssqlConnection implements Connection {
  readonly kind = 'mssql' as const;
  readonly connection: tedious.Connection;
  #inTransaction = false;

  constructor(connection: tedious.Connection) {
    this.connection = connection;
  }

  get inTransaction(): boolean {
    return this.#inTransaction;
  }

  /** Runs one batch; resolves with the rows changed (SELECT rows not counted). */
  #run(batch: TediousBatch, options: QueryOptions | undefined, on: RunHandlers): Promise<number> {
    return new Promise((resolve, reject) => {
      let changed = 0;
      let selecting = false;
      const request = new tedious.Request(batch.sql, (err) => {
        if (!err) return resolve(changed);
        if ((err as { code?: string }).code === 'ETIMEOUT' && options?.timeoutSeconds) reject(timeoutError(NAME, options.timeoutSeconds, batch.sql));
        else reject(statementError(NAME, err, batch.sql));
      });
      if (options?.timeoutSeconds) request.setTimeout(options.timeoutSeconds * 1000);
      for (const p of batch.parameters) {
        const t = tediousParameter(p.value);
        request.addParameter(p.name, t.type, t.value, t.options);
      }
      request.on('columnMetadata', (meta) => {
        selecting = true;
        on.columns?.(describe(meta as unknown as (TediousMetadata & { colName: string })[]));
      });
      request.on('row', (cols) => on.row?.((cols as unknown as { value: unknown }[]).map((c) => c.value), request));
      const done = (rowCount: number | undefined): void => {
        if (!selecting) changed += rowCount ?? 0;
        selecting = false;
      };
      request.on('doneInProc', done);
      request.on('done', done);
      if (batch.parameters.length > 0) this.connection.execSql(request);
      else this.connection.execSqlBatch(request);
    });
  }

  async query(sql: string, params?: QueryParams, options?: QueryOptions): Promise<QueryResult> {
    const resultSets: ResultSet[] = [];
    let rowsAffected = 0;
    for (const batch of tediousBatches(sql, params)) {
      let current: { d: Described; rows: Row[] } | undefined;
      rowsAffected += await this.#run(batch, options, {
        columns: (d) => {
          current = { d, rows: [] };
          resultSets.push({ columns: d.columns, rows: current.rows });
        },
        row: (row) => current!.rows.push(row),
      });
    }
    for (const rs of resultSets) readRows(rs.rows, rs.columns.map((c) => readerFor(c.dataType, c.scale)));
    return { resultSets, rowsAffected };
  }

  async *queryBatches(sql: string, params?: QueryParams, batchRows = 10_000, options?: QueryOptions): AsyncIterable<RowBatch> {
    const batches = tediousBatches(sql, params);
    if (batches.length !== 1) throw statementError(NAME, new Error('a source query must be exactly one batch'), sql);
    let request: tedious.Request | undefined;
    const stream = new RowStream(batchRows, { pause: () => request?.pause(), resume: () => request?.resume() });
    this.#run(batches[0]!, options, {
      columns: (d) => { stream.described ??= d; },
      row: (row, r) => {
        request = r;
        stream.push(row);
      },
    }).then(() => stream.end(), (e) => stream.fail(e));
    try {
      yield* stream.batches((e) => (e instanceof Error ? e : statementError(NAME, e, sql)));
    } finally {
      if (!stream.done) {
        // Cancel the rest of the result (tedious sends an attention), then wait for the request to end.
        this.connection.cancel();
        await stream.drain();
      }
    }
  }

  async tableName(table: string): Promise<string> {
    return quoteMssqlName(table);
  }

  async tableColumns(table: string): Promise<TableColumn[]> {
    const t = objectIdArgument(table);
    const r = await this.query(
      `SELECT c.name, ty.name, c.max_length, c.precision, c.scale, c.is_nullable, c.is_identity, OBJECT_DEFINITION(c.default_object_id)
       FROM sys.columns c JOIN sys.types ty ON ty.user_type_id = c.user_type_id WHERE c.object_id = OBJECT_ID(${t}) ORDER BY c.column_id`,
    );
    const rows = r.resultSets[0]?.rows ?? [];
    if (rows.length === 0) throw statementError(NAME, new Error(`Invalid object name '${table}'.`));
    return rows.map(([name, type, maxLength, precision, scale, nullable, identity, dflt]) => {
      const typeName = String(type);
      const bytes = Number(maxLength);
      const length = bytes === -1 ? -1 : /^n(var)?char$/.test(typeName) ? bytes / 2 : bytes;
      const mapped = mapMssqlType(typeName, length, Number(precision), Number(scale));
      return {
        name: String(name),
        nativeType: nativeTypeText(typeName, length, Number(precision), Number(scale)),
        ...mapped,
        nullable: nullable === true,
        identity: identity === true,
        defaultExpression: dflt === null ? undefined : String(dflt),
      };
    });
  }

  callProcedure(name: string, params: readonly ProcedureParameter[], options?: QueryOptions): Promise<ProcedureResult> {
    const call = procedureBatch(name, params);
    return new Promise((resolve, reject) => {
      const resultSets: ResultSet[] = [];
      const values: Record<string, unknown> = {};
      let current: Row[] | undefined;
      let changed = 0;
      const request = new tedious.Request(call.sql, (err) => {
        if (err) {
          if ((err as { code?: string }).code === 'ETIMEOUT' && options?.timeoutSeconds) return reject(timeoutError(NAME, options.timeoutSeconds, call.sql));
          return reject(statementError(NAME, err, call.sql));
        }
        for (const rs of resultSets) readRows(rs.rows, rs.columns.map((c) => readerFor(c.dataType, c.scale)));
        const outputs: Record<string, unknown> = {};
        params.forEach((p, k) => { if (p.direction === 'output' || p.direction === 'inputOutput') outputs[p.name] = values[call.parameters[k]!.name.toLowerCase()] ?? null; });
        const wantsReturn = params.some((p) => p.direction === 'returnValue');
        resolve({ resultSets, rowsAffected: changed, outputs, ...(wantsReturn ? { returnValue: values[RETURN_PARAMETER.toLowerCase()] ?? null } : {}) });
      });
      if (options?.timeoutSeconds) request.setTimeout(options.timeoutSeconds * 1000);
      for (const p of call.parameters) {
        const t = tediousParameter(p.value ?? null);
        if (!p.output) request.addParameter(p.name, t.type, t.value, t.options);
        // An output without a value is declared nvarchar(4000); SQL Server converts the procedure's value to it.
        else if (p.name === RETURN_PARAMETER) request.addOutputParameter(p.name, tedious.TYPES.Int, null);
        else request.addOutputParameter(p.name, t.type, t.value, p.value === undefined || p.value === null ? { length: 4000 } : t.options);
      }
      request.on('columnMetadata', (meta) => {
        const d = describe(meta as unknown as (TediousMetadata & { colName: string })[]);
        current = [];
        resultSets.push({ columns: d.columns, rows: current });
      });
      request.on('row', (cols) => current?.push((cols as unknown as { value: unknown }[]).map((c) => c.value)));
      request.on('doneInProc', (rowCount) => { if (!current) changed += rowCount ?? 0; current = undefined; });
      request.on('returnValue', (parameterName: string, value: unknown) => { values[parameterName.replace(/^@/, '').toLowerCase()] = value; });
      this.connection.execSql(request);
    });
  }

  #tx(action: 'beginTransaction' | 'commitTransaction' | 'rollbackTransaction'): Promise<void> {
    return new Promise((resolve, reject) => {
      this.connection[action]((err?: Error | null) => (err ? reject(statementError(NAME, err, action)) : resolve()));
    });
  }

  async begin(): Promise<void> {
    await this.#tx('beginTransaction');
    this.#inTransaction = true;
  }

  async commit(): Promise<void> {
    this.#inTransaction = false;
    await this.#tx('commitTransaction');
  }

  async rollback(): Promise<void> {
    this.#inTransaction = false;
    await this.#tx('rollbackTransaction');
  }

  bulkLoad(table: string, columns: readonly string[], rows: RowSource, options: BulkLoadOptions = {}): Promise<BulkLoadResult> {
    return mssqlBulkLoad(this, table, columns, rows, options);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.connection.once('end', () => resolve());
      this.connection.close();
    });
  }
}

export type { MssqlConnection };

/** The SQL Server driver. */
export const mssqlDriver: Driver = {
  kind: 'mssql',
  capabilities: { commandTimeout: true, server: true },
  async connect(config: DriverConfig): Promise<Connection> {
    let connection: tedious.Connection;
    try {
      connection = new tedious.Connection(tediousConfig(config));
    } catch (e) {
      throw connectError(NAME, config.description, e);
    }
    // Errors after connecting surface on the next request; they must not crash the process.
    connection.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      connection.connect((err) => (err ? reject(connectError(NAME, config.description, err)) : resolve()));
    });
    return new MssqlConnection(connection);
  },
};
