/** @module Helpers shared by the component tests: temp folders and Flat File source/destination specs for the flow builder. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataFlowConnection, DataFlowContext, DataFlowResult } from '../../dataflow/context.ts';
import { errorOutputSpec, FlowBuilder, type ColumnSpec, type ComponentSpec } from '../../dataflow/flow-builder.ts';
import { flatFileConnection, memoryContext, type MemoryContext } from '../../dataflow/memory-context.ts';
import { runDataFlow } from '../../dataflow/run.ts';

/** A temp folder and its removal. */
export function tempFolder(): { dir: string; file(name: string): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'opendts-'));
  return { dir, file: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A Flat File Source reading `connection`, with an output column per spec (mapped by name) and an error output. */
export function flatSource(name: string, connection: string, columns: readonly ColumnSpec[], properties: Record<string, string> = {}): ComponentSpec {
  return {
    name,
    classId: 'Microsoft.FlatFileSource',
    properties,
    connections: { FlatFileConnection: connection },
    outputs: [
      { name: 'Flat File Source Output', columns: columns.map((c) => ({ external: c.name, ...c })) },
      { ...errorOutputSpec('Flat File Source Error Output'), syncInput: undefined, columns: [{ name: 'Flat File Source Error Output Column', dataType: 'text' }, { name: 'ErrorCode', dataType: 'i4' }, { name: 'ErrorColumn', dataType: 'i4' }] },
    ],
  };
}

/** A Flat File Destination writing the named upstream columns to `connection` (file columns of the same names). */
export function flatDestination(name: string, connection: string, columns: readonly string[], properties: Record<string, string> = {}): ComponentSpec {
  return {
    name,
    classId: 'Microsoft.FlatFileDestination',
    properties,
    connections: { FlatFileConnection: connection },
    inputs: [{ name: 'Flat File Destination Input', columns: columns.map((c) => ({ name: c, external: c })) }],
  };
}

/** Runs CSV text through `Src` (a Flat File Source with `inColumns`), the components `build` adds, into `Dst` (a Flat File Destination of `outColumns`); gives the result and the output text. */
export async function runThrough(opts: {
  input: string;
  inColumns: readonly ColumnSpec[];
  build: (f: FlowBuilder) => { last: string; output?: string | number };
  outColumns: readonly string[];
  context?: Partial<Parameters<typeof memoryContext>[0]>;
  extra?: Partial<DataFlowContext>;
  /** Custom properties of the source (RetainNulls defaults to true here, so empty fields stay NULL). */
  sourceProperties?: Record<string, string>;
  /** More connection managers (databases, caches). */
  connections?: readonly DataFlowConnection[];
}): Promise<{ result: DataFlowResult; out: string | undefined; ctx: MemoryContext }> {
  const t = tempFolder();
  try {
    writeFileSync(t.file('in.csv'), opts.input);
    const conns = [
      flatFileConnection('In', t.file('in.csv'), opts.inColumns.map((c) => ({ name: c.name, dataType: c.dataType }))),
      flatFileConnection('Out', t.file('out.csv'), opts.outColumns.map((name) => ({ name })), { textQualifier: '<none>' }),
      ...(opts.connections ?? []),
    ];
    const f = new FlowBuilder().add(flatSource('Src', 'In', opts.inColumns, { RetainNulls: 'true', ...opts.sourceProperties }));
    const { last, output } = opts.build(f);
    f.add(flatDestination('Dst', 'Out', opts.outColumns)).connect(last, 'Dst', output ?? 0);
    const ctx = memoryContext({ connections: conns, ...opts.context });
    const result = await runDataFlow(f.build(), { ...ctx, ...opts.extra });
    const out = existsSync(t.file('out.csv')) ? readFileSync(t.file('out.csv'), 'utf8') : undefined;
    return { result, out, ctx };
  } finally {
    t.remove();
  }
}

/** The messages of a failed result, for assertion messages. */
export function messages(result: DataFlowResult): string {
  return result.errors.map((e) => e.message).join('\n');
}
