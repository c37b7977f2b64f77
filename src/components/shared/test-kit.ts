/** @module Helpers shared by the component tests: temp folders and Flat File source/destination specs for the flow builder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorOutputSpec, type ColumnSpec, type ComponentSpec } from '../../dataflow/flow-builder.ts';

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
