/** @module Packages the service runs: each in a child `dtexec` of the service's version, its output kept line by line, stoppable, never able to take the service down. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ToolYear } from '../versions/index.ts';
import { ApiError } from './http-kit.ts';
import { hideSecrets } from './secrets.ts';
import type { ServiceDb, ExecutionStatus } from './service-db.ts';

const DTEXEC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'dtexec.js');

/** A `{name, value}` override of a run. */
export interface Override {
  readonly name: string;
  readonly value: string;
}

/** What a run starts from: the package (already loaded from its store) and dtexec's override switches. */
export interface RunRequest {
  /** The Package Store path the history shows, e.g. `File System\Daily\load`. */
  readonly packagePath: string;
  /** The package bytes, loaded from the store by the caller as the signed-in user. */
  readonly bytes: Uint8Array;
  /** `/SET` overrides: property path (`\Package.Variables[User::X].Value`) and value. */
  readonly set?: readonly Override[];
  /** `/CONN` overrides: connection manager name and connection string. */
  readonly connections?: readonly Override[];
  /** `/Par` overrides: parameter name and value. */
  readonly parameters?: readonly Override[];
}

/**
 * The dtexec switches of a run. `/Cons NSM;I;OnPipelineRowsSent` echoes the row count of every data
 * flow path to the console, where the history picks it up (see `rows-per-path.ts`).
 */
export function dtexecArgs(file: string, req: Omit<RunRequest, 'bytes' | 'packagePath'>): string[] {
  const args = ['/F', file, '/Rep', 'EWIP', '/Cons', 'NSM;I;OnPipelineRowsSent'];
  for (const s of req.set ?? []) args.push('/Set', `${s.name};${s.value}`);
  for (const c of req.connections ?? []) args.push('/Conn', `${c.name};${c.value}`);
  for (const p of req.parameters ?? []) args.push('/Par', `${p.name};${p.value}`);
  return args;
}

/** Runs packages as child processes and records them in the service's history. */
export class Runner {
  readonly #children = new Map<number, ChildProcess>();
  readonly #stopping = new Set<number>();
  readonly #db: ServiceDb;
  readonly #root: string;
  readonly #year: ToolYear;
  readonly #workDir: string;
  readonly #maxRunning: number;

  /** `workDir` holds each run's copy of its package while it runs; at most `maxRunning` runs go on at once. */
  constructor(db: ServiceDb, root: string, year: ToolYear, workDir: string, maxRunning = 32) {
    this.#db = db;
    this.#root = root;
    this.#year = year;
    this.#workDir = workDir;
    this.#maxRunning = maxRunning;
  }

  /**
   * Starts a run and returns its execution ID at once. The package is written to a private folder of
   * the run (removed when it ends) and run with `dtexec /F`; the overrides go on the command line of
   * the child only and are never recorded, and password values in its output are hidden.
   */
  start(req: RunRequest, startedBy: string): number {
    if (this.#children.size >= this.#maxRunning) {
      throw new ApiError(503, `${this.#children.size} packages are running, the most this service runs at once: start this one when another has finished.`);
    }
    const id = this.#db.startExecution(req.packagePath, startedBy);
    const dir = path.join(this.#workDir, String(id));
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const name = (req.packagePath.split(/[\\/]/).pop() ?? 'package').replace(/[^\w. -]/g, '_');
    const file = path.join(dir, /\.dtsx$/i.test(name) ? name : `${name}.dtsx`);
    fs.writeFileSync(file, req.bytes, { mode: 0o600 });
    const child = spawn(process.execPath, [DTEXEC, ...dtexecArgs(file, req)], {
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
        for (const line of lines) this.#db.addMessage(id, seq++, hideSecrets(line));
      });
      stream.on('end', () => {
        if (rest !== '') this.#db.addMessage(id, seq++, hideSecrets(rest));
        rest = '';
      });
    };
    record(child.stdout!);
    record(child.stderr!);
    child.on('error', (error) => this.#db.addMessage(id, seq++, `The package could not be started: ${error.message}`));
    child.on('close', (code, signal) => {
      this.#children.delete(id);
      fs.rmSync(dir, { recursive: true, force: true });
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

  /** Whether run `id` is going on now. */
  isRunning(id: number): boolean {
    return this.#children.has(id);
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

  /** Stops every run (StopExecutingPackagesOnShutdown) and waits for them to end. */
  async stopAll(graceMs = 3000): Promise<void> {
    for (const id of this.running()) this.stop(id, graceMs);
    await this.drain();
  }

  /** Lets the runs go on without the service: it no longer waits for them or records them. */
  detachAll(): void {
    for (const child of this.#children.values()) {
      child.removeAllListeners('close');
      child.removeAllListeners('error');
      child.stdout?.destroy();
      child.stderr?.destroy();
      child.unref();
    }
  }

  /** Resolves when every run has ended. */
  async drain(): Promise<void> {
    await Promise.all([...this.#children.values()].map((c) => new Promise<void>((resolve) => (c.exitCode !== null || c.signalCode !== null ? resolve() : c.once('close', () => resolve())))));
  }
}
