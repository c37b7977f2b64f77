/** @module Data flow benchmark: OpenDTS's engine beside DuckDB (one thread and all threads) and a csv-parse + csv-stringify pipeline, on generated orders. */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { spawnSync } from 'node:child_process';
import { openConnection, parseConnectionUrl } from '../src/connections/index.ts';
import { writeFileSync } from 'node:fs';
import { memoryIo } from '../src/cli/io.ts';
import { runTool } from '../src/cli/main.ts';
import { dataFlowPackage } from '../src/dataflow/dtsx-writer.ts';
import { errorOutputSpec, flatFileConnection, FlowBuilder, memoryContext, runDataFlow, type ComponentSpec, type DataFlowConnection } from '../src/dataflow/index.ts';
import { generateOrders } from './data/orders.ts';

/** Benchmark options. */
export interface BenchDataflowOptions {
  /** Rows of generated data (default 2,000,000, or OPENDTS_BENCH_ROWS). */
  readonly rows?: number;
  /** Also run the engine on this many rows to show memory stays flat (default OPENDTS_BENCH_BIG_ROWS, else skipped). */
  readonly bigRows?: number;
  /** Where lines go (default console.log). */
  readonly print?: (line: string) => void;
}

/** One measured run. */
export interface BenchResult {
  readonly name: string;
  readonly rows: number;
  readonly ms: number;
  readonly rowsPerSecond: number;
  readonly peakRssMb?: number;
}

const OUT_COLUMNS = ['order_id', 'customer', 'country', 'amount', 'order_year'];

/** Samples the process's resident memory while `fn` runs; gives the peak in MB. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakMb: Math.round(peak / 1048576) };
  } finally {
    clearInterval(timer);
  }
}

const ORDERS_FILE_COLUMNS = [
  { name: 'order_id', dataType: 'i4' },
  { name: 'customer', dataType: 'str', maxWidth: 50 },
  { name: 'country', dataType: 'str', maxWidth: 50 },
  { name: 'amount', dataType: 'r8' },
  { name: 'order_date', dataType: 'dbDate' },
] as const;

/** The orders file as a Flat File connection (header row with column names). */
function ordersConnection(input: string): DataFlowConnection {
  return flatFileConnection('Orders', input, ORDERS_FILE_COLUMNS, { columnNamesInFirstDataRow: true });
}

/** The Flat File Source over the orders file. */
function ordersSource(): ComponentSpec {
  return {
    name: 'Orders',
    classId: 'Microsoft.FlatFileSource',
    connections: { FlatFileConnection: 'Orders' },
    outputs: [{ name: 'Flat File Source Output', columns: [
      { name: 'order_id', dataType: 'i4', external: 'order_id' },
      { name: 'customer', dataType: 'str', length: 50, external: 'customer' },
      { name: 'country', dataType: 'str', length: 50, external: 'country' },
      { name: 'amount', dataType: 'r8', external: 'amount' },
      { name: 'order_date', dataType: 'dbDate', external: 'order_date' },
    ] }],
  };
}

/** Runs a model; throws with the messages when it fails; gives the rows the source sent. */
async function runModel(model: ReturnType<FlowBuilder['build']>, connections: DataFlowConnection[]): Promise<number> {
  const result = await runDataFlow(model, memoryContext({ connections }));
  if (!result.success) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.paths.filter((p) => p.from === 'Orders').reduce((n, p) => n + p.rows, 0);
}

/**
 * Scenario 1: Flat File Source → Derived Column → Conditional Split → two Flat File Destinations, written as a
 * 2014-format .dtsx and run by dtexec (`viaDtexec`), or handed to the engine directly.
 */
