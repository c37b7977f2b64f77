// Tests of the control-flow engine on packages built in code: precedence, failures, handlers, loops, variables, concurrency, checkpoints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine, expressionHost, CheckpointStore, registerTask, runSpec, executableBase, taskSpec, constraint, variable, packageOf, type PackageSpec, type ContainerSpec, type TaskSpec, type EventHandlerSpec } from './index.ts';
import { SsisError } from '../errors.ts';
import '../tasks/index.ts';

/** A probe task for tests: records its runs, may fail, may wait. */
let running = 0;
let maxRunning = 0;
registerTask('TestProbe', {
  async execute(ctx) {
    running++;
    maxRunning = Math.max(maxRunning, running);
    try {
      (ctx.settings['log'] as string[]).push(ctx.task.name);
      if (ctx.settings['wait']) await new Promise((r) => setTimeout(r, Number(ctx.settings['wait'])));
      const failIf = ctx.settings['failIf'] as (() => boolean) | undefined;
      if (ctx.settings['fail'] === true || failIf?.()) throw new SsisError('0xC0000001', 'TEST_FAIL', `${ctx.task.name} failed on purpose`);
    } finally {
      running--;
    }
  },
});

const base = executableBase;
const probe = (name: string, log: string[], extra: Partial<TaskSpec> & { settings?: Record<string, unknown> } = {}): TaskSpec =>
  taskSpec(name, 'TestProbe', { log, ...(extra.settings ?? {}) }, { ...extra, settings: { log, ...(extra.settings ?? {}) } });
const exprTask = (name: string, expression: string): TaskSpec => taskSpec(name, 'Expression', { expression });
const c = constraint;
const v = variable;
const pkg = packageOf;

const run = (p: PackageSpec, opts: { checkpoints?: CheckpointStore } = {}) => runSpec(p, opts);

test('success, failure and completion constraints decide what runs', async () => {
  const log: string[] = [];
  const p = pkg([probe('A', log), probe('OnSuccess', log), probe('OnFailure', log), probe('OnCompletion', log)], {
    constraints: [c(0, 1), c(0, 2, { value: 1 }), c(0, 3, { value: 2 })],
  });
  const { outcome } = await run(p);
  assert.equal(outcome.result, 0);
  assert.deepEqual(log.sort(), ['A', 'OnCompletion', 'OnSuccess']);
});

test('a failing task fails the package (MaximumErrorCount 1) yet its Failure path runs', async () => {
  const log: string[] = [];
  const p = pkg([probe('A', log, { settings: { fail: true } }), probe('OnSuccess', log), probe('OnFailure', log)], {
    constraints: [c(0, 1), c(0, 2, { value: 1 })],
  });
  const { outcome, events } = await run(p);
  assert.equal(outcome.result, 1);
  assert.deepEqual(log.sort(), ['A', 'OnFailure']);
  assert.ok(events.some((e) => e.event === 'OnError' && e.code === '0xC0000001' && e.sourceName === 'A'));
  assert.ok(events.some((e) => e.event === 'OnTaskFailed' && e.sourceName === 'A'));
  const lenient = await run({ ...p, maximumErrorCount: 2 });
  assert.equal(lenient.outcome.result, 0);
});

test('AND waits for every constraint, OR for one; expressions in the four modes', async () => {
  const log: string[] = [];
  const p = pkg([probe('A', log), probe('B', log, { settings: { fail: true } }), probe('And', log), probe('Or', log), probe('Expr', log), probe('ExprAndConstraint', log), probe('ExprOrConstraint', log)], {
    maximumErrorCount: 0,
    variables: [v('Go', 11, true)],
    constraints: [
      c(0, 2), c(1, 2),
      c(0, 3, { logicalAnd: false }), c(1, 3, { logicalAnd: false }),
      c(1, 4, { evalOp: 1, expression: '@[User::Go]' }),
      c(1, 5, { evalOp: 3, expression: '@[User::Go]' }),
      c(1, 6, { evalOp: 4, expression: '@[User::Go] == FALSE' , value: 1 }),
    ],
  });
  const { outcome } = await run(p);
  assert.equal(outcome.result, 0);
  assert.deepEqual(log.sort(), ['A', 'B', 'Expr', 'ExprOrConstraint', 'Or']);
});

test('a disabled task reports success; ForceExecutionResult overrides what constraints see', async () => {
  const log: string[] = [];
  const p = pkg([probe('Off', log, { disabled: true }), probe('AfterOff', log), probe('Forced', log, { settings: { fail: true }, forceExecutionResult: 0 }), probe('AfterForced', log)], {
    maximumErrorCount: 5,
    constraints: [c(0, 1), c(2, 3)],
  });
  const { outcome } = await run(p);
  assert.equal(outcome.result, 0);
  assert.deepEqual(log.sort(), ['AfterForced', 'AfterOff', 'Forced']);
});

