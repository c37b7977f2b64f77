/** @module The contract every driver passes (Hono-style `runDriverContract`): queries, parameters, NULLs, types, transactions, streaming, bulk load, errors. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SsisError } from '../../errors.ts';
import { SsisDateTime, SsisDecimal, type DataTypeName } from '../../types/index.ts';
import type { Connection, Driver, DriverConfig, Row } from '../driver.ts';
import { parseProcedureCall, procedureParameters } from '../procedure-call.ts';

/** One column type to round-trip: the DDL type name, the DT_* it must map to, and a value. */
export interface TypeCase {
  readonly nativeType: string;
  readonly dataType: DataTypeName;
  readonly value: unknown;
}

/** What the contract needs to know about one database. */
export interface DriverContractOptions {
  readonly driver: Driver;
  /** A config of a reachable database where the test may create tables. */
  readonly config: DriverConfig;
  /** A config that cannot connect (unreachable host or missing folder); must fail with a clear error. */
  readonly unreachable: DriverConfig;
  /** DDL of an auto-generated integer key column (`id INTEGER PRIMARY KEY`, `id serial primary key`, …). */
  readonly identityColumn: string;
  /** Column types to round-trip. */
  readonly types: readonly TypeCase[];
  /**
   * DDL of a procedure `(a INT, OUT b INT, INOUT c INT)` setting b = a * 2 and c = c + 1, and of a function
   * `(a INT) RETURNS INT` giving a * 3, when the database has stored procedures.
   */
  readonly procedures?: { readonly procedure: (name: string) => string; readonly func: (name: string) => string };
  /** A statement that takes about `seconds` seconds (for the command timeout), when the driver enforces timeouts. */
  readonly sleep?: (seconds: number) => string;
}

/** Normalises a value for comparison (decimals and dates by value, bytes by content). */
function comparable(v: unknown): unknown {
  if (v instanceof SsisDecimal) return `dec:${v.toString().replace(/\.?0+$/, '')}`;
  if (v instanceof SsisDateTime) return `dt:${v.day}:${v.tick}:${v.offset}`;
  if (v instanceof Uint8Array) return `bytes:${Buffer.from(v).toString('hex')}`;
  if (typeof v === 'bigint') return `int:${v}`;
  return v;
}

