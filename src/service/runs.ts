/** @module Packages the service runs: each in a child `dtexec` of the service's version, its output kept line by line, stoppable, never able to take the service down. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ToolYear } from '../versions/index.ts';
import type { ServiceDb, ExecutionStatus } from './service-db.ts';

const DTEXEC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'dtexec.js');

/** What a run starts from: a Package Store path and dtexec's override switches. */
export interface RunRequest {
  /** `/DTS` path in the Package Store, e.g. `File System\Daily\load`. */
  readonly packagePath: string;
  /** `/SET` overrides: property path and value. */
  readonly set?: readonly { path: string; value: string }[];
  /** `/CONN` overrides: connection manager name and connection string. */
  readonly connections?: readonly { name: string; value: string }[];
  /** `/Par` overrides: parameter name and value. */
  readonly parameters?: readonly { name: string; value: string }[];
}

/** Runs packages as child processes and records them in the service's history. */
export class Runner {
  readonly #children = new Map<number, ChildProcess>();
  readonly #stopping = new Set<number>();
  readonly #db: ServiceDb;
  readonly #root: string;
  readonly #year: ToolYear;

  constructor(db: ServiceDb, root: string, year: ToolYear) {
    this.#db = db;
    this.#root = root;
    this.#year = year;
  }

  /** Starts a run and returns its execution ID at once. */
  start(req: RunRequest, startedBy: string): number {
    const id = this.#db.startExecution(req.packagePath, startedBy);
    const args = [DTEXEC, '/DTS', req.packagePath, '/Rep', 'EWIP'];
    for (const s of req.set ?? []) args.push('/Set', `${s.path};${s.value}`);
    for (const c of req.connections ?? []) args.push('/Conn', `${c.name};${c.value}`);
    for (const p of req.parameters ?? []) args.push('/Par', `${p.name};${p.value}`);
    const child = spawn(process.execPath, args, {
      env: { ...process.env, OPENDTS_HOME: this.#root, OPENDTS_PINNED_VERSION: String(this.#year) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#children.set(id, child);
    if (child.pid !== undefined) this.#db.setPid(id, child.pid);
    let seq = 0;
    const record = (stream: NodeJS.ReadableStream) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split(/\r?\n/);
        rest = lines.pop() ?? '';
        for (const line of lines) this.#db.addMessage(id, seq++, line);
      });
      stream.on('end', () => {
        if (rest !== '') this.#db.addMessage(id, seq++, rest);
        rest = '';
      });
    };
    record(child.stdout!);
    record(child.stderr!);
    child.on('error', (error) => this.#db.addMessage(id, seq++, `The package could not be started: ${error.message}`));
    child.on('close', (code, signal) => {
      this.#children.delete(id);
      const stopped = this.#stopping.delete(id);
      const status: ExecutionStatus = stopped ? 'stopped' : signal !== null ? 'failed' : code === 0 ? 'succeeded' : code === 3 ? 'canceled' : 'failed';
      this.#db.finishExecution(id, status, code);
    });
    return id;
  }

  /** The IDs of the runs going on now. */
  running(): number[] {
    return [...this.#children.keys()];
  }

  /** Stops a run: SIGINT (dtexec cancels cleanly), then SIGKILL if it does not end. False when it is not running. */
  stop(id: number, graceMs = 3000): boolean {
    const child = this.#children.get(id);
    if (!child) return false;
    this.#stopping.add(id);
    child.kill('SIGINT');
    setTimeout(() => {
      if (this.#children.has(id)) child.kill('SIGKILL');
    }, graceMs).unref();
    return true;
  }

  /** Resolves when every run has ended. */
  async drain(): Promise<void> {
    await Promise.all([...this.#children.values()].map((c) => new Promise<void>((resolve) => (c.exitCode !== null ? resolve() : c.once('close', () => resolve())))));
  }
}