test('FailParentOnFailure stops the container; the Sequence fails with its child', async () => {
  const log: string[] = [];
  const seq: ContainerSpec = { ...base('Seq'), kind: 'sequence', executables: [probe('Bad', log, { settings: { fail: true }, failParentOnFailure: true }), probe('Next', log)], constraints: [c(0, 1, { value: 2 })] };
  const { outcome, events } = await run(pkg([seq]));
  assert.equal(outcome.result, 1);
  assert.deepEqual(log, ['Bad']);
  assert.ok(events.some((e) => e.event === 'OnError'));
});

test('OnError handlers run with the error in System variables; Propagate=False stops bubbling', async () => {
  const log: string[] = [];
  const handler = (name: string, propagate: boolean): EventHandlerSpec => ({
    ...base(name), kind: 'eventHandler', eventName: 'OnError',
    executables: [exprTask(`${name}Record`, `@[User::Seen] = @[User::Seen] + @[System::SourceName] + ":" + (DT_WSTR,20)@[System::ErrorCode] + ";"`), ...(propagate ? [] : [exprTask(`${name}Stop`, '@[System::Propagate] = FALSE')])],
    constraints: propagate ? [] : [c(0, 1)],
  });
  const task = probe('T', log, { settings: { fail: true }, eventHandlers: [handler('TaskHandler', true)] });
  const p = pkg([task], { variables: [v('Seen', 8, '')], eventHandlers: [handler('PackageHandler', true)] });
  const { engine } = await run(p);
  assert.equal(engine.root.scope.get('User::Seen').value, `T:${0xc0000001 | 0};T:${0xc0000001 | 0};`);
  const stopped = pkg([probe('T', log, { settings: { fail: true }, eventHandlers: [handler('TaskHandler', false)] })], { variables: [v('Seen', 8, '')], eventHandlers: [handler('PackageHandler', true)] });
  const second = await run(stopped);
  assert.equal(second.engine.root.scope.get('User::Seen').value, `T:${0xc0000001 | 0};`);
});

test('a For Loop runs its Expression task until EvalExpression is false', async () => {
  const loop: ContainerSpec = {
    ...base('Loop'), kind: 'forLoop', forLoop: { init: '@[User::I] = 0', eval: '@[User::I] < 5', assign: '@[User::I] = @[User::I] + 1' },
    executables: [exprTask('Add', '@[User::Sum] = @[User::Sum] + @[User::I]')], constraints: [],
  };
  const { outcome, engine } = await run(pkg([loop], { variables: [v('I', 3, 0), v('Sum', 3, 0)] }));
  assert.equal(outcome.result, 0);
  assert.equal(engine.root.scope.get('User::I').value, 5);
  assert.equal(engine.root.scope.get('User::Sum').value, 10);
});