/** Registers the contract tests for a driver with node:test. */
export function runDriverContract(name: string, opts: DriverContractOptions): void {
  const suffix = randomBytes(4).toString('hex');
  const tables: string[] = [];
  const table = (base: string): string => {
    const t = `odts_${base}_${suffix}`;
    tables.push(t);
    return t;
  };
  let shared: Connection | undefined;
  const connect = async (): Promise<Connection> => (shared ??= await opts.driver.connect(opts.config));

  after(async () => {
    const c = await connect();
    if (c.inTransaction) await c.rollback();
    for (const t of tables) await c.query(`DROP TABLE IF EXISTS ${t}`);
    await c.close();
  });

  test(`${name}: a query returns columns with SSIS types and rows`, async () => {
    const c = await connect();
    const r = await c.query("SELECT 42 AS answer, 'text' AS word");
    assert.equal(r.resultSets.length, 1);
    const rs = r.resultSets[0]!;
    assert.deepEqual(rs.columns.map((x) => x.name), ['answer', 'word']);
    assert.match(rs.columns[0]!.dataType, /^DT_(I4|I8|NUMERIC)$/);
    assert.match(rs.columns[1]!.dataType, /^DT_(WSTR|STR)$/);
    assert.equal(Number(comparable(rs.rows[0]![0]) === 'int:42' ? 42 : rs.rows[0]![0]), 42);
    assert.equal(rs.rows[0]![1], 'text');
  });

  test(`${name}: positional ? and named @p parameters bind; markers inside strings do not`, async () => {
    const c = await connect();
    const t = table('params');
    await c.query(`CREATE TABLE ${t} (a INT, b VARCHAR(20))`);
    const ins = await c.query(`INSERT INTO ${t} (a, b) VALUES (?, ?)`, [1, 'one?']);
    assert.equal(ins.rowsAffected, 1);
    await c.query(`INSERT INTO ${t} (a, b) VALUES (@num, @name)`, { num: 2, '@name': 'two' });
    const r = await c.query(`SELECT b, '?' AS q FROM ${t} WHERE a = ? OR b = ? ORDER BY a`, [2, 'one?']);
    assert.deepEqual(r.resultSets[0]!.rows.map((x) => [x[0], x[1]]), [['one?', '?'], ['two', '?']]);
    const named = await c.query(`SELECT a FROM ${t} WHERE a = @x OR a + 1 = @x`, { x: 2 });
    assert.equal(named.resultSets[0]!.rows.length, 2);
    await assert.rejects(c.query(`SELECT a FROM ${t} WHERE a = ?`, [1, 2]), SsisError);
  });

  test(`${name}: NULLs round-trip as null`, async () => {
    const c = await connect();
    const t = table('nulls');
    await c.query(`CREATE TABLE ${t} (a INT NULL, b VARCHAR(10) NULL)`);
    await c.query(`INSERT INTO ${t} (a, b) VALUES (?, ?)`, [null, null]);
    const r = await c.query(`SELECT a, b FROM ${t}`);
    assert.deepEqual(r.resultSets[0]!.rows, [[null, null]]);
  });

  test(`${name}: every mapped type round-trips through parameters`, async () => {
    const c = await connect();
    const t = table('types');
    await c.query(`CREATE TABLE ${t} (${opts.types.map((x, i) => `c${i} ${x.nativeType}`).join(', ')})`);
    await c.query(`INSERT INTO ${t} VALUES (${opts.types.map(() => '?').join(', ')})`, opts.types.map((x) => x.value));
    const r = await c.query(`SELECT * FROM ${t}`);
    const rs = r.resultSets[0]!;
    opts.types.forEach((x, i) => {
      assert.equal(rs.columns[i]!.dataType, x.dataType, `${x.nativeType} maps to ${x.dataType}`);
      assert.deepEqual(comparable(rs.rows[0]![i]), comparable(x.value), `${x.nativeType} value`);
    });
    const cols = await c.tableColumns(t);
    for (const spelling of [t, `[dbo].[${t.toUpperCase()}]`]) {
      const count = await c.query(`SELECT COUNT(*) FROM ${await c.tableName(spelling)}`);
      assert.equal(Number(count.resultSets[0]!.rows[0]![0]), 1, `${spelling} names the table`);
    }
    assert.deepEqual(cols.map((x) => x.dataType), opts.types.map((x) => x.dataType));
  });

  test(`${name}: several statements run in one call`, async () => {
    const c = await connect();
    const t = table('multi');
    const r = await c.query(`CREATE TABLE ${t} (a INT);\nINSERT INTO ${t} VALUES (?);\nINSERT INTO ${t} VALUES (?), (3);\nSELECT SUM(a) AS s FROM ${t}`, [1, 2]);
    assert.equal(r.rowsAffected, 3);
    assert.equal(r.resultSets.length, 1);
    assert.equal(Number(String(comparable(r.resultSets[0]!.rows[0]![0])).replace(/^(int|dec):/, '')), 6);
  });

  test(`${name}: transactions commit and roll back`, async () => {
    const c = await connect();
    const t = table('tx');
    await c.query(`CREATE TABLE ${t} (a INT)`);
    await c.begin();
    assert.equal(c.inTransaction, true);
    await c.query(`INSERT INTO ${t} VALUES (1)`);
    await c.rollback();
    assert.equal(c.inTransaction, false);
    await c.begin();
    await c.query(`INSERT INTO ${t} VALUES (2)`);
    await c.commit();
    const r = await c.query(`SELECT a FROM ${t}`);
    assert.deepEqual(r.resultSets[0]!.rows.map((x) => Number(x[0])), [2]);
  });

  const rowsOf = function* (count: number, batch: number, make: (i: number) => Row): Iterable<Row[]> {
    for (let start = 0; start < count; start += batch) {
      const rows: Row[] = [];
      for (let i = start; i < Math.min(count, start + batch); i++) rows.push(make(i));
      yield rows;
    }
  };

  test(`${name}: bulk load of 100,000 rows commits every N rows and at each batch end; streaming reads them back in batches`, async () => {
    const c = await connect();
    const t = table('bulk');
    await c.query(`CREATE TABLE ${t} (n INT NOT NULL, label VARCHAR(40), amount DECIMAL(12,2))`);
    const result = await c.bulkLoad(t, ['n', 'label', 'amount'], rowsOf(100_000, 10_000, (i) => [i, i % 7 === 0 ? null : `row\t${i}\n\\"'`, new SsisDecimal(BigInt(i), 2)]), { maxInsertCommitSize: 4000, keepNulls: true });
    assert.deepEqual(result, { rows: 100_000, commits: 30 });
    let seen = 0;
    let sum = 0;
    let maxBatch = 0;
    let batches = 0;
    for await (const b of c.queryBatches(`SELECT n, label, amount FROM ${t} ORDER BY n`, undefined, 7000)) {
      batches++;
      maxBatch = Math.max(maxBatch, b.rows.length);
      for (const r of b.rows) {
        assert.equal(Number(r[0]), seen);
        if (seen === 8) assert.equal(r[1], 'row\t8\n\\"\'');
        if (seen === 7) assert.equal(r[1], null);
        sum += Number(r[0]);
        seen++;
      }
      assert.equal(b.columns[2]!.dataType, 'DT_NUMERIC');
    }
    assert.equal(seen, 100_000);
    assert.equal(sum, (99_999 * 100_000) / 2);
    assert.equal(maxBatch, 7000);
    assert.equal(batches, Math.ceil(100_000 / 7000));
  });

  test(`${name}: stopping a stream early leaves the connection usable`, async () => {
    const c = await connect();
    const t = table('early');
    await c.query(`CREATE TABLE ${t} (n INT)`);
    await c.bulkLoad(t, ['n'], rowsOf(5000, 1000, (i) => [i]));
    let seen = 0;
    for await (const b of c.queryBatches(`SELECT n FROM ${t} ORDER BY n`, [], 100)) {
      seen += b.rows.length;
      break;
    }
    assert.equal(seen, 100);
    const r = await c.query(`SELECT COUNT(*) FROM ${t} WHERE n >= ?`, [4000]);
    assert.equal(Number(r.resultSets[0]!.rows[0]![0]), 1000);
    const empty: number[] = [];
    for await (const b of c.queryBatches(`SELECT n FROM ${t} WHERE n < @low`, { low: 0 })) empty.push(b.rows.length);
    assert.deepEqual(empty, [0], 'an empty result yields one empty batch');
  });

  test(`${name}: a failing bulk load keeps the committed windows and rolls back the open one`, async () => {
    const c = await connect();
    const t = table('bulkfail');
    await c.query(`CREATE TABLE ${t} (n INT NOT NULL PRIMARY KEY)`);
    const source = rowsOf(30_000, 10_000, (i) => [i === 25_000 ? 5 : i]);
    await assert.rejects(c.bulkLoad(t, ['n'], source, { maxInsertCommitSize: 10_000 }), (e: unknown) => e instanceof SsisError && e.code === '0xC0202009');
    const r = await c.query(`SELECT COUNT(*) FROM ${t}`);
    assert.equal(Number(r.resultSets[0]!.rows[0]![0]), 20_000);
    assert.equal(c.inTransaction, false);
  });

  test(`${name}: a source that fails mid-load rolls back the open window and the connection stays usable`, async () => {
    const c = await connect();
    const t = table('srcfail');
    await c.query(`CREATE TABLE ${t} (n INT)`);
    async function* failing(): AsyncIterable<Row[]> {
      yield Array.from({ length: 1000 }, (_, i) => [i]);
      yield Array.from({ length: 1000 }, (_, i) => [1000 + i]);
      throw new Error('upstream component failed');
    }
    await assert.rejects(c.bulkLoad(t, ['n'], failing(), { maxInsertCommitSize: 1000 }), /upstream component failed/);
    await assert.rejects(c.bulkLoad(t, ['n'], failing(), { maxInsertCommitSize: 0 }), /upstream component failed/);
    assert.equal(c.inTransaction, false);
    const r = await c.query(`SELECT COUNT(*) FROM ${t}`);
    assert.equal(Number(r.resultSets[0]!.rows[0]![0]), 2000, 'the first load kept its two committed windows; the second committed nothing');
  });

  test(`${name}: a bulk load inside an outer transaction commits nothing itself`, async () => {
    const c = await connect();
    const t = table('bulkouter');
    await c.query(`CREATE TABLE ${t} (n INT)`);
    await c.begin();
    const r = await c.bulkLoad(t, ['n'], rowsOf(100, 10, (i) => [i]), { maxInsertCommitSize: 10 });
    assert.equal(r.commits, 0);
    await c.rollback();
    const count = await c.query(`SELECT COUNT(*) FROM ${t}`);
    assert.equal(Number(count.resultSets[0]!.rows[0]![0]), 0);
  });

  test(`${name}: a fast load into a table named SQL Server style ([dbo].[NAME]) finds it`, async () => {
    const c = await connect();
    const t = table('named');
    await c.query(`CREATE TABLE ${t} (n INT)`);
    const r = await c.bulkLoad(`[dbo].[${t.toUpperCase()}]`, ['N'], [[[1], [2]]]);
    assert.equal(r.rows, 2);
    const count = await c.query(`SELECT COUNT(*) FROM ${t}`);
    assert.equal(Number(count.resultSets[0]!.rows[0]![0]), 2);
  });

  test(`${name}: KeepNulls and KeepIdentity`, async () => {
    const c = await connect();
    const t = table('keep');
    await c.query(`CREATE TABLE ${t} (${opts.identityColumn}, v INT DEFAULT 7, w INT NULL)`);
    await c.bulkLoad(t, ['id', 'v', 'w'], [[[100, null, null]]], { keepNulls: false, keepIdentity: false });
    await c.bulkLoad(t, ['id', 'v', 'w'], [[[200, null, 1]]], { keepNulls: true, keepIdentity: true });
    const r = await c.query(`SELECT id, v, w FROM ${t} ORDER BY id`);
    const rows = r.resultSets[0]!.rows.map((x) => x.map((v) => (v === null ? null : Number(v))));
    assert.deepEqual(rows, [[1, 7, null], [200, null, 1]]);
  });

  test(`${name}: a failing statement becomes an SsisError with the driver's message`, async () => {
    const c = await connect();
    await assert.rejects(c.query('SELECT * FROM odts_missing_table_' + suffix), (e: unknown) => {
      assert.ok(e instanceof SsisError);
      assert.equal(e.code, '0xC0202009');
      assert.match(e.message, new RegExp(`odts_missing_table_${suffix}`));
      return true;
    });
    const r = await c.query('SELECT 1 AS ok');
    assert.equal(r.resultSets[0]!.rows.length, 1, 'the connection is still usable');
  });

  test(`${name}: after a failing statement in a transaction, rollback leaves a usable connection`, async () => {
    const c = await connect();
    const t = table('txfail');
    await c.query(`CREATE TABLE ${t} (n INT NOT NULL)`);
    await c.begin();
    await c.query(`INSERT INTO ${t} VALUES (1)`);
    await assert.rejects(c.query(`INSERT INTO ${t} VALUES (NULL)`), SsisError);
    await c.rollback();
    const r = await c.query(`SELECT COUNT(*) FROM ${t}`, [], { timeoutSeconds: 30 });
    assert.equal(Number(r.resultSets[0]!.rows[0]![0]), 0);
  });

  test(`${name}: an unreachable database gives a clear error, not a hang`, async () => {
    await assert.rejects(opts.driver.connect(opts.unreachable), (e: unknown) => {
      assert.ok(e instanceof SsisError);
      assert.equal(e.symbol, 'DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER');
      return true;
    });
  });

  if (opts.procedures) {
    const ddl = opts.procedures;
    test(`${name}: stored procedures return output values by name; functions a return value`, async () => {
      const c = await connect();
      const proc = `odts_proc_${suffix}`;
      const func = `odts_func_${suffix}`;
      try {
        await c.query(ddl.procedure(proc));
        await c.query(ddl.func(func));
        const r = await c.callProcedure(proc, [
          { name: '@a', direction: 'input', value: 21 },
          { name: '@B', direction: 'output' },
          { name: '@c', direction: 'inputOutput', value: 5 },
        ]);
        assert.deepEqual(Object.fromEntries(Object.entries(r.outputs).map(([k, v]) => [k, Number(v)])), { '@B': 42, '@c': 6 });
        // An OLE DB style call with markers and ordinal bindings runs the same way.
        const call = parseProcedureCall(`EXEC ${proc} ?, ? OUTPUT, ? OUTPUT`)!;
        const viaMarkers = await c.callProcedure(call.name, procedureParameters(call, 'OLEDB', [
          { name: '0', direction: 'Input', value: 4 },
          { name: '1', direction: 'Output' },
          { name: '2', direction: 'Input', value: 9 },
        ]));
        assert.deepEqual(Object.values(viaMarkers.outputs).map(Number), [8, 10]);
        const f = await c.callProcedure(func, [{ name: '@r', direction: 'returnValue' }, { name: '@a', direction: 'input', value: 7 }]);
        assert.equal(Number(f.returnValue), 21);
        await assert.rejects(c.callProcedure(`odts_missing_${suffix}`, []), SsisError);
      } finally {
        await c.query(`DROP PROCEDURE IF EXISTS ${proc}`);
        await c.query(`DROP FUNCTION IF EXISTS ${func}`);
      }
    });
  } else {
    test(`${name}: stored procedures are refused with a clear error`, async () => {
      const c = await connect();
      await assert.rejects(c.callProcedure('p', []), (e: unknown) => e instanceof SsisError && /not supported/.test(e.message));
    });
  }

  if (opts.driver.capabilities.commandTimeout && opts.sleep) {
    const sleep = opts.sleep;
    test(`${name}: a command timeout stops a long statement`, async () => {
      const c = await connect();
      await assert.rejects(c.query(sleep(5), undefined, { timeoutSeconds: 1 }), (e: unknown) => e instanceof SsisError && /timeout|interrupted|cancel/i.test(e.message));
      const r = await c.query('SELECT 1 AS ok', undefined, { timeoutSeconds: 0 });
      assert.equal(r.resultSets[0]!.rows.length, 1);
    });
  }
}
