/**
 * @module Benchmark: compiled Derived-Column-style expressions in the columnar form against the same logic written by
 * hand in plain JavaScript over the same arrays, on 10 million rows in buffers of 10,000. Run standalone with
 * `node --import tsx bench/expressions.ts [rows]`.
 */
import { pathToFileURL } from 'node:url';
import { compileColumnar, type ColumnInfo } from '../src/expr/index.ts';
import { createColumnVector, typeSpec, type ColumnVector } from '../src/types/index.ts';

/** One measured expression. */
export interface ExpressionBenchResult {
  readonly name: string;
  readonly expression: string;
  readonly compiledRowsPerSecond: number;
  readonly handWrittenRowsPerSecond: number;
  /** compiled ÷ hand-written (goal ≥ 0.5). */
  readonly ratio: number;
}

/** The whole run. */
export interface ExpressionBenchReport {
  readonly rows: number;
  readonly bufferRows: number;
  readonly results: readonly ExpressionBenchResult[];
}

const COLUMNS: ColumnInfo[] = [
  { name: 'id', type: typeSpec('DT_I4') },
  { name: 'name', type: typeSpec('DT_WSTR', { length: 50 }) },
  { name: 'amount', type: typeSpec('DT_R8') },
  { name: 'country', type: typeSpec('DT_WSTR', { length: 2 }) },
];

type Batch = { columns: ColumnVector[]; length: number };
type Runner = (batch: Batch, out: ColumnVector) => void;

/** `UPPER(TRIM(name)) + "-" + (DT_WSTR,10)id`, by hand. */
const handDerived: Runner = (batch, out) => {
  const [id, name] = batch.columns;
  const idV = id.values as Int32Array, idN = id.nulls, nameV = name.values as string[], nameN = name.nulls;
  const oV = out.values as string[], oN = out.nulls;
  for (let i = 0; i < batch.length; i++) {
    if (nameN[i] === 1 || idN[i] === 1) {
      oN[i] = 1;
      continue;
    }
    oN[i] = 0;
    oV[i] = nameV[i].trim().toUpperCase() + '-' + idV[i];
  }
};

/** `amount * 1.2 > 100 && !ISNULL(country)` with three-valued logic, by hand. */
const handCondition: Runner = (batch, out) => {
  const amount = batch.columns[2], country = batch.columns[3];
  const aV = amount.values as Float64Array, aN = amount.nulls, cN = country.nulls;
  const oV = out.values as Uint8Array, oN = out.nulls;
  for (let i = 0; i < batch.length; i++) {
    const hasCountry = cN[i] === 0;
    if (!hasCountry) {
      oN[i] = 0;
      oV[i] = 0;
    } else if (aN[i] === 1) {
      oN[i] = 1;
    } else {
      oN[i] = 0;
      oV[i] = aV[i] * 1.2 > 100 ? 1 : 0;
    }
  }
};

const CASES: readonly { name: string; expression: string; hand: Runner }[] = [
  { name: 'derived column (strings)', expression: 'UPPER(TRIM(name)) + "-" + (DT_WSTR,10)id', hand: handDerived },
  { name: 'condition (numbers, NULLs)', expression: 'amount * 1.2 > 100 && !ISNULL(country)', hand: handCondition },
];

/** Fills a buffer with deterministic pseudo-random rows (some NULLs). */
function fill(batch: Batch, offset: number, names: readonly string[]): void {
  const [id, name, amount, country] = batch.columns;
  let seed = offset * 2654435761 % 4294967296;
  const rnd = () => (seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296;
  for (let i = 0; i < batch.length; i++) {
    (id.values as Int32Array)[i] = offset + i;
    id.nulls[i] = 0;
    (name.values as string[])[i] = names[(offset + i) % names.length];
    name.nulls[i] = rnd() < 0.02 ? 1 : 0;
    (amount.values as Float64Array)[i] = rnd() * 200;
    amount.nulls[i] = rnd() < 0.05 ? 1 : 0;
    (country.values as string[])[i] = 'US';
    country.nulls[i] = rnd() < 0.1 ? 1 : 0;
  }
}

function sameOutput(a: ColumnVector, b: ColumnVector, n: number): boolean {
  for (let i = 0; i < n; i++) {
    if (a.nulls[i] !== b.nulls[i]) return false;
    if (a.nulls[i] === 0 && (a.values as ArrayLike<unknown>)[i] !== (b.values as ArrayLike<unknown>)[i]) return false;
  }
  return true;
}

/** Runs the benchmark; `rows` defaults to 10 million, in buffers of `bufferRows` (10,000). */
export function benchExpressions(rows = 10_000_000, bufferRows = 10_000): ExpressionBenchReport {
  const names = Array.from({ length: 1000 }, (_, i) => `  customer ${i} name `);
  const batch: Batch = { columns: COLUMNS.map((c) => createColumnVector(c.type, bufferRows)), length: bufferRows };
  const results: ExpressionBenchResult[] = [];
  for (const c of CASES) {
    const compiled = compileColumnar(c.expression, COLUMNS);
    const outCompiled = createColumnVector(compiled.resultType, bufferRows);
    const outHand = createColumnVector(compiled.resultType, bufferRows);
    fill(batch, 0, names);
    compiled.run(batch, outCompiled);
    c.hand(batch, outHand);
    if (!sameOutput(outCompiled, outHand, bufferRows)) throw new Error(`${c.name}: the compiled and hand-written results differ`);
    // Warm up both before measuring.
    for (let w = 0; w < 20; w++) {
      compiled.run(batch, outCompiled);
      c.hand(batch, outHand);
    }
    let compiledMs = 0;
    let handMs = 0;
    for (let done = 0; done < rows; done += bufferRows) {
      batch.length = Math.min(bufferRows, rows - done);
      fill(batch, done, names);
      // Alternate which runs first so neither always gets a warm cache.
      const order = (done / bufferRows) % 2 === 0;
      for (const which of order ? ['compiled', 'hand'] : ['hand', 'compiled']) {
        const t0 = performance.now();
        if (which === 'compiled') compiled.run(batch, outCompiled);
        else c.hand(batch, outHand);
        const dt = performance.now() - t0;
        if (which === 'compiled') compiledMs += dt;
        else handMs += dt;
      }
    }
    const compiledRowsPerSecond = rows / (compiledMs / 1000);
    const handWrittenRowsPerSecond = rows / (handMs / 1000);
    results.push({ name: c.name, expression: c.expression, compiledRowsPerSecond, handWrittenRowsPerSecond, ratio: compiledRowsPerSecond / handWrittenRowsPerSecond });
  }
  return { rows, bufferRows, results };
}

/** Prints a report as a small table. */
export function printExpressionBench(report: ExpressionBenchReport, out: (line: string) => void = console.log): void {
  const m = (n: number) => `${(n / 1e6).toFixed(1)} M rows/s`;
  out(`Expressions, columnar form, ${report.rows.toLocaleString('en-US')} rows in buffers of ${report.bufferRows.toLocaleString('en-US')}:`);
  for (const r of report.results) {
    out(`  ${r.name.padEnd(28)} compiled ${m(r.compiledRowsPerSecond).padStart(15)}   hand-written ${m(r.handWrittenRowsPerSecond).padStart(15)}   ratio ${r.ratio.toFixed(2)}x  ${r.ratio >= 0.5 ? '(goal >= 0.5x met)' : '(below the 0.5x goal)'}`);
    out(`    ${r.expression}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = process.argv[2] ? Number(process.argv[2]) : undefined;
  printExpressionBench(benchExpressions(rows));
}
