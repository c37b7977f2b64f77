/**
 * @module `npm run bench`: runs every benchmark of the project, one after the other, each in a process of its
 * own (so peak-memory figures are its own), and prints each one's numbers and its ratios against its peers.
 * `npm run bench -- dataflow expressions` runs only those named.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCHES: { name: string; file: string; what: string }[] = [
  { name: 'load-corpus', file: 'load-corpus.ts', what: 'package loading over the whole corpus, peak memory' },
  { name: 'expressions', file: 'expressions.ts', what: 'compiled expressions on 10 million rows vs hand-written JavaScript' },
  { name: 'dtexec', file: 'dtexec.ts', what: 'dtexec start-up and For Loop per-iteration overhead' },
  { name: 'store-import', file: 'store-import.ts', what: 'importing the corpus into an msdb instance vs plain INSERTs' },
  { name: 'service-load', file: 'service-load.ts', what: 'dtsserver under 50 concurrent clients listing and running packages' },
  { name: 'dataflow', file: 'dataflow.ts', what: 'data flows on 2M rows vs DuckDB, csv-parse and psql \\copy' },
];

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
let failed = 0;
for (const bench of BENCHES) {
  if (only.length > 0 && !only.includes(bench.name)) continue;
  console.log(`\n=== ${bench.name}: ${bench.what}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, bench.file)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`=== ${bench.name} failed (exit ${r.status ?? r.signal})`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