test('Foreach Item and File enumerators map items into variables', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'opendts-'));
  try {
    for (const f of ['a.csv', 'b.csv', 'c.txt']) writeFileSync(join(dir, f), 'x');
    const items: ContainerSpec = {
      ...base('Items'), kind: 'foreachLoop', foreach: { enumerator: { kind: 'item', rows: [['x', 1], ['y', 2]] }, mappings: [{ index: 0, variable: 'User::Name' }, { index: 1, variable: 'User::N' }] },
      executables: [exprTask('Concat', '@[User::Out] = @[User::Out] + @[User::Name] + (DT_WSTR,5)@[User::N]')], constraints: [],
    };
    const files: ContainerSpec = {
      ...base('Files'), kind: 'foreachLoop', foreach: { enumerator: { kind: 'file', folder: dir, fileSpec: '*.CSV', retrieve: 1, recurse: false }, mappings: [{ index: 0, variable: 'User::Name' }] },
      executables: [exprTask('Collect', '@[User::Files] = @[User::Files] + @[User::Name] + ","')], constraints: [],
    };
    const { outcome, engine } = await run(pkg([items, files], { variables: [v('Name', 8, ''), v('N', 3, 0), v('Out', 8, ''), v('Files', 8, '')], constraints: [c(0, 1)] }));
    assert.equal(outcome.result, 0);
    assert.equal(engine.root.scope.get('User::Out').value, 'x1y2');
    assert.equal(engine.root.scope.get('User::Files').value, 'a.csv,b.csv,');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('variables: EvaluateAsExpression, ReadOnly, RaiseChangedEvent, scope and system variables', async () => {
  const seq: ContainerSpec = {
    ...base('Seq'), kind: 'sequence', variables: [v('X', 3, 100)],
    executables: [exprTask('Inner', '@[User::Seen] = (DT_WSTR,10)@[User::X] + @[System::TaskName] + @[System::PackageName]')], constraints: [],
  };
  const changed: EventHandlerSpec = { ...base('Changed'), kind: 'eventHandler', eventName: 'OnVariableValueChanged', executables: [exprTask('Count', '@[User::Changes] = @[User::Changes] + 1')], constraints: [] };
  const p = pkg([seq, exprTask('Set', '@[User::Watched] = 7')], {
    variables: [v('X', 3, 1), v('Doubled', 3, 0, { evaluateAsExpression: true, expression: '@[User::X] * 2' }), v('Seen', 8, ''), v('Watched', 3, 0, { raiseChangedEvent: true }), v('Changes', 3, 0)],
    eventHandlers: [changed],
  });
  const { outcome, engine } = await run(p);
  assert.equal(outcome.result, 0);
  assert.equal(engine.root.scope.get('User::Doubled').value, 2);
  assert.equal(engine.root.scope.get('User::Seen').value, '100InnerPackage');
  assert.equal(engine.root.scope.get('User::Changes').value, 1);
  const ro = await run(pkg([exprTask('Write', '@[User::R] = 2')], { variables: [v('R', 3, 1, { readOnly: true })] }));
  assert.equal(ro.outcome.result, 1);
  assert.match(ro.events.find((e) => e.event === 'OnError')!.message, /read-only/);
});

test('MaxConcurrentExecutables bounds how many independent tasks run at once', async () => {
  const log: string[] = [];
  const tasks = ['A', 'B', 'C', 'D'].map((n) => probe(n, log, { settings: { wait: 20 } }));
  maxRunning = 0;
  await run(pkg(tasks, { maxConcurrentExecutables: 1 }));
  assert.equal(maxRunning, 1);
  maxRunning = 0;
  await run(pkg(tasks.map((t) => ({ ...t })), { maxConcurrentExecutables: 3 }));
  assert.equal(maxRunning, 3);
});

test('checkpoints: a failed run restarts at the failed task; success deletes the file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'opendts-'));
  try {
    const file = join(dir, 'cp.xml');
    const log: string[] = [];
    let broken = true;
    const p = pkg([probe('One', log, { failPackageOnFailure: true }), probe('Two', log, { failPackageOnFailure: true, settings: { failIf: () => broken } }), probe('Three', log)], {
      constraints: [c(0, 1), c(1, 2)],
    });
    const settings = { file, usage: 1 as const, save: true };
    const first = await run(p, { checkpoints: new CheckpointStore(settings) });
    assert.equal(first.outcome.result, 1);
    assert.ok(existsSync(file));
    broken = false;
    const second = await run(p, { checkpoints: new CheckpointStore(settings) });
    assert.equal(second.outcome.result, 0);
    assert.deepEqual(log, ['One', 'Two', 'Two', 'Three']);
    assert.ok(!existsSync(file));
    const always = await run(p, { checkpoints: new CheckpointStore({ file, usage: 2, save: true }) });
    assert.equal(always.outcome.result, 1);
    assert.ok(always.events.some((e) => e.event === 'OnError' && /does not exist/.test(e.message)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a task kind OpenDTS does not run fails validation naming the task', async () => {
  const t: TaskSpec = { ...base('Profiler'), kind: 'task', taskKind: 'Microsoft.DataProfilingTask', settings: {} };
  const log: string[] = [];
  const { outcome, events } = await run(pkg([t, probe('Never', log)]));
  assert.equal(outcome.result, 1);
  assert.deepEqual(log, []);
  assert.match(events.find((e) => e.event === 'OnError')!.message, /"Profiler".*not support/);
});

test('validate-only stops after validation', async () => {
  const log: string[] = [];
  const engine = new Engine(pkg([probe('A', log)]), { expressions: expressionHost(2014), validateOnly: true });
  assert.equal((await engine.run()).result, 0);
  assert.deepEqual(log, []);
});

test('cancellation ends the run with DTSER_CANCELED', async () => {
  const log: string[] = [];
  const ac = new AbortController();
  const engine = new Engine(pkg([probe('Slow', log, { settings: { wait: 30 } }), probe('After', log)], { constraints: [c(0, 1)] }), { expressions: expressionHost(2014), signal: ac.signal });
  const pending = engine.run();
  setTimeout(() => ac.abort(), 5);
  assert.equal((await pending).result, 3);
  assert.deepEqual(log, ['Slow']);
});

test('property expressions are applied before each run; a Disable expression skips the executable', async () => {
  const log: string[] = [];
  const p = pkg([
    probe('Maybe', log, { propertyExpressions: { Disable: '@[User::Skip]' } }),
    probe('Always', log, { propertyExpressions: { Description: '"run " + (DT_WSTR,5)@[User::N]' } }),
  ], { variables: [v('Skip', 11, true), v('N', 3, 3)] });
  const { outcome, engine } = await run(p);
  assert.equal(outcome.result, 0);
  assert.deepEqual(log, ['Always']);
  const always = engine.root.children()[1]!;
  assert.equal(always.properties['Description'], 'run 3');
});

test('FailPackageOnFailure fails the package even when MaximumErrorCount would allow the error', async () => {
  const log: string[] = [];
  const p = pkg([probe('Bad', log, { settings: { fail: true }, failPackageOnFailure: true }), probe('Independent', log, { settings: { wait: 20 } })], { maximumErrorCount: 10, maxConcurrentExecutables: 1 });
  const { outcome } = await run(p);
  assert.equal(outcome.result, 1);
  assert.deepEqual(log, ['Bad']);
});
