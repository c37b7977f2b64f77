// Benchmark of running packages: dtexec's start-up on an empty package (a child process, from dist/ when built) and the
// per-iteration overhead of a For Loop of 100,000 iterations running an Expression task. `node --import tsx bench/dtexec.ts`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPackage, addVariable, addForLoop, addExpressionTask, writePackage, readPackage } from '../src/format/index.ts';
import { Engine, expressionHost, packageSpec } from '../src/runtime/index.ts';
import '../src/tasks/index.ts';

const root = resolve(import.meta.dirname, '..');

/** What the benchmark measured. */
export interface DtexecBench {
  /** Median wall time of `dtexec /F empty.dtsx` in milliseconds (process start to exit). */
  readonly startupMs: number;
  readonly startupRuns: number;
  /** Iterations of the For Loop. */
  readonly iterations: number;
  /** Microseconds per iteration of the For Loop running one Expression task. */
  readonly loopMicrosPerIteration: number;
  /** The same sum written by hand in JavaScript, microseconds per iteration (the floor). */
  readonly handWrittenMicrosPerIteration: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function loopRun(iterations: number): Promise<{ ms: number; sum: unknown }> {
  const pkg = createPackage({ name: 'Loop', format: 8 });
  addVariable(pkg, { name: 'I', dataType: 3, value: '0' });
  addVariable(pkg, { name: 'Sum', dataType: 20, value: '0' });
  const loop = addForLoop(pkg, { name: 'Loop', init: '@[User::I] = 0', eval: `@[User::I] < ${iterations}`, assign: '@[User::I] = @[User::I] + 1' });
  addExpressionTask(loop, { name: 'Add', expression: '@[User::Sum] = @[User::Sum] + @[User::I]' });
  const spec = packageSpec(readPackage(writePackage(pkg), { fileName: 'loop.dtsx' }));
  const engine = new Engine(spec, { expressions: expressionHost(2014) });
  const t0 = performance.now();
  const outcome = await engine.run();
  const ms = performance.now() - t0;
  if (outcome.result !== 0) throw new Error(`the loop package failed (${outcome.result})`);
  return { ms, sum: engine.root.scope.get('User::Sum').value };
}

/** Runs the benchmark; `iterations` and `startupRuns` can be lowered for quick runs. */
export async function benchDtexec(opts: { iterations?: number; startupRuns?: number } = {}): Promise<DtexecBench> {
  const iterations = opts.iterations ?? 100_000;
  const startupRuns = opts.startupRuns ?? 5;
  const dir = mkdtempSync(join(tmpdir(), 'opendts-bench-'));
  try {
    const empty = join(dir, 'empty.dtsx');
    writeFileSync(empty, writePackage(createPackage({ name: 'Empty', format: 8 })));
    const times: number[] = [];
    for (let i = 0; i < startupRuns; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [join(root, 'bin', 'dtexec.js'), '/F', empty], { encoding: 'utf8' });
      times.push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`dtexec failed on the empty package:\n${r.stdout}${r.stderr}`);
    }
    await loopRun(1000);
    const { ms, sum } = await loopRun(iterations);
    if (BigInt(sum as bigint) !== (BigInt(iterations) * BigInt(iterations - 1)) / 2n) throw new Error(`wrong sum ${String(sum)}`);
    const t0 = performance.now();
    let hand = 0n;
    for (let i = 0; i < iterations; i++) hand += BigInt(i);
    const handMs = performance.now() - t0;
    if (hand !== BigInt(sum as bigint)) throw new Error('hand-written sum differs');
    return {
      startupMs: median(times),
      startupRuns,
      iterations,
      loopMicrosPerIteration: (ms * 1000) / iterations,
      handWrittenMicrosPerIteration: (handMs * 1000) / iterations,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await benchDtexec({ iterations: Number(process.env['OPENDTS_BENCH_ITERATIONS'] ?? 100_000) });
  console.log(`dtexec start-up on an empty package: ${r.startupMs.toFixed(0)} ms (median of ${r.startupRuns} runs)`);
  console.log(`For Loop of ${r.iterations} iterations running an Expression task: ${r.loopMicrosPerIteration.toFixed(2)} µs per iteration`);
  console.log(`same sum hand-written in JavaScript: ${r.handWrittenMicrosPerIteration.toFixed(3)} µs per iteration (ratio ${(r.loopMicrosPerIteration / r.handWrittenMicrosPerIteration).toFixed(0)}×)`);
}
