/** @module `opendts demo`: runs the quick start's demo package (demo/demo.dtsx) with dtexec on an embedded SQLite database and shows what it did. */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { CliIo } from '../io.ts';
import { runTool } from '../main.ts';

/** The demo folder of the installation (beside `src/` or `dist/`). */
function demoFolder(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'demo');
}

function usage(io: CliIo): void {
  io.out('Usage: opendts demo [--keep]');
  io.out('Runs demo/demo.dtsx with dtexec on an embedded SQLite database: it creates a table, loads demo/orders.csv');
  io.out('through a data flow, counts the rows, sums 1..10 in a For Loop with an Expression task, and logs a summary.');
  io.out('Everything it writes goes under $OPENDTS_HOME/demo, or a temporary folder removed afterwards (kept with --keep).');
}

/** Prints a table's rows as aligned text. */
function printTable(io: CliIo, db: Database.Database, title: string, sql: string): void {
  const stmt = db.prepare(sql);
  const columns = stmt.columns().map((c) => c.name);
  const rows = (stmt.raw().all() as unknown[][]).map((r) => r.map((v) => String(v)));
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  io.out(title);
  io.out(('  ' + columns.map((c, i) => c.padEnd(widths[i]!)).join('  ')).trimEnd());
  for (const r of rows) io.out(('  ' + r.map((v, i) => v.padEnd(widths[i]!)).join('  ')).trimEnd());
}

/** `opendts demo [--keep]`. */
export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    usage(io);
    return 0;
  }
  const unknown = args.filter((a) => a !== '--keep');
  if (unknown.length > 0) {
    io.err(`opendts demo: unknown option "${unknown[0]}".`);
    usage(io);
    return 1;
  }
  const pkg = join(demoFolder(), 'demo.dtsx');
  if (!existsSync(pkg)) {
    io.err(`opendts demo: the demo package is missing (${pkg}).`);
    return 1;
  }
  const home = io.env['OPENDTS_HOME'];
  const temporary = !home;
  const root = home ? join(resolve(io.cwd, home), 'demo') : mkdtempSync(join(tmpdir(), 'opendts-demo-'));
  mkdirSync(root, { recursive: true });
  const dbFile = join(root, 'demo.sqlite');
  rmSync(dbFile, { force: true });
  io.out(`Running ${pkg}`);
  io.out(`  dtexec /F demo.dtsx /Conn "DemoDb;sqlite:${dbFile}" /Rep EW`);
  io.out('');
  try {
    const code = await runTool('dtexec', ['/F', pkg, '/Conn', `DemoDb;sqlite:${dbFile}`, '/Rep', 'EW'], io);
    if (code === 0) {
      io.out('');
      const db = new Database(dbFile, { readonly: true });
      try {
        printTable(io, db, 'Table orders (loaded from demo/orders.csv by the data flow, amount_with_tax = amount * 1.2):', 'SELECT id, customer, country, amount, ROUND(amount_with_tax, 2) AS amount_with_tax FROM orders ORDER BY id');
        printTable(io, db, 'Table demo_log (rows counted by Execute SQL, total of the For Loop with an Expression task):', 'SELECT rows_loaded, loop_total FROM demo_log');
      } finally {
        db.close();
      }
    }
    io.out('');
    io.out(temporary && !args.includes('--keep') ? 'The demo database was in a temporary folder, now removed.' : `The demo database is ${dbFile}.`);
    return code;
  } finally {
    if (temporary && !args.includes('--keep')) rmSync(root, { recursive: true, force: true });
  }
}