export async function runEngineScenario(input: string, dir: string, viaDtexec = true): Promise<number> {
  const conns = [
    ordersConnection(input),
    flatFileConnection('Big', join(dir, 'engine-big.csv'), OUT_COLUMNS.map((name) => ({ name })), { textQualifier: '<none>' }),
    flatFileConnection('Small', join(dir, 'engine-small.csv'), OUT_COLUMNS.map((name) => ({ name })), { textQualifier: '<none>' }),
  ];
  const dest = (name: string, conn: string) => ({
    name,
    classId: 'Microsoft.FlatFileDestination',
    connections: { FlatFileConnection: conn },
    inputs: [{ name: 'Flat File Destination Input', columns: [
      { name: 'order_id', external: 'order_id' },
      { name: 'customer_u', external: 'customer' },
      { name: 'country', external: 'country' },
      { name: 'gross', external: 'amount' },
      { name: 'order_year', external: 'order_year' },
    ] }],
  });
  const model = new FlowBuilder()
    .add(ordersSource())
    .add({
      name: 'Derive',
      classId: 'Microsoft.DerivedColumn',
      inputs: [{ name: 'Derived Column Input' }],
      outputs: [
        { name: 'Derived Column Output', syncInput: 0, exclusionGroup: 1, columns: [
          { name: 'gross', dataType: 'r8', properties: { Expression: 'amount * 1.2' } },
          { name: 'customer_u', dataType: 'wstr', length: 50, properties: { Expression: 'UPPER(TRIM(customer))' } },
          { name: 'order_year', dataType: 'i4', properties: { Expression: 'YEAR(order_date)' } },
        ] },
        { ...errorOutputSpec('Derived Column Error Output'), exclusionGroup: 1 },
      ],
    })
    .add({
      name: 'Split',
      classId: 'Microsoft.ConditionalSplit',
      inputs: [{ name: 'Conditional Split Input' }],
      outputs: [
        { name: 'Big', syncInput: 0, exclusionGroup: 1, properties: { Expression: 'amount > 100', EvaluationOrder: '0' } },
        { name: 'Small', syncInput: 0, exclusionGroup: 1, properties: { IsDefaultOut: 'true' } },
        { ...errorOutputSpec('Conditional Split Error Output'), exclusionGroup: 1 },
      ],
    })
    .add(dest('Big orders', 'Big'))
    .add(dest('Small orders', 'Small'))
    .connect('Orders', 'Derive')
    .connect('Derive', 'Split')
    .connect('Split', 'Big orders', 'Big')
    .connect('Split', 'Small orders', 'Small')
    .build();
  if (!viaDtexec) return runModel(model, conns);
  const pkg = join(dir, 'orders-split.dtsx');
  writeFileSync(pkg, dataFlowPackage('Orders split', model, conns));
  const io = memoryIo({}, dir);
  const code = await runTool('dtexec', ['/F', pkg], io);
  if (code !== 0) throw new Error(`dtexec exited with ${code}:\n${io.stdout.join('\n')}`);
  return -1;
}

