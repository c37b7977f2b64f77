/** @module Package loading benchmark: loads per second over the whole corpus (readPackage beside a bare XML parse) and the peak memory. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseXml } from '../src/xml/index.ts';
import { readPackage, writePackage } from '../src/format/index.ts';

/** What {@link benchLoadCorpus} measured. */
export interface LoadCorpusResult {
  readonly packages: number;
  readonly megabytes: number;
  readonly rounds: number;
  /** readPackage (parse + lift into the model) per second. */
  readonly loadsPerSecond: number;
  /** The XML layer alone (parseXml) per second, the baseline. */
  readonly xmlParsesPerSecond: number;
  /** readPackage + writePackage (unchanged, byte-identical) per second. */
  readonly roundTripsPerSecond: number;
  /** Upgrades of the 2005/2008 packages to format 8 per second. */
  readonly upgradesPerSecond: number;
  /** process.resourceUsage().maxRSS, in MB. */
  readonly peakRssMb: number;
  /** Largest heap used seen between rounds, in MB. */
  readonly peakHeapMb: number;
}

const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus');

function corpusFiles(): { name: string; bytes: Buffer }[] {
  return ['v2', 'v3', 'v6', 'v8'].flatMap((d) =>
    readdirSync(join(CORPUS, d)).filter((n) => n.endsWith('.dtsx')).map((n) => ({ name: `${d}/${n}`, bytes: readFileSync(join(CORPUS, d, n)) })),
  );
}

/** Runs `fn` over every file once to warm up, then `rounds` times; returns operations per second. */
function rate(files: { name: string; bytes: Buffer }[], rounds: number, fn: (f: { name: string; bytes: Buffer }) => void, onRound: () => void): number {
  for (const f of files) fn(f);
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const f of files) fn(f);
    onRound();
  }
  return Math.round((files.length * rounds) / ((performance.now() - t0) / 1000));
}

/** Measures loading the whole corpus; prints a summary line per measure unless `print` is null. */
export function benchLoadCorpus(opts: { rounds?: number; print?: ((line: string) => void) | null } = {}): LoadCorpusResult {
  const rounds = opts.rounds ?? Number(process.env['OPENDTS_BENCH_ROUNDS'] ?? 20);
  const print = opts.print === undefined ? (l: string) => console.log(l) : opts.print;
  const files = corpusFiles();
  const legacy = files.filter((f) => f.name.startsWith('v2/') || f.name.startsWith('v3/'));
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = (): void => void (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
  const xmlParsesPerSecond = rate(files, rounds, (f) => void parseXml(f.bytes, f.name), sample);
  const loadsPerSecond = rate(files, rounds, (f) => void readPackage(f.bytes, { fileName: f.name }), sample);
  const roundTripsPerSecond = rate(files, rounds, (f) => void writePackage(readPackage(f.bytes, { fileName: f.name })), sample);
  const upgradesPerSecond = rate(legacy, rounds, (f) => void writePackage(readPackage(f.bytes, { fileName: f.name }), { format: 8 }), sample);
  const result: LoadCorpusResult = {
    packages: files.length,
    megabytes: Number((files.reduce((n, f) => n + f.bytes.length, 0) / 1048576).toFixed(2)),
    rounds,
    loadsPerSecond,
    xmlParsesPerSecond,
    roundTripsPerSecond,
    upgradesPerSecond,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    peakHeapMb: Math.round(peakHeap / 1048576),
  };
  if (print) {
    print(`package loading: ${result.packages} corpus packages (${result.megabytes} MB), ${rounds} rounds`);
    print(`  XML parse only (baseline)   ${String(xmlParsesPerSecond).padStart(7)} files/s`);
    print(`  readPackage                 ${String(loadsPerSecond).padStart(7)} packages/s  (${(loadsPerSecond / xmlParsesPerSecond).toFixed(2)}× the bare parse)`);
    print(`  readPackage + writePackage  ${String(roundTripsPerSecond).padStart(7)} packages/s`);
    print(`  upgrade 2005/2008 → 2014    ${String(upgradesPerSecond).padStart(7)} packages/s (${legacy.length} packages)`);
    print(`  peak RSS ${result.peakRssMb} MB, peak heap ${result.peakHeapMb} MB`);
  }
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchLoadCorpus();
}
