/** @module The service's own database (SQLite under the version's `DTS` folder): executions and every message of every run, kept across restarts. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Installation } from '../installation/index.ts';

/** How a run ended, or that it still runs. */
export type ExecutionStatus = 'running' | 'succeeded' | 'failed' | 'canceled' | 'stopped';

/** One package execution as the history shows it. */
export interface ExecutionRow {
  readonly id: number;
  readonly packagePath: string;
  readonly startedBy: string;
  readonly status: ExecutionStatus;
  readonly exitCode: number | null;
  readonly startTime: string;
  readonly endTime: string | null;
  readonly pid: number | null;
}

/** One line of a run's output. */
export interface MessageRow {
  readonly seq: number;
  readonly time: string;
  readonly text: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS executions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  package_path TEXT NOT NULL,
  started_by TEXT NOT NULL,
  status TEXT NOT NULL,
  exit_code INTEGER,
  start_time TEXT NOT NULL,
  end_time TEXT,
  pid INTEGER
);
CREATE TABLE IF NOT EXISTS execution_messages (
  execution_id INTEGER NOT NULL REFERENCES executions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  time TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (execution_id, seq)
);`;

/** The history store of one version's service. */
export class ServiceDb {
  readonly #db: Database.Database;

  constructor(inst: Installation) {
    const file = path.join(inst.dts, 'Service', 'service.sqlite');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    // Every output line is a row: NORMAL keeps WAL commits durable across a crash of the service without an fsync per line.
    this.#db.pragma('synchronous = NORMAL');
    this.#db.exec(SCHEMA);
    // A run that was going when the service stopped did not finish under it: say so.
    this.#db.prepare("UPDATE executions SET status = 'stopped', end_time = ? WHERE status = 'running'").run(new Date().toISOString());
  }

  startExecution(packagePath: string, startedBy: string): number {
    const r = this.#db
      .prepare("INSERT INTO executions (package_path, started_by, status, start_time) VALUES (?, ?, 'running', ?)")
      .run(packagePath, startedBy, new Date().toISOString());
    return Number(r.lastInsertRowid);
  }

  setPid(id: number, pid: number): void {
    this.#db.prepare('UPDATE executions SET pid = ? WHERE id = ?').run(pid, id);
  }

  addMessage(id: number, seq: number, text: string): void {
    this.#db.prepare('INSERT INTO execution_messages (execution_id, seq, time, text) VALUES (?, ?, ?, ?)').run(id, seq, new Date().toISOString(), text);
  }

  finishExecution(id: number, status: ExecutionStatus, exitCode: number | null): void {
    this.#db.prepare('UPDATE executions SET status = ?, exit_code = ?, end_time = ? WHERE id = ?').run(status, exitCode, new Date().toISOString(), id);
  }

  execution(id: number): ExecutionRow | undefined {
    const r = this.#db.prepare('SELECT * FROM executions WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    return r && toExecution(r);
  }

  /** The newest `limit` executions, only those of `status` when given. */
  executions(limit = 200, status?: ExecutionStatus): ExecutionRow[] {
    const rows = status === undefined
      ? this.#db.prepare('SELECT * FROM executions ORDER BY id DESC LIMIT ?').all(limit)
      : this.#db.prepare('SELECT * FROM executions WHERE status = ? ORDER BY id DESC LIMIT ?').all(status, limit);
    return (rows as Record<string, unknown>[]).map(toExecution);
  }

  messages(id: number, afterSeq = -1): MessageRow[] {
    return this.#db
      .prepare('SELECT seq, time, text FROM execution_messages WHERE execution_id = ? AND seq > ? ORDER BY seq')
      .all(id, afterSeq) as MessageRow[];
  }

  close(): void {
    this.#db.close();
  }
}

function toExecution(r: Record<string, unknown>): ExecutionRow {
  return {
    id: Number(r.id),
    packagePath: String(r.package_path),
    startedBy: String(r.started_by),
    status: r.status as ExecutionStatus,
    exitCode: r.exit_code === null ? null : Number(r.exit_code),
    startTime: String(r.start_time),
    endTime: r.end_time === null ? null : String(r.end_time),
    pid: r.pid === null ? null : Number(r.pid),
  };
}