const PG_URL = process.env['OPENDTS_BENCH_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Scenario 2 on the engine: the orders file into PostgreSQL through the OLE DB Destination's fast load. */
export async function runEngineLoad(input: string, table: string): Promise<number> {
  const db: DataFlowConnection = { name: 'Db', refId: 'Package.ConnectionManagers[Db]', creationName: 'OLEDB', connectionString: PG_URL, properties: {}, open: () => openConnection(parseConnectionUrl(PG_URL, 'positional')) };
  const model = new FlowBuilder()
    .add(ordersSource())
    .add({
      name: 'Load',
      classId: 'Microsoft.OLEDBDestination',
      properties: { AccessMode: '3', OpenRowset: `[dbo].[${table}]`, FastLoadOptions: 'TABLOCK,CHECK_CONSTRAINTS', FastLoadMaxInsertCommitSize: '0' },
      connections: { OleDbConnection: 'Db' },
      inputs: [{ name: 'OLE DB Destination Input', columns: ORDERS_FILE_COLUMNS.map((c) => ({ name: c.name, external: c.name })) }],
    })
    .connect('Orders', 'Load')
    .build();
  return runModel(model, [ordersConnection(input), db]);
}

/** Scenario 2's peer: psql \copy of the same file. */
function runPsqlCopy(input: string, table: string): void {
  const u = new URL(PG_URL);
  const r = spawnSync('psql', ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres'), '-d', u.pathname.slice(1), '-v', 'ON_ERROR_STOP=1', '-c', `\\copy ${table} FROM '${input}' WITH (FORMAT csv, HEADER true)`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr || r.error?.message}`);
}

/** Scenario 3 on the engine: Sort by country, then Aggregate by country, to a flat file. */
export async function runEngineSortAggregate(input: string, dir: string): Promise<number> {
  const lineage = (c: string) => `#{Package\\Data Flow Task\\Orders.Outputs[Flat File Source Output].Columns[${c}]}`;
  const sorted = (c: string) => `#{Package\\Data Flow Task\\Sort.Outputs[Sort Output].Columns[${c}]}`;
  const model = new FlowBuilder()
    .add(ordersSource())
    .add({
      name: 'Sort',
      classId: 'Microsoft.Sort',
      inputs: [{ name: 'Sort Input', columns: [
        { name: 'country', properties: { NewSortKeyPosition: '1', NewComparisonFlags: '0' } },
        { name: 'amount', properties: { NewSortKeyPosition: '0' } },
      ] }],
      outputs: [{ name: 'Sort Output', isSorted: true, columns: [
        { name: 'country', dataType: 'str', length: 50, sortKeyPosition: 1, properties: { SortColumnId: lineage('country') } },
        { name: 'amount', dataType: 'r8', properties: { SortColumnId: lineage('amount') } },
      ] }],
    })
    .add({
      name: 'Aggregate',
      classId: 'Microsoft.Aggregate',
      inputs: [{ name: 'Aggregate Input', columns: '*' }],
      outputs: [{ name: 'Aggregate Output', columns: [
        { name: 'country', dataType: 'str', length: 50, properties: { AggregationType: '0', AggregationColumnId: sorted('country') } },
        { name: 'orders', dataType: 'ui8', properties: { AggregationType: '2' } },
        { name: 'total', dataType: 'r8', properties: { AggregationType: '4', AggregationColumnId: sorted('amount') } },
        { name: 'average', dataType: 'r8', properties: { AggregationType: '5', AggregationColumnId: sorted('amount') } },
      ] }],
    })
    .add({
      name: 'Totals',
      classId: 'Microsoft.FlatFileDestination',
      connections: { FlatFileConnection: 'Totals' },
      inputs: [{ name: 'Flat File Destination Input', columns: ['country', 'orders', 'total', 'average'].map((name) => ({ name, external: name })) }],
    })
    .connect('Orders', 'Sort')
    .connect('Sort', 'Aggregate')
    .connect('Aggregate', 'Totals')
    .build();
  const totals = flatFileConnection('Totals', join(dir, 'engine-totals.csv'), ['country', 'orders', 'total', 'average'].map((name) => ({ name })), { textQualifier: '<none>' });
  return runModel(model, [ordersConnection(input), totals]);
}

/** Scenario 3 in DuckDB. */
async function runDuckDbAggregate(input: string, dir: string, threads: number | undefined): Promise<void> {
  await duck(threads, async (run) => {
    await run(`COPY (SELECT country, count(*) AS orders, sum(amount) AS total, avg(amount) AS average FROM ${duckSource(input)} GROUP BY country ORDER BY country) TO '${join(dir, 'duck-totals.csv')}' (HEADER false)`);
  });
}

/** Runs statements on a fresh in-memory DuckDB with `threads` threads (all when undefined). */
async function duck(threads: number | undefined, fn: (run: (sql: string) => Promise<unknown>) => Promise<void>): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
  const conn = await instance.connect();
  try {
    await fn((sql) => conn.run(sql));
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

function duckSource(input: string): string {
  return `read_csv('${input}', header = true, columns = {'order_id': 'INTEGER', 'customer': 'VARCHAR', 'country': 'VARCHAR', 'amount': 'DOUBLE', 'order_date': 'DATE'})`;
}

/** Scenario 1 in DuckDB: the same query writing the same two files. */
async function runDuckDb(input: string, dir: string, threads: number | undefined): Promise<void> {
  const select = `SELECT order_id, upper(trim(customer)) AS customer, country, amount * 1.2 AS amount, year(order_date) AS order_year FROM ${duckSource(input)}`;
  await duck(threads, async (run) => {
    await run(`COPY (${select} WHERE amount > 100) TO '${join(dir, 'duck-big.csv')}' (HEADER false)`);
    await run(`COPY (${select} WHERE NOT (amount > 100)) TO '${join(dir, 'duck-small.csv')}' (HEADER false)`);
  });
}

/** Scenario 1 as a csv-parse + csv-stringify stream pipeline. */
async function runCsvParse(input: string, dir: string): Promise<void> {
  const big = stringify();
  const small = stringify();
  const bigDone = pipeline(big, createWriteStream(join(dir, 'csv-big.csv')));
  const smallDone = pipeline(small, createWriteStream(join(dir, 'csv-small.csv')));
  const route = new Transform({
    objectMode: true,
    transform(rec: string[], _enc, cb) {
      const amount = Number(rec[3]);
      const row = [rec[0], rec[1]!.trim().toUpperCase(), rec[2], amount * 1.2, Number(rec[4]!.slice(0, 4))];
      const target = amount > 100 ? big : small;
      if (target.write(row)) cb();
      else target.once('drain', () => cb());
    },
    flush(cb) {
      big.end();
      small.end();
      cb();
    },
  });
  await pipeline(createReadStream(input), parse({ from_line: 2 }), route);
  await Promise.all([bigDone, smallDone]);
}

async function measure(name: string, rows: number, fn: () => Promise<unknown>): Promise<BenchResult> {
  const t0 = performance.now();
  const { peakMb } = await withPeakRss(fn);
  const ms = performance.now() - t0;
  return { name, rows, ms, rowsPerSecond: Math.round(rows / (ms / 1000)), peakRssMb: peakMb };
}

/** Runs the benchmark and prints rows/second and ratios; returns the measurements. */
export async function benchDataflow(opts: BenchDataflowOptions = {}): Promise<BenchResult[]> {
  const print = opts.print ?? ((l: string) => console.log(l));
  const rows = opts.rows ?? Number(process.env['OPENDTS_BENCH_ROWS'] ?? 2_000_000);
  const bigRows = opts.bigRows ?? (process.env['OPENDTS_BENCH_BIG_ROWS'] ? Number(process.env['OPENDTS_BENCH_BIG_ROWS']) : 0);
  const dir = mkdtempSync(join(tmpdir(), 'opendts-bench-'));
  const results: BenchResult[] = [];
  try {
    const input = join(dir, 'orders.csv');
    const size = await generateOrders(input, rows);
    print(`data flow benchmark: ${rows.toLocaleString('en-US')} rows, ${(size / 1048576).toFixed(1)} MB (${input})`);
    print('scenario 1: Flat File Source → Derived Column → Conditional Split → 2 Flat File Destinations');
    const engine = await measure('OpenDTS dtexec (.dtsx)', rows, () => runEngineScenario(input, dir));
    results.push(engine);
    const direct = await measure('OpenDTS engine, no dtexec', rows, () => runEngineScenario(input, dir, false));
    results.push(direct);
    const duck1 = await measure('DuckDB, 1 thread', rows, () => runDuckDb(input, dir, 1));
    results.push(duck1);
    const duckN = await measure('DuckDB, all threads', rows, () => runDuckDb(input, dir, undefined));
    results.push(duckN);
    const csv = await measure('csv-parse + csv-stringify', rows, () => runCsvParse(input, dir));
    results.push(csv);
    for (const r of results) {
      print(`  ${r.name.padEnd(28)} ${String(r.rowsPerSecond.toLocaleString('en-US')).padStart(12)} rows/s  ${(r.ms / 1000).toFixed(2).padStart(7)} s  peak RSS ${r.peakRssMb} MB`);
    }
    print(`  ratios: engine / DuckDB 1 thread = ${(engine.rowsPerSecond / duck1.rowsPerSecond).toFixed(2)}× (target ≥ 0.5), engine / DuckDB all threads = ${(engine.rowsPerSecond / duckN.rowsPerSecond).toFixed(2)}×, engine / csv-parse = ${(engine.rowsPerSecond / csv.rowsPerSecond).toFixed(2)}× (target ≥ 5)`);
    print(`  engine peak RSS ${engine.peakRssMb} MB (target < 300)`);
    if (bigRows > 0) {
      const bigInput = join(dir, 'orders-big.csv');
      await generateOrders(bigInput, bigRows, 7);
      const big = await measure(`OpenDTS dtexec ${bigRows.toLocaleString('en-US')} rows`, bigRows, () => runEngineScenario(bigInput, dir));
      results.push(big);
      print(`  memory: ${rows.toLocaleString('en-US')} rows peak ${engine.peakRssMb} MB, ${bigRows.toLocaleString('en-US')} rows peak ${big.peakRssMb} MB (${big.rowsPerSecond.toLocaleString('en-US')} rows/s)`);
      rmSync(bigInput, { force: true });
    }
    print(`  output sizes: engine big ${statSync(join(dir, 'engine-big.csv')).size} B, DuckDB big ${statSync(join(dir, 'duck-big.csv')).size} B`);

    print(`scenario 2: the same file into PostgreSQL (${new URL(PG_URL).host}) through the OLE DB Destination's fast load, beside psql \\copy`);
    const table = `odts_bench_${process.pid}`;
    let admin;
    try {
      admin = await openConnection(parseConnectionUrl(PG_URL, 'positional'));
      await admin.query(`CREATE TABLE ${table} (order_id INT, customer VARCHAR(50), country VARCHAR(50), amount DOUBLE PRECISION, order_date DATE)`);
      const load = await measure('OpenDTS OLE DB fast load', rows, () => runEngineLoad(input, table));
      const loaded = Number((await admin.query(`SELECT COUNT(*) FROM ${table}`)).resultSets[0]!.rows[0]![0]);
      await admin.query(`TRUNCATE ${table}`);
      const copy = await measure('psql \\copy', rows, async () => runPsqlCopy(input, table));
      results.push(load, copy);
      for (const r of [load, copy]) print(`  ${r.name.padEnd(28)} ${r.rowsPerSecond.toLocaleString('en-US').padStart(12)} rows/s  ${(r.ms / 1000).toFixed(2).padStart(7)} s`);
      print(`  rows loaded ${loaded.toLocaleString('en-US')}; ratio engine / psql \\copy = ${(load.rowsPerSecond / copy.rowsPerSecond).toFixed(2)}× (target ≥ 0.8)`);
    } catch (e) {
      print(`  skipped: ${(e as Error).message}`);
    } finally {
      await admin?.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
      await admin?.close();
    }

    print('scenario 3: Sort by country + Aggregate by country (count, sum, average), beside DuckDB');
    const sa = await measure('OpenDTS Sort + Aggregate', rows, () => runEngineSortAggregate(input, dir));
    const sa1 = await measure('DuckDB GROUP BY, 1 thread', rows, () => runDuckDbAggregate(input, dir, 1));
    const saN = await measure('DuckDB GROUP BY, all threads', rows, () => runDuckDbAggregate(input, dir, undefined));
    results.push(sa, sa1, saN);
    for (const r of [sa, sa1, saN]) print(`  ${r.name.padEnd(28)} ${r.rowsPerSecond.toLocaleString('en-US').padStart(12)} rows/s  ${(r.ms / 1000).toFixed(2).padStart(7)} s  peak RSS ${r.peakRssMb} MB`);
    print(`  ratios: engine / DuckDB 1 thread = ${(sa.rowsPerSecond / sa1.rowsPerSecond).toFixed(2)}×, engine / DuckDB all threads = ${(sa.rowsPerSecond / saN.rowsPerSecond).toFixed(2)}×`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchDataflow();
}
