/**
 * @module Service load benchmark: 50 concurrent clients on loopback, each signed in, listing the Stored
 * Packages, reading the history and package details, and some of them running a package, for a
 * bounded time; every answer must be a success, and latency percentiles are printed per operation.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiClient } from '../src/service/testing/client.ts';
import { quickPackage, serviceFixture, writeFixtureServiceConfig } from '../src/service/testing/fixtures.ts';

/** Latency figures of one operation, in milliseconds. */
export interface LatencyStats {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** What {@link benchServiceLoad} measured. */
export interface ServiceLoadResult {
  readonly clients: number;
  readonly seconds: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly errors: number;
  /** Runs started, and how many of them succeeded. */
  readonly runs: number;
  readonly runsSucceeded: number;
  readonly byOperation: Record<string, LatencyStats>;
}

function stats(samples: number[]): LatencyStats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { count: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1] ?? 0 };
}

/**
 * Runs the load: `clients` clients for `seconds` seconds; one client in `runEvery` starts a run of a
 * quick package (a process and a data flow) once, at a random moment, so the machine is not swamped
 * by dtexec processes. Throws when any request failed.
 */
export async function benchServiceLoad(opts: { clients?: number; seconds?: number; runEvery?: number; print?: (line: string) => void } = {}): Promise<ServiceLoadResult> {
  const clients = opts.clients ?? 50;
  const seconds = opts.seconds ?? 10;
  const runEvery = opts.runEvery ?? 5;
  const fx = await serviceFixture();
  writeFixtureServiceConfig(fx.root);
  for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(fx.root, '120', 'DTS', 'Packages', `p${i}.dtsx`), quickPackage(8, fx.csv, `P${i}`));
  const svc = await startServer(fx.root);
  const samples: Record<string, number[]> = { list: [], history: [], details: [], run: [] };
  const runIds: { client: ApiClient; id: number }[] = [];
  let errors = 0;
  const firstErrors: string[] = [];
  try {
    const users = await Promise.all(Array.from({ length: clients }, async (_, i) => {
      const c = new ApiClient(svc.url, 2014);
      const [login, pw] = i % 2 === 0 ? ['operator', 'operator-pw'] : ['admin', 'admin-pw'];
      const a = await c.signIn(login, pw);
      if (a.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(a.body)}`);
      return c;
    }));
    const until = Date.now() + seconds * 1000;
    const timed = async (op: string, c: ApiClient, method: string, p: string, body?: unknown, ok = 200) => {
      const t0 = performance.now();
      const a = await c.call(method, p, body);
      samples[op]!.push(performance.now() - t0);
      if (a.status !== ok) {
        errors++;
        if (firstErrors.length < 5) firstErrors.push(`${op} ${a.status} ${JSON.stringify(a.body)}`);
      }
      return a;
    };
    await Promise.all(users.map(async (c, i) => {
      const runAt = i % runEvery === 0 ? Date.now() + Math.random() * seconds * 800 : Infinity;
      let n = 0;
      while (Date.now() < until) {
        if (Date.now() >= runAt && !runIds.some((r) => r.client === c)) {
          const a = await timed('run', c, 'POST', '/api/executions', { path: `File System\\p${i % 20}` }, 202);
          if (a.status === 202) runIds.push({ client: c, id: Number(a.body.id) });
        } else if (n % 10 === 9) await timed('history', c, 'GET', '/api/executions?limit=50');
        else if (n % 10 === 5) await timed('details', c, 'GET', `/api/packages/details?path=${encodeURIComponent(`File System\\p${n % 20}`)}`);
        else await timed('list', c, 'GET', `/api/store?path=${encodeURIComponent(n % 2 === 0 ? 'File System' : 'MSDB')}`);
        n++;
      }
    }));
    let runsSucceeded = 0;
    for (const r of runIds) {
      const end = await r.client.waitForEnd(r.id, 300_000);
      if ((end.body.execution as { status: string }).status === 'succeeded') runsSucceeded++;
      else {
        errors++;
        if (firstErrors.length < 5) firstErrors.push(`run ${r.id} ${(end.body.execution as { status: string }).status}`);
      }
    }
    const requests = Object.values(samples).reduce((s, x) => s + x.length, 0);
    const result: ServiceLoadResult = {
      clients, seconds, requests, requestsPerSecond: requests / seconds, errors, runs: runIds.length, runsSucceeded,
      byOperation: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)])),
    };
    const print = opts.print ?? ((line: string) => console.log(line));
    print(`service load: ${clients} clients for ${seconds} s on loopback: ${requests} requests (${result.requestsPerSecond.toFixed(0)}/s), ${errors} errors, ${runIds.length} runs (${runsSucceeded} succeeded)`);
    for (const [op, s] of Object.entries(result.byOperation)) {
      print(`  ${op.padEnd(8)} n=${String(s.count).padStart(6)}  p50 ${s.p50.toFixed(1).padStart(7)} ms  p95 ${s.p95.toFixed(1).padStart(7)} ms  p99 ${s.p99.toFixed(1).padStart(7)} ms  max ${s.max.toFixed(1).padStart(7)} ms`);
    }
    if (errors > 0) throw new Error(`service load: ${errors} errors, first: ${firstErrors.join('; ')}`);
    return result;
  } finally {
    await svc.close();
    fx.cleanup();
  }
}

/** Starts `dtsserver` in a process of its own (so the clients do not share its event loop) and waits for its URL. */
async function startServer(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'dtsserver.js');
  const child: ChildProcess = spawn(process.execPath, [bin, '--root', root, '--port', '0', '--product-version', '2014'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      text += chunk;
      const m = /listening on (http:\/\/\S+) /.exec(text);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`dtsserver exited with ${code}: ${text}`)));
  });
  return {
    url,
    close: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchServiceLoad();
}
