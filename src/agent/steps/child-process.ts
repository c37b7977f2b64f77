/** @module Runs a child process for a step and collects what it prints (stdout and stderr in arrival order) and its exit code. */
import { spawn } from 'node:child_process';

/** How a child process ended. */
export interface ChildResult {
  /** The exit code; -1 when it could not start or was killed by a signal. */
  readonly exitCode: number;
  readonly output: string;
  /** Why it could not start, or the signal that ended it. */
  readonly error?: string;
}

/** Runs `file args` and waits for it; never throws. */
export function runChild(file: string, args: readonly string[], opts: { cwd: string; env: Readonly<Record<string, string | undefined>>; signal?: AbortSignal }): Promise<ChildResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let error: string | undefined;
    const child = spawn(file, args, { cwd: opts.cwd, env: opts.env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'], ...(opts.signal ? { signal: opts.signal } : {}) });
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', (e) => {
      error = e.message;
    });
    child.on('close', (code, signal) => {
      resolve({
        exitCode: code ?? -1,
        output: Buffer.concat(chunks).toString('utf8'),
        ...(error !== undefined ? { error } : signal ? { error: `ended by signal ${signal}` } : {}),
      });
    });
  });
}
