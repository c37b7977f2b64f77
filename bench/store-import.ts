/**
 * @module Store import benchmark: packages per second for importing the whole corpus into a 2014 msdb
 * instance through the store API (load check, permanent upgrade, sp_ssis_putpackage in one transaction
 * each) beside plain INSERTs of the same bytes into the same table, on SQLite and PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { installRoot } from '../src/installation/index.ts';
import { corpusPackages } from '../test/corpus/corpus-files.ts';
import { createInstance, dropInstance, importPackage, newGuid, openInstance, ROOT_FOLDER_ID, type MsdbSession } from '../src/store/index.ts';

/** What {@link benchStoreImport} measured for one database. */
export interface StoreImportResult {
  readonly backend: 'sqlite' | 'postgres';
  readonly packages: number;
  readonly rounds: number;
  /** Through the store API: gate (load + upgrade of older formats) and putpackage, per second. */
  readonly storeApiPerSecond: number;
  /** Through the store API, only the packages already in the instance's format (load check, no upgrade), per second. */
  readonly storeApiSameFormatPerSecond: number;
  /** Plain `INSERT INTO sysssispackages` of the same bytes, one transaction each, per second. */
  readonly plainInsertPerSecond: number;
  /** storeApi / plainInsert. */
  readonly ratio: number;
}

function corpusFiles(): { name: string; bytes: Buffer }[] {
  return corpusPackages().map((p) => ({ name: `${p.folder}/${p.name}`, bytes: p.bytes }));
}

async function timed(files: { name: string; bytes: Buffer }[], rounds: number, fn: (f: { name: string; bytes: Buffer }, key: string) => Promise<void>): Promise<number> {
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const [i, f] of files.entries()) await fn(f, `r${r}_${i}`);
  return (files.length * rounds) / ((performance.now() - t0) / 1000);
}

async function plainInsert(s: MsdbSession, name: string, bytes: Buffer): Promise<void> {
  await s.db.transaction(async () => {
    await s.db.run(
      'INSERT INTO sysssispackages (name, id, description, createdate, folderid, ownersid, packagedata, packageformat, packagetype, vermajor, verminor, verbuild, vercomments, verid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [name, newGuid(), '', new Date(), ROOT_FOLDER_ID, s.caller.sid, bytes, 3, 0, 1, 0, 0, '', newGuid()],
    );
  });
}

/** Runs the benchmark on SQLite, and on PostgreSQL unless `postgresUrl` is null; prints a table unless `print` is null. */
export async function benchStoreImport(
  opts: { rounds?: number; postgresUrl?: string | null; print?: ((line: string) => void) | null } = {},
): Promise<StoreImportResult[]> {
  const rounds = opts.rounds ?? 3;
  const print = opts.print === undefined ? (l: string) => console.log(l) : opts.print;
  const files = corpusFiles();
  const root = mkdtempSync(join(tmpdir(), 'opendts-'));
  const results: StoreImportResult[] = [];
  try {
    installRoot(root);
    const backends: ['sqlite' | 'postgres', string | undefined][] = [['sqlite', undefined]];
    const pg = opts.postgresUrl === undefined ? 'postgres://postgres@127.0.0.1:5432/test' : opts.postgresUrl;
    if (pg) backends.push(['postgres', `${pg}${pg.includes('?') ? '&' : '?'}schema=opendts_bench_${randomBytes(4).toString('hex')}`]);
    for (const [backend, url] of backends) {
      const name = `BENCH_${backend}`;
      const ref = await createInstance(root, name, 2014, url ? { url } : {});
      const s = await openInstance(ref);
      try {
        const storeApiPerSecond = await timed(files, rounds, async (f, key) => void (await importPackage(s, `api_${key}`, f.bytes, { fileName: f.name })));
        const own = files.filter((f) => f.name.startsWith('v8/'));
        const storeApiSameFormatPerSecond = await timed(own, rounds, async (f, key) => void (await importPackage(s, `own_${key}`, f.bytes, { fileName: f.name })));
        const plainInsertPerSecond = await timed(files, rounds, (f, key) => plainInsert(s, `plain_${key}`, f.bytes));
        results.push({ backend, packages: files.length, rounds, storeApiPerSecond, storeApiSameFormatPerSecond, plainInsertPerSecond, ratio: storeApiPerSecond / plainInsertPerSecond });
      } finally {
        await s.close();
        await dropInstance(root, name);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  if (print) {
    print(`store import: ${files.length} corpus packages (formats 2, 3, 6, 8) into a 2014 instance, ${rounds} rounds`);
    for (const r of results) {
      print(
        `  ${r.backend.padEnd(9)} store API ${r.storeApiPerSecond.toFixed(1).padStart(7)} packages/s (format 8 only, no upgrade: ${r.storeApiSameFormatPerSecond.toFixed(1)})   ` +
          `plain INSERT ${r.plainInsertPerSecond.toFixed(1).padStart(7)} packages/s   ratio ${r.ratio.toFixed(3)}`,
      );
    }
  }
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchStoreImport();
}
